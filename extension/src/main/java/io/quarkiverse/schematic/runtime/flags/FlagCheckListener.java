package io.quarkiverse.schematic.runtime.flags;

import io.quarkiverse.schematic.FlagCheck;

/**
 * Told about every answered flag check (metrics, Dev UI). Must be cheap: it runs on the caller's thread, also on
 * cache hits.
 */
@FunctionalInterface
public interface FlagCheckListener {

    FlagCheckListener NONE = check -> {
    };

    void checked(FlagCheck check);
}
