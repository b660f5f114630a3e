package io.quarkiverse.schematic.runtime.devui;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Singleton;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.runtime.flags.FlagCheckListener;

/**
 * Keeps the last flag checks the application made, whatever answered them (Schematic, cache, default), for the Dev
 * UI. Registered only in dev and test mode.
 */
@Singleton
public class RecentFlagChecks implements FlagCheckListener {

    static final int CAPACITY = 100;

    private final RecentItems<SeenCheck> checks = new RecentItems<>(CAPACITY);

    @Override
    public void checked(FlagCheck check) {
        checks.add(new SeenCheck(Instant.now(), check));
    }

    /** The kept checks, newest first. */
    public List<SeenCheck> newestFirst() {
        return checks.newestFirst();
    }

    /** A flag check and when it was answered. */
    public record SeenCheck(Instant at, FlagCheck check) {
    }
}
