package io.quarkiverse.schematic.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.runtime.client.CapturedEvent;

/**
 * The delivery thread starts with the first event: a buffer that never gets one starts no thread, not even to close,
 * and one that gets events delivers every one of them when it closes.
 */
class EventBufferThreadTest {

    static final String FLUSHER = "schematic-event-flusher";

    final List<CapturedEvent> sent = new CopyOnWriteArrayList<>();

    @Test
    void noEventNoThreadEvenToFlushOrClose() {
        Set<Thread> before = flushers();
        EventBuffer buffer = buffer();

        buffer.flush(Duration.ofSeconds(5));
        assertThat(flushers()).isEqualTo(before);
        buffer.close();

        assertThat(flushers()).isEqualTo(before);
        assertThat(sent).isEmpty();
        assertThat(buffer.stats().lost()).isZero();
    }

    @Test
    void theFirstEventStartsTheThreadAndCloseDeliversEveryQueuedEvent() {
        Set<Thread> before = flushers();
        EventBuffer buffer = buffer();
        assertThat(flushers()).isEqualTo(before);

        for (int i = 0; i < 3; i++) {
            assertThat(buffer.offer("track", Map.of("i", i), EventOptions.NONE)).isTrue();
        }
        Set<Thread> started = flushers();
        started.removeAll(before);
        assertThat(started).hasSize(1);

        buffer.close();

        // the flush interval is an hour: only close sent them
        assertThat(sent).extracting(event -> (Object) ((Map<?, ?>) event.body()).get("i")).containsExactly(0, 1, 2);
        assertThat(buffer.stats().delivered()).isEqualTo(3);
        assertThat(buffer.stats().lost()).isZero();
        assertThat(started.iterator().next().isAlive()).isFalse();
    }

    /**
     * While full batches keep coming the flusher looks at the queue by itself and callers stop waking it; no full
     * batch may wait for the flush interval (an hour here) either while it polls, or after it stopped polling.
     */
    @Test
    void fullBatchesGoWithoutTheIntervalWhetherCallersWakeTheFlusherOrNot() throws InterruptedException {
        EventBuffer buffer = new EventBuffer(sent::addAll, "test-key", 100_000, 10, Duration.ofHours(1),
                Duration.ofSeconds(10));
        // a steady stream: the flusher polls, callers do not wake it
        for (int i = 0; i < 2_000; i++) {
            buffer.offer("track", Map.of("i", i), EventOptions.NONE);
            if (i % 50 == 0) {
                Thread.sleep(1);
            }
        }
        awaitDelivered(2_000);
        // quiet long enough for the flusher to stop polling; then one more full batch must wake it
        Thread.sleep(300);
        for (int i = 0; i < 10; i++) {
            buffer.offer("track", Map.of("i", i), EventOptions.NONE);
        }
        awaitDelivered(2_010);
        buffer.close();
        assertThat(buffer.stats().lost()).isZero();
    }

    private void awaitDelivered(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sent.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(sent).as("full batches delivered without waiting for the flush interval").hasSize(count);
    }

    private EventBuffer buffer() {
        return new EventBuffer(sent::addAll, "test-key", 100, 100, Duration.ofHours(1), Duration.ofSeconds(10));
    }

    private static Set<Thread> flushers() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(FLUSHER))
                .collect(Collectors.toSet());
    }
}
