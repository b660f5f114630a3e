package io.quarkiverse.schematic.runtime.events;

import java.util.List;

import io.quarkiverse.schematic.runtime.client.CapturedEvent;

/**
 * Delivers one batch to the event-capture service, blocking until it is accepted.
 */
@FunctionalInterface
public interface EventSender {

    /**
     * One attempt, no retries: the buffer decides what a failure means.
     *
     * @throws RuntimeException when the batch was not accepted; a
     *         {@link io.quarkiverse.schematic.SchematicClientErrorException} when Schematic refused it with a 4xx that
     *         a retry cannot change
     */
    void send(List<CapturedEvent> batch);
}
