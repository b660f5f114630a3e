package io.quarkiverse.schematic;

/**
 * Where the answer of a flag check came from.
 */
public enum FlagSource {
    /** Schematic evaluated the flag for this request. */
    REMOTE,
    /** A recent answer of Schematic, served from the local cache. */
    CACHE,
    /** Schematic could not answer; the configured default (or {@code false}) was used. */
    DEFAULT,
    /** Offline mode: the configured default (or {@code false}) was used without any network call. */
    OFFLINE,
    /** Evaluated locally from replicated rules. */
    LOCAL
}
