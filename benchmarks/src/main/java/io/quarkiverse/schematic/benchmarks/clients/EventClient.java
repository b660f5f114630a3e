package io.quarkiverse.schematic.benchmarks.clients;

import java.util.Map;

/**
 * What the event scenarios need from a client: enqueue identify/track events the way an application would, and
 * wait until everything enqueued so far has reached the capture service.
 */
public interface EventClient {

    void identify(Map<String, String> user, String userName, Map<String, String> company, String companyName);

    void track(String event, Map<String, String> company, Map<String, String> user, long quantity);

    /** Blocks until every event enqueued before the call was delivered (or given up). */
    void flush();
}
