package io.quarkiverse.schematic.benchmarks.clients.floor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.quarkiverse.schematic.benchmarks.clients.EventClient;

/**
 * The floor of an enqueue whose events are also delivered: the caller does what {@link QueueOnlyEventClient} does
 * (allocate an event, offer it to a lock-free queue), and one sender thread drains the queue in batches of
 * {@value #BATCH_SIZE} (or what is there every {@link #FLUSH_INTERVAL}), serializes each batch with Jackson and POSTs
 * it to the capture service with a bare Vert.x {@code HttpClient} (the client under the Quarkus REST Client). No
 * validation, no retry, no bookkeeping: what any client that sends its events from another thread must do, so that a
 * caller measured beside it shares the machine with the same delivery work.
 */
public final class DeliveringEventClient implements EventClient, AutoCloseable {

    /** The extension's defaults: batches of at most 100 events, sent at least once a second. */
    static final int BATCH_SIZE = 100;
    static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);

    private final QueueOnlyEventClient queue = new QueueOnlyEventClient();
    private final VertxHttpFlagClient http;
    private final Thread sender;
    private final LongAdder refusedBatches = new LongAdder();
    private volatile boolean running = true;

    public DeliveringEventClient(String captureUrl) {
        this.http = new VertxHttpFlagClient(captureUrl, Duration.ofSeconds(5));
        this.sender = new Thread(this::sendLoop, "floor-event-sender");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void identify(Map<String, String> user, String userName, Map<String, String> company,
            String companyName) {
        queue.identify(user, userName, company, companyName);
    }

    @Override
    public void track(String event, Map<String, String> company, Map<String, String> user, long quantity) {
        queue.track(event, company, user, quantity);
    }

    /** Forgets what is queued, as {@link QueueOnlyEventClient#flush()}. */
    @Override
    public void flush() {
        queue.flush();
    }

    private void sendLoop() {
        List<QueueOnlyEventClient.Event> batch = new ArrayList<>(BATCH_SIZE);
        long lastSent = System.nanoTime();
        while (running) {
            queue.drainTo(batch, BATCH_SIZE - batch.size());
            boolean due = System.nanoTime() - lastSent >= FLUSH_INTERVAL.toNanos();
            if (batch.size() == BATCH_SIZE || (due && !batch.isEmpty())) {
                send(batch);
                batch.clear();
                lastSent = System.nanoTime();
            } else {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    private void send(List<QueueOnlyEventClient.Event> batch) {
        List<Map<String, Object>> events = new ArrayList<>(batch.size());
        for (QueueOnlyEventClient.Event event : batch) {
            // the queue-only event keeps one name: an identify's company is sent without its name
            events.add("track".equals(event.type())
                    ? SyncBatchEventClient.trackEvent(event.name(), event.company(), event.user(), event.quantity())
                    : SyncBatchEventClient.identifyEvent(event.user(), event.name(), event.company(), ""));
        }
        if (!http.postAccepted("/batch", Map.of("events", events))) {
            refusedBatches.increment();
        }
    }

    /** Batches the capture service did not take (a benchmark reports it: the floor must deliver everything). */
    public long refusedBatches() {
        return refusedBatches.sum();
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(sender);
        try {
            sender.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }
}
