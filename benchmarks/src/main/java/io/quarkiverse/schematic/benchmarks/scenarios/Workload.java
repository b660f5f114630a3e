package io.quarkiverse.schematic.benchmarks.scenarios;

import java.util.Map;

/** The same flag, company and user in every scenario and for every client. */
final class Workload {

    static final String FLAG = "new-dashboard";
    static final Map<String, String> COMPANY = Map.of("id", "acme");
    static final Map<String, String> USER = Map.of("email", "jane@acme.com");
    static final String EVENT = "query-tokens";
    static final long QUANTITY = 1500;
    static final Map<String, Object> TRAITS = Map.of("seats", 40);

    /**
     * JVM options of every fork. The JBoss log manager must be chosen before anything touches JUL; the heap is
     * fixed so GC work does not depend on the machine's memory.
     */
    static final String LOG_MANAGER = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager";

    private Workload() {
    }
}
