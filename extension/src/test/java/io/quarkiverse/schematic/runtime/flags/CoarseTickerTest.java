package io.quarkiverse.schematic.runtime.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

class CoarseTickerTest {

    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void movesOnlyWithItsTimerAndStopsWhenClosed() throws InterruptedException {
        CoarseTicker clock = CoarseTicker.every(vertx, Duration.ofMillis(200));
        long start = clock.read();
        Thread.sleep(20);
        assertThat(clock.read()).as("between two ticks").isEqualTo(start);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (clock.read() == start && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(clock.read() - start).as("a tick later").isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());

        clock.close();
        long stopped = clock.read();
        Thread.sleep(500);
        assertThat(clock.read()).as("closed").isEqualTo(stopped);
    }

    @Test
    void resolutionIsAFractionOfTheTtlWithinBounds() {
        assertThat(CoarseTicker.resolutionFor(Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(250));
        assertThat(CoarseTicker.resolutionFor(Duration.ofMillis(100))).isEqualTo(CoarseTicker.FINEST);
        assertThat(CoarseTicker.resolutionFor(Duration.ofHours(1))).isEqualTo(CoarseTicker.COARSEST);
    }
}
