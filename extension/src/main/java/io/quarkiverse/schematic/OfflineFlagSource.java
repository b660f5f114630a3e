package io.quarkiverse.schematic;

import java.util.Map;
import java.util.Set;

/**
 * Service provider interface: answers flag checks while the extension runs in offline mode
 * ({@code quarkus.schematic.offline=true}), before the flag defaults do. Implement it as a CDI bean; online it is never
 * called. An answer may carry a value, a rule type and an {@link Entitlement}, so that code reading usage and limits
 * can be exercised without Schematic.
 * <p>
 * The test kit of {@code quarkus-schematic-test} sets entitlements per test this way. The methods run on the thread
 * that checks the flag (possibly an event loop), so they must be quick and must not block; an exception is logged and
 * the flag default answers instead.
 */
public interface OfflineFlagSource {

    /**
     * The answer to one check, or {@code null} to leave it to the flag default. The extension sets the answer's
     * {@link FlagCheck#source() source} to {@link FlagSource#OFFLINE}.
     *
     * @param flag the flag checked
     * @param company the company keys of the check (never {@code null}, may be empty)
     * @param user the user keys of the check (never {@code null}, may be empty)
     * @param preflight the size of the action asked about, or {@code null} for a plain check
     */
    FlagCheck answer(String flag, Map<String, String> company, Map<String, String> user, Preflight preflight);

    /**
     * Flags this source answers, which a check of all flags ({@link SchematicService#checkFlags(Map, Map)}) lists
     * beside the flags that have a default.
     */
    default Set<String> flags() {
        return Set.of();
    }
}
