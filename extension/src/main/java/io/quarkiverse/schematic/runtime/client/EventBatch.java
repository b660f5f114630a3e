package io.quarkiverse.schematic.runtime.client;

import java.util.List;

/**
 * Body of {@code POST {event-capture-url}/batch}.
 */
public record EventBatch(List<CapturedEvent> events) {
}
