package io.quarkiverse.schematic.runtime.datastream;

import java.util.Locale;

/**
 * A snapshot of local evaluation for health, meters and the Dev UI.
 *
 * @param state {@code disabled}, {@code connecting}, {@code connected}, {@code disconnected} or {@code closed}; in
 *        replicator mode {@code replicator-ready} or {@code replicator-not-ready}
 * @param url the DataStream URL (in replicator mode its readiness URL), {@code null} when disabled
 * @param flagsReceived whether the DataStream sent the flag set since start-up (in replicator mode: whether the
 *        replicator is ready)
 * @param flags cached flags
 * @param companies cached companies
 * @param users cached users
 * @param pendingRequests companies and users requested and not yet received
 * @param reconnects connections opened again after one was lost
 * @param entityWaitTimeouts requests for a company or user the DataStream did not answer in time
 * @param ignoredMessages messages that could not be used (not JSON, unknown type, unreadable entity...)
 * @param droppedMessages messages dropped because too many were waiting to be applied (each forces a
 *        resynchronisation)
 */
public record DataStreamStatus(String state, String url, boolean flagsReceived, long flags, long companies, long users,
        long pendingRequests, long reconnects, long entityWaitTimeouts, long ignoredMessages, long droppedMessages) {

    /** The state in replicator mode while the replicator is ready: checks evaluate locally from its Redis. */
    public static final String REPLICATOR_READY = "replicator-ready";

    static final DataStreamStatus DISABLED = new DataStreamStatus("disabled", null, false, 0, 0, 0, 0, 0, 0, 0, 0);

    static String stateName(DataStreamConnection.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    public boolean enabled() {
        return url != null;
    }

    /** Whether what is missing locally can be had: the DataStream is connected, or the replicator ready. */
    public boolean connected() {
        return "connected".equals(state) || REPLICATOR_READY.equals(state);
    }
}
