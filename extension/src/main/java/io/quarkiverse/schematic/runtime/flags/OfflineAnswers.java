package io.quarkiverse.schematic.runtime.flags;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.logging.Logger;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.OfflineFlagSource;
import io.quarkiverse.schematic.Preflight;

/**
 * The {@link OfflineFlagSource} beans of the application, asked in turn in offline mode. A source that throws is
 * logged and passed over: a flag check never fails because of one.
 */
public final class OfflineAnswers {

    private static final Logger LOG = Logger.getLogger(OfflineAnswers.class);

    private final List<OfflineFlagSource> sources;

    public OfflineAnswers(List<OfflineFlagSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The first answer of a source, or {@code null} when none answers. */
    FlagCheck answer(String flag, Map<String, String> company, Map<String, String> user, Preflight preflight) {
        for (OfflineFlagSource source : sources) {
            try {
                FlagCheck answer = source.answer(flag, company, user, preflight);
                if (answer != null) {
                    return answer;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Offline flag source %s failed to answer flag '%s'; the flag default answers",
                        source.getClass().getName(), flag);
            }
        }
        return null;
    }

    /** The flags the sources answer, together with {@code others}, in name order. */
    Set<String> flagsWith(Set<String> others) {
        Set<String> flags = new TreeSet<>(others);
        for (OfflineFlagSource source : sources) {
            try {
                flags.addAll(source.flags());
            } catch (RuntimeException e) {
                LOG.warnf(e, "Offline flag source %s failed to list its flags", source.getClass().getName());
            }
        }
        return flags;
    }
}
