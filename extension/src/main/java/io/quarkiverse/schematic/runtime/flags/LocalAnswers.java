package io.quarkiverse.schematic.runtime.flags;

import java.util.Map;

import io.quarkiverse.schematic.FlagCheck;
import io.smallrye.mutiny.Uni;

/**
 * Answers of local evaluation, which the flag evaluator asks before its cache and Schematic. Implementations never
 * throw and never block: an answer they cannot give in time is {@code null}, and the evaluator falls back.
 */
public interface LocalAnswers {

    /** No local evaluation: every check goes to the cache and Schematic. */
    LocalAnswers NONE = new LocalAnswers() {
        @Override
        public FlagCheck now(String flag, Map<String, String> company, Map<String, String> user) {
            return null;
        }

        @Override
        public Uni<FlagCheck> later(String flag, Map<String, String> company, Map<String, String> user) {
            return Uni.createFrom().nullItem();
        }
    };

    /**
     * The answer from what is at hand, or {@code null} without waiting (for example when the company is not cached
     * yet: it may then be requested, so that {@link #later} or the next check find it).
     */
    FlagCheck now(String flag, Map<String, String> company, Map<String, String> user);

    /**
     * The answer once what {@link #now} missed has arrived, within a bounded wait that never blocks a thread; an item
     * of {@code null} when it cannot be given in time. Never a failure.
     */
    Uni<FlagCheck> later(String flag, Map<String, String> company, Map<String, String> user);
}
