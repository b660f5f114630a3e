package io.quarkiverse.schematic.runtime.events;

import java.util.List;

import io.quarkiverse.schematic.runtime.client.CapturedEvent;

/**
 * Delivers one batch to the event-capture service, blocking until it is accepted.
 */
@FunctionalInterface
public interface EventSender {

    /**
     * @throws RuntimeException when the batch was not accepted (after the sender's own retries)
     */
    void send(List<CapturedEvent> batch);
}
