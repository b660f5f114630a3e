package io.quarkiverse.schematic.runtime.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.schematic.FlagSource;

/**
 * The {@code schematic.flag.checks} counters, one per flag and source, looked up without touching the registry on the
 * hot path. Flag names come from application code and could be unbounded (built from user input, say): beyond
 * {@code maxFlags} distinct flags, further ones are counted under {@code flag=other} so the registry cannot grow
 * without limit.
 */
final class FlagCheckCounters {

    static final String NAME = "schematic.flag.checks";
    static final String OTHER = "other";

    private static final Logger LOG = Logger.getLogger(FlagCheckCounters.class);
    private static final FlagSource[] SOURCES = FlagSource.values();

    private final MeterRegistry registry;
    private final int maxFlags;
    private final Map<String, PerSource> byFlag = new ConcurrentHashMap<>();
    private final PerSource other;
    /** Whether the overflow was logged; a rare second log from a race is harmless. */
    private volatile boolean overflowLogged;

    FlagCheckCounters(MeterRegistry registry, int maxFlags) {
        this.registry = registry;
        this.maxFlags = maxFlags;
        this.other = new PerSource(OTHER);
    }

    Counter counter(String flag, FlagSource source) {
        PerSource counters = byFlag.get(flag);
        if (counters == null) {
            counters = byFlag.size() < maxFlags ? byFlag.computeIfAbsent(flag, PerSource::new) : overflow(flag);
        }
        return counters.of(source);
    }

    private PerSource overflow(String flag) {
        if (!overflowLogged) {
            overflowLogged = true;
            LOG.warnf("More than %d distinct flags were checked: further flags (first: %s) are counted in %s with"
                    + " flag=%s", maxFlags, flag, NAME, OTHER);
        }
        return other;
    }

    /** The counters of one flag, created on first use of each source. */
    private final class PerSource {

        private final String flag;
        private final AtomicReferenceArray<Counter> bySource = new AtomicReferenceArray<>(SOURCES.length);

        PerSource(String flag) {
            this.flag = flag;
        }

        Counter of(FlagSource source) {
            Counter counter = bySource.get(source.ordinal());
            if (counter == null) {
                // the registry hands out one instance per name and tags, so a racing registration is harmless
                counter = Counter.builder(NAME)
                        .description("Flag checks answered, by flag and by what answered them")
                        .tag("flag", flag)
                        .tag("source", source.name().toLowerCase(Locale.ROOT))
                        .register(registry);
                bySource.set(source.ordinal(), counter);
            }
            return counter;
        }
    }
}
