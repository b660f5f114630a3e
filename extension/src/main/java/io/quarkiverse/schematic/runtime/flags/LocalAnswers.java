package io.quarkiverse.schematic.runtime.flags;

import java.util.Map;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.Preflight;
import io.smallrye.mutiny.Uni;

/**
 * Answers of local evaluation, which the flag evaluator asks before its cache and Schematic. Implementations never
 * throw and never block: an answer they cannot give in time is {@code null}, and the evaluator falls back.
 */
public interface LocalAnswers {

    /** No local evaluation: every check goes to the cache and Schematic. */
    LocalAnswers NONE = new LocalAnswers() {
        @Override
        public FlagCheck now(String flag, Map<String, String> company, Map<String, String> user, Preflight preflight) {
            return null;
        }

        @Override
        public Uni<FlagCheck> later(String flag, Map<String, String> company, Map<String, String> user,
                Preflight preflight) {
            return Uni.createFrom().nullItem();
        }
    };

    /** {@link #now(String, Map, Map, Preflight)} of a plain check. */
    default FlagCheck now(String flag, Map<String, String> company, Map<String, String> user) {
        return now(flag, company, user, null);
    }

    /** {@link #later(String, Map, Map, Preflight)} of a plain check. */
    default Uni<FlagCheck> later(String flag, Map<String, String> company, Map<String, String> user) {
        return later(flag, company, user, null);
    }

    /**
     * The answer from what is at hand, or {@code null} without waiting (for example when the company is not cached
     * yet: it may then be requested, so that {@link #later} or the next check find it).
     *
     * @param preflight the size of the action a preflight check asks about, {@code null} for a plain check
     */
    FlagCheck now(String flag, Map<String, String> company, Map<String, String> user, Preflight preflight);

    /**
     * The answer once what {@link #now} missed has arrived, within a bounded wait that never blocks a thread; an item
     * of {@code null} when it cannot be given in time. Never a failure.
     *
     * @param preflight the size of the action a preflight check asks about, {@code null} for a plain check
     */
    Uni<FlagCheck> later(String flag, Map<String, String> company, Map<String, String> user, Preflight preflight);
}
