package io.quarkiverse.schematic.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkiverse.schematic.FlagSource;

class FlagCheckCountersTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void sameCounterForTheSameFlagAndSource() {
        FlagCheckCounters counters = new FlagCheckCounters(registry, 10);

        counters.counter("beta", FlagSource.REMOTE).increment();
        counters.counter("beta", FlagSource.REMOTE).increment();
        counters.counter("beta", FlagSource.CACHE).increment();

        assertThat(registry.counter("schematic.flag.checks", "flag", "beta", "source", "remote").count()).isEqualTo(2);
        assertThat(registry.counter("schematic.flag.checks", "flag", "beta", "source", "cache").count()).isEqualTo(1);
    }

    @Test
    void flagsBeyondTheLimitAreCountedAsOther() {
        FlagCheckCounters counters = new FlagCheckCounters(registry, 2);

        counters.counter("a", FlagSource.REMOTE).increment();
        counters.counter("b", FlagSource.REMOTE).increment();
        counters.counter("c", FlagSource.REMOTE).increment();
        counters.counter("d", FlagSource.REMOTE).increment();
        counters.counter("a", FlagSource.REMOTE).increment();

        assertThat(registry.counter("schematic.flag.checks", "flag", "a", "source", "remote").count()).isEqualTo(2);
        assertThat(registry.counter("schematic.flag.checks", "flag", "other", "source", "remote").count())
                .isEqualTo(2);
        assertThat(registry.find("schematic.flag.checks").tag("flag", "c").counter()).isNull();
    }
}
