/**
 * Internal: the Dev UI card's JSON-RPC service and its client of the dev service. Dev mode only; not for users.
 */
package io.quarkiverse.schematic.runtime.devui;
