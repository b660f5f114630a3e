package io.quarkiverse.schematic;

/**
 * A CDI event fired when local evaluation learns from Schematic's DataStream that a flag was created, changed or
 * deleted, for example to clear a cache of values derived from the flag:
 *
 * <pre>{@code
 * void onFlagChange(@Observes FlagChanged change) {
 *     derived.invalidate(change.flag());
 * }
 * }</pre>
 *
 * Fired only with {@code quarkus.schematic.local-evaluation.enabled=true} (the DataStream is what tells the
 * application about changes). Both synchronous ({@code @Observes}) and asynchronous ({@code @ObservesAsync}) observers
 * are notified; synchronous observers run one change at a time, in the order the DataStream sent them, on a worker
 * thread (never on a Vert.x event loop); an exception thrown by an observer is logged and does not disturb local
 * evaluation.
 * <p>
 * When the DataStream (re)connects it sends the whole flag set: flags the application had not seen yet are
 * {@link Kind#CREATED}, flags whose rules or default differ are {@link Kind#CHANGED}, flags no longer sent are
 * {@link Kind#DELETED}; unchanged flags fire nothing. The first connection therefore reports every flag as created.
 *
 * @param flag the flag key
 * @param kind what happened to it
 */
public record FlagChanged(String flag, Kind kind) {

    /** What happened to a flag. */
    public enum Kind {
        /** The flag is new to the application. */
        CREATED,
        /** The flag's rules or default value changed. */
        CHANGED,
        /** The flag was deleted (or is no longer sent): checks of it now fall back to the REST API. */
        DELETED
    }

    /**
     * @throws IllegalArgumentException when {@code flag} is blank or {@code kind} is {@code null}
     */
    public FlagChanged {
        Arguments.requireText(flag, "flag");
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
    }
}
