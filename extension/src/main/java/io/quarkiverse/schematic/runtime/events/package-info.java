/**
 * Internal: where identify and track events go: the batching buffer that sends them to the event-capture service,
 * and the offline sink. Not for users; may change in any release.
 */
package io.quarkiverse.schematic.runtime.events;
