package io.quarkiverse.schematic.benchmarks.clients;

import java.util.Map;

/**
 * What the flag-check scenarios need from a client. Any Schematic client (ours, the official SDK, a floor) can be
 * measured by implementing this one method.
 */
@FunctionalInterface
public interface FlagClient {

    boolean check(String flag, Map<String, String> company, Map<String, String> user);
}
