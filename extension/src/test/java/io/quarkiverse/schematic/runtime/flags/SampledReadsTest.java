package io.quarkiverse.schematic.runtime.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

class SampledReadsTest {

    @Test
    void anEntryInUseOutlivesNewcomersAlthoughMostReadsAreQuiet() {
        Cache<String, String> cache = Caffeine.newBuilder().maximumSize(20).executor(Runnable::run).build();
        SampledReads<String, String> reads = new SampledReads<>(cache);
        cache.put("hot", "in use");
        for (int i = 0; i < 500; i++) {
            cache.put("newcomer " + i, "read never");
            for (int read = 0; read < SampledReads.RECORDED_ONE_IN; read++) {
                reads.get("hot");
            }
        }

        assertThat(reads.get("hot")).as("sampled reads still count for size-based eviction").isEqualTo("in use");
    }

    @Test
    void everyReadChecksExpiry() {
        AtomicLong nanos = new AtomicLong();
        Cache<String, String> cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5))
                .ticker(nanos::get).executor(Runnable::run).build();
        SampledReads<String, String> reads = new SampledReads<>(cache);
        cache.put("answer", "yes");

        nanos.addAndGet(Duration.ofMillis(4999).toNanos());
        for (int read = 0; read < 4 * SampledReads.RECORDED_ONE_IN; read++) {
            assertThat(reads.get("answer")).isEqualTo("yes");
        }
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        for (int read = 0; read < 4 * SampledReads.RECORDED_ONE_IN; read++) {
            assertThat(reads.get("answer")).isNull();
        }
    }
}
