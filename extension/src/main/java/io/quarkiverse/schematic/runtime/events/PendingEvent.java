package io.quarkiverse.schematic.runtime.events;

/**
 * An accepted identify or track event waiting in the buffer.
 *
 * @param type {@code identify} or {@code track}
 * @param body the event body DTO
 * @param acceptedAtMillis when the application sent it (epoch millis), sent as {@code sent_at}
 */
public record PendingEvent(String type, Object body, long acceptedAtMillis) {
}
