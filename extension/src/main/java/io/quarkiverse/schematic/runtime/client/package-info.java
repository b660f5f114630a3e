/**
 * Internal: the MicroProfile REST Client interfaces of the Schematic API and event-capture service, their JSON DTOs,
 * error mapping, retry predicate, backoff and per-call budget. Not for users; may change in any release.
 */
package io.quarkiverse.schematic.runtime.client;
