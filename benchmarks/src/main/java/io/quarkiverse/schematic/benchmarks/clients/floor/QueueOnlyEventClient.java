package io.quarkiverse.schematic.benchmarks.clients.floor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.quarkiverse.schematic.benchmarks.clients.EventClient;

/**
 * The floor of an enqueue: allocate one small event object and put it on a lock-free queue for another thread to
 * send; nothing is validated, copied or sent. {@link #flush()} simply forgets the queued events, so a benchmark can
 * keep the queue (and the garbage collector's work) as small as it likes between iterations.
 */
public final class QueueOnlyEventClient implements EventClient {

    private volatile ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();

    record Event(String type, String name, Map<String, String> company, Map<String, String> user, long quantity,
            long acceptedAtMillis) {
    }

    @Override
    public void identify(Map<String, String> user, String userName, Map<String, String> company,
            String companyName) {
        queue.offer(new Event("identify", userName, company, user, 0, System.currentTimeMillis()));
    }

    @Override
    public void track(String event, Map<String, String> company, Map<String, String> user, long quantity) {
        queue.offer(new Event("track", event, company, user, quantity, System.currentTimeMillis()));
    }

    @Override
    public void flush() {
        queue = new ConcurrentLinkedQueue<>();
    }

    /** Moves up to {@code max} queued events, oldest first, into {@code into}; for a floor that also sends them. */
    int drainTo(List<Event> into, int max) {
        ConcurrentLinkedQueue<Object> from = queue;
        int moved = 0;
        Object next;
        while (moved < max && (next = from.poll()) != null) {
            into.add((Event) next);
            moved++;
        }
        return moved;
    }
}
