package io.quarkiverse.schematic.runtime.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;

import io.quarkiverse.schematic.SchematicClientErrorException;
import io.quarkiverse.schematic.runtime.client.CapturedEvent;

/**
 * Buffers identify/track events and delivers them in batches from one dedicated thread, so callers never wait for
 * the network and batches go out in the order events were accepted.
 * <p>
 * A batch is sent when {@code maxBatchSize} events are queued or {@code flushInterval} has passed. A batch that fails
 * (after the sender's retries) stays at the head and is tried again with exponential backoff: events are only
 * forgotten when delivered, refused by Schematic with a 4xx that a retry cannot fix, or still queued when shutdown
 * runs out of time (each counted and logged). Every queued event, including a
 * failing batch, counts against {@code capacity}; beyond it new events are dropped, counted, and logged at most once
 * a minute.
 */
public final class EventBuffer implements EventSink {

    private static final Logger LOG = Logger.getLogger(EventBuffer.class);
    private static final long DROP_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final EventSender sender;
    private final String apiKey;
    private final int capacity;
    private final int maxBatchSize;
    private final long flushIntervalNanos;
    private final Duration shutdownTimeout;

    private final Queue<PendingEvent> queue = new ConcurrentLinkedQueue<>();
    /** Queued events including the batch being sent or retried: what counts against capacity. */
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicReference<CompletableFuture<Void>> flushRequest = new AtomicReference<>();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong lastDropLog = new AtomicLong(System.nanoTime() - DROP_LOG_INTERVAL_NANOS);
    private final Thread flusher;

    private volatile boolean closing;
    private volatile long shutdownDeadline;
    /** The batch being delivered; only the flusher thread touches it. */
    private List<CapturedEvent> inFlight;
    private long backoffNanos;
    private long retryAt;

    public EventBuffer(EventSender sender, String apiKey, int capacity, int maxBatchSize, Duration flushInterval,
            Duration shutdownTimeout) {
        this.sender = sender;
        this.apiKey = apiKey;
        this.capacity = capacity;
        this.maxBatchSize = maxBatchSize;
        this.flushIntervalNanos = flushInterval.toNanos();
        this.shutdownTimeout = shutdownTimeout;
        this.flusher = new Thread(this::deliverUntilClosed, "schematic-event-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    @Override
    public boolean offer(String type, Object body, EventOptions options) {
        if (closing) {
            drop();
            return false;
        }
        int queued = size.incrementAndGet();
        if (queued > capacity) {
            size.decrementAndGet();
            drop();
            return false;
        }
        queue.offer(new PendingEvent(type, body, System.currentTimeMillis(), options));
        accepted.increment();
        if (queued % maxBatchSize == 0) {
            LockSupport.unpark(flusher);
        }
        return true;
    }

    private void drop() {
        dropped.increment();
        long now = System.nanoTime();
        long last = lastDropLog.get();
        if (now - last >= DROP_LOG_INTERVAL_NANOS && lastDropLog.compareAndSet(last, now)) {
            LOG.warnf("Schematic event buffer is full (%d events) or closed: events are being dropped, %d so far",
                    capacity, dropped.sum());
        }
    }

    @Override
    public void flush(Duration timeout) {
        CompletableFuture<Void> done = flushRequest.updateAndGet(current -> current != null ? current
                : new CompletableFuture<>());
        LockSupport.unpark(flusher);
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debugf("Flush of the Schematic event buffer did not complete within %s", timeout);
        }
    }

    @Override
    public EventStats stats() {
        return new EventStats(size.get(), accepted.sum(), delivered.get(), dropped.sum(), failedSends.get(),
                rejected.get(), lost.get());
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        shutdownDeadline = System.nanoTime() + shutdownTimeout.toNanos();
        closing = true;
        LockSupport.unpark(flusher);
        try {
            flusher.join(shutdownTimeout.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int remaining = size.get();
        if (remaining > 0) {
            lost.addAndGet(remaining);
            LOG.errorf("Schematic event buffer stopped with %d undelivered events: they are lost", remaining);
        }
    }

    private void deliverUntilClosed() {
        long nextFlush = System.nanoTime() + flushIntervalNanos;
        while (true) {
            CompletableFuture<Void> requested = flushRequest.getAndSet(null);
            boolean all = requested != null || closing || System.nanoTime() >= nextFlush;
            boolean retryDue = inFlight == null || System.nanoTime() >= retryAt;
            if (retryDue && (all || inFlight != null || size.get() >= maxBatchSize)) {
                deliverQueued(all);
            }
            if (all) {
                nextFlush = System.nanoTime() + flushIntervalNanos;
            }
            if (requested != null) {
                requested.complete(null);
            }
            if (closing && (size.get() == 0 || System.nanoTime() >= shutdownDeadline)) {
                return;
            }
            long wait = (inFlight != null ? retryAt : nextFlush) - System.nanoTime();
            if (closing) {
                wait = Math.min(wait, shutdownDeadline - System.nanoTime());
            }
            if (wait > 0 && flushRequest.get() == null) {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    /**
     * Sends full batches, and with {@code all} also the last partial one, until nothing is left to send or a send
     * fails.
     */
    private void deliverQueued(boolean all) {
        while (inFlight != null || all || size.get() >= maxBatchSize) {
            if (inFlight == null) {
                inFlight = nextBatch();
                if (inFlight.isEmpty()) {
                    inFlight = null;
                    return;
                }
            }
            if (!sendInFlight()) {
                return;
            }
        }
    }

    private List<CapturedEvent> nextBatch() {
        List<CapturedEvent> batch = new ArrayList<>(Math.min(maxBatchSize, Math.max(size.get(), 1)));
        PendingEvent event;
        while (batch.size() < maxBatchSize && (event = queue.poll()) != null) {
            // the idempotency key is fixed before the first attempt, so a batch re-sent after a lost answer is
            // recognised by the capture service instead of counted twice
            batch.add(event.captured(apiKey, EventBuffer::randomKey));
        }
        return batch;
    }

    private boolean sendInFlight() {
        try {
            sender.send(inFlight);
        } catch (SchematicClientErrorException refused) {
            // 400, 401, 403...: sending the same batch again cannot succeed
            int count = inFlight.size();
            inFlight = null;
            rejected.addAndGet(count);
            size.addAndGet(-count);
            LOG.errorf("Schematic refused %d events (HTTP %d), they are dropped: %s", count, refused.statusCode(),
                    refused.body());
            return true;
        } catch (RuntimeException failure) {
            failedSends.incrementAndGet();
            backoffNanos = nextBackoff();
            retryAt = System.nanoTime() + backoffNanos;
            LOG.warnf("Sending %d Schematic events failed, will retry in %d ms: %s", inFlight.size(),
                    TimeUnit.NANOSECONDS.toMillis(backoffNanos), failure.getMessage());
            return false;
        }
        int count = inFlight.size();
        inFlight = null;
        backoffNanos = 0;
        delivered.addAndGet(count);
        size.addAndGet(-count);
        return true;
    }

    private long nextBackoff() {
        long base = backoffNanos == 0 ? flushIntervalNanos : Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
        return Math.round(base * ThreadLocalRandom.current().nextDouble(0.75, 1.25));
    }

    /** A random (version 4) UUID without the contention of SecureRandom: it only needs to be unique. */
    private static String randomKey() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
