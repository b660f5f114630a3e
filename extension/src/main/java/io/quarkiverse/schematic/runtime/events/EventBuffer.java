package io.quarkiverse.schematic.runtime.events;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
import io.quarkiverse.schematic.SchematicException;
import io.quarkiverse.schematic.SchematicHttpException;
import io.quarkiverse.schematic.runtime.client.ApiKeyRefusals;
import io.quarkiverse.schematic.runtime.client.CapturedEvent;
import io.quarkiverse.schematic.runtime.client.Failures;
import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkiverse.schematic.runtime.logging.LogThrottle;

/**
 * Buffers identify/track events and delivers them in batches from one dedicated thread, so callers never wait for
 * the network and batches go out in the order events were accepted.
 * <p>
 * A batch is sent when {@code maxBatchSize} events are queued or {@code flushInterval} has passed. What happens when
 * the capture service does not take a batch, chosen so that billable usage is never lost silently:
 * <ul>
 * <li>a failure a later attempt may not have (connection, timeout, 408, 429, 5xx), a refused API key (401, 403;
 * {@code ApiKeyRefusals} makes it loud) and a wrong address (404, 405), none of them the events' fault, keep the
 * batch at the head; it is tried again with exponential backoff from {@code flushInterval} up to a minute, and
 * events behind it wait;</li>
 * <li>any other 4xx means Schematic refuses what the batch holds: it is split in halves, sent in turn, until the
 * refused events are alone; only those are dropped, counted as rejected and logged at ERROR, once per batch.</li>
 * </ul>
 * Every queued event, including a failing batch, counts against {@code capacity}; beyond it new events are dropped,
 * counted, and logged at ERROR at most once a minute. Shutdown delivers what it can within its timeout (at once gives
 * up when the key was refused) and counts the rest as lost.
 * <p>
 * The delivery thread starts with the first event, not with the buffer: an application that never sends an event
 * never has it, and its start-up does not pay for it.
 */
public final class EventBuffer implements EventSink {

    private static final Logger LOG = Logger.getLogger(EventBuffer.class);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** How long the flusher parks between two looks at the queue while full batches keep coming. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Full batches keep coming when one was sent within this time. */
    private static final long BUSY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

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
    private final LogThrottle dropLog = new LogThrottle(Duration.ofMinutes(1));
    private final SentAtText sentAtText = new SentAtText();
    /** The delivery thread, once the first event started it. */
    private volatile Thread flusher;
    /**
     * Whether the flusher looks at the queue by itself every {@link #POLL_NANOS} because full batches keep coming:
     * callers then never wake it. Waking a parked thread is a system call of several µs on the caller's thread, which
     * every 100th {@code track} would pay otherwise. Written by the flusher, read by callers.
     */
    private volatile boolean polling;
    /** When the latest full batch was sent; flusher thread only. */
    private long lastFullBatchAt;

    private volatile boolean closing;
    private volatile long shutdownDeadline;
    /** The batch (or piece of a refused batch) being delivered; only the flusher thread touches it. */
    private List<CapturedEvent> inFlight;
    /** Pieces of a refused batch still to be sent after {@code inFlight}, in order; flusher thread only. */
    private final Deque<List<CapturedEvent>> piecesAfterInFlight = new ArrayDeque<>();
    /** Events of the current batch refused one by one, and the latest refusal, for one ERROR line per batch. */
    private int refusedInBatch;
    private SchematicHttpException latestRefusal;
    /** Whether the latest attempt failed because Schematic refused the API key; flusher thread only. */
    private boolean keyRefused;
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
        Thread thread = flusher();
        if (queued % maxBatchSize == 0 && !polling) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    private void drop() {
        dropped.increment();
        if (dropLog.allow()) {
            LOG.errorf("Schematic event buffer is full (%d events) or closed: events are being dropped, %d so far",
                    capacity, dropped.sum());
        }
    }

    /** The delivery thread, started on the first call. */
    private Thread flusher() {
        Thread thread = flusher;
        return thread != null ? thread : startFlusher();
    }

    private synchronized Thread startFlusher() {
        if (flusher == null) {
            Thread thread = new Thread(this::deliverUntilClosed, "schematic-event-flusher");
            thread.setDaemon(true);
            thread.start();
            flusher = thread;
        }
        return flusher;
    }

    /** The delivery thread when events are queued (started if need be); {@code null} while none was ever queued. */
    private Thread flusherIfEventsQueued() {
        return size.get() > 0 ? flusher() : flusher;
    }

    @Override
    public void flush(Duration timeout) {
        Thread thread = flusherIfEventsQueued();
        if (thread == null) {
            return;
        }
        CompletableFuture<Void> done = flushRequest.updateAndGet(current -> current != null ? current
                : new CompletableFuture<>());
        LockSupport.unpark(thread);
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
        Thread thread = flusherIfEventsQueued();
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(shutdownTimeout.toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int remaining = size.get();
        if (remaining > 0) {
            lost.addAndGet(remaining);
            LOG.errorf("Schematic event buffer stopped with %d undelivered events: they are lost", remaining);
        }
    }

    private void deliverUntilClosed() {
        long nextFlush = System.nanoTime() + flushIntervalNanos;
        lastFullBatchAt = System.nanoTime() - BUSY_NANOS;
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
            // a refused key will not be accepted while the application stops: no point in waiting for it
            if (closing && (size.get() == 0 || keyRefused || System.nanoTime() >= shutdownDeadline)) {
                return;
            }
            long wait = (inFlight != null ? retryAt : nextFlush) - System.nanoTime();
            if (closing) {
                wait = Math.min(wait, shutdownDeadline - System.nanoTime());
            }
            wait = pollOrSleep(wait);
            if (wait > 0 && flushRequest.get() == null) {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    /**
     * How long to park: at most {@link #POLL_NANOS} while full batches keep coming (callers then do not wake the
     * flusher), else {@code wait}, or not at all when a full batch was queued by a caller that saw the flusher still
     * polling and so did not wake it.
     */
    private long pollOrSleep(long wait) {
        boolean busy = inFlight == null && !closing && System.nanoTime() - lastFullBatchAt < BUSY_NANOS;
        if (busy != polling) {
            polling = busy;
        }
        if (busy) {
            return Math.min(wait, POLL_NANOS);
        }
        // read after polling was cleared: a caller queueing a full batch from now on wakes the flusher itself
        return inFlight == null && size.get() >= maxBatchSize ? 0 : wait;
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
            boolean full = inFlight.size() == maxBatchSize;
            if (!sendInFlight()) {
                return;
            }
            if (full) {
                lastFullBatchAt = System.nanoTime();
            }
        }
    }

    private List<CapturedEvent> nextBatch() {
        List<CapturedEvent> batch = new ArrayList<>(Math.min(maxBatchSize, Math.max(size.get(), 1)));
        PendingEvent event;
        while (batch.size() < maxBatchSize && (event = queue.poll()) != null) {
            // the idempotency key is fixed before the first attempt, so a batch re-sent after a lost answer is
            // recognised by the capture service instead of counted twice
            batch.add(event.captured(apiKey, EventBuffer::randomKey, sentAtText));
        }
        return batch;
    }

    private boolean sendInFlight() {
        try {
            sender.send(inFlight);
        } catch (RuntimeException failure) {
            SchematicException translated = Failures.translate("sendEvents", failure);
            if (translated instanceof SchematicClientErrorException refused && refusedForContent(refused.statusCode())) {
                isolate(refused);
                return true;
            }
            retryLater(translated);
            return false;
        }
        keyRefused = false;
        backoffNanos = 0;
        finish(delivered);
        return true;
    }

    /**
     * Whether a 4xx (other than 408 and 429, which are transient) is about what the batch holds. Not the key (401, 403)
     * nor the address (404, 405: a wrong {@code event-capture-url}): no event causes those, and dropping events would
     * not fix them.
     */
    private static boolean refusedForContent(int status) {
        return !ApiKeyRefusals.refusesKey(status) && status != 404 && status != 405;
    }

    /**
     * Schematic refused {@code inFlight} for what it holds (400, 413, 422...). Sending it again cannot succeed, but the
     * refusal may concern a few events only: the piece is halved, each half sent in turn, until a refused event is
     * alone and dropped. Events keep their idempotency keys, so a piece the service had partly taken is not counted
     * twice.
     */
    private void isolate(SchematicClientErrorException refused) {
        if (inFlight.size() == 1) {
            refusedInBatch++;
            latestRefusal = refused;
            finish(rejected);
            return;
        }
        int half = inFlight.size() / 2;
        piecesAfterInFlight.addFirst(List.copyOf(inFlight.subList(half, inFlight.size())));
        inFlight = List.copyOf(inFlight.subList(0, half));
    }

    /** {@code inFlight} is delivered or rejected: count it and move on to the next piece of its batch, if any. */
    private void finish(AtomicLong outcome) {
        int count = inFlight.size();
        outcome.addAndGet(count);
        size.addAndGet(-count);
        inFlight = piecesAfterInFlight.poll();
        if (inFlight == null && refusedInBatch > 0) {
            LOG.errorf("Schematic refused %d event(s) of a batch (HTTP %d: %s): they are dropped and counted as"
                    + " rejected; the batch's other events are sent on", refusedInBatch, latestRefusal.statusCode(),
                    withoutKey(latestRefusal.body()));
            refusedInBatch = 0;
            latestRefusal = null;
        }
    }

    /**
     * A failure a later attempt may not have, or one no event causes (refused key, wrong address): {@code inFlight}
     * stays and is tried again later.
     */
    private void retryLater(SchematicException failure) {
        failedSends.incrementAndGet();
        keyRefused = ApiKeyRefusals.isRefusal(failure);
        backoffNanos = nextBackoff();
        retryAt = System.nanoTime() + backoffNanos;
        String hint = failure instanceof SchematicClientErrorException && !keyRefused
                ? " (check " + ConfigNames.EVENT_CAPTURE_URL + ")"
                : "";
        LOG.warnf("Sending %d Schematic events failed, they stay queued and are retried in %d ms: %s%s",
                inFlight.size(), TimeUnit.NANOSECONDS.toMillis(backoffNanos), withoutKey(failure.getMessage()), hint);
    }

    /** The capture service's error text could echo an event, and every event carries the key. */
    private String withoutKey(String text) {
        return text == null ? "" : text.replace(apiKey, "<api key>");
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
