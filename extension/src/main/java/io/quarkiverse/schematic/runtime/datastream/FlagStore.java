package io.quarkiverse.schematic.runtime.datastream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkiverse.schematic.FlagChanged;
import io.quarkiverse.schematic.rules.RulesFlag;

/**
 * The flags replicated from the DataStream, by key (without case, as Schematic's SDKs look them up), at most
 * {@code maxSize}. Flags do not expire: the DataStream pushes every change and the whole set on each connection, so an
 * old flag is still the current one. Every change reports what it did to each flag.
 */
final class FlagStore {

    /** Raised after every change of a flag (see {@link #version}). */
    private final AtomicLong version = new AtomicLong();
    private final Cache<String, RulesFlag> flags;
    private final ObjectMapper json;

    FlagStore(int maxSize, ObjectMapper json) {
        this.flags = Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run)
                // a flag evicted beyond the bound is gone for checks: memoized answers of it are too
                .<String, RulesFlag> evictionListener((key, flag, cause) -> version.incrementAndGet())
                .build();
        this.json = json;
    }

    /** The flag with this key, or {@code null}. */
    RulesFlag get(String key) {
        return flags.getIfPresent(key.toLowerCase(Locale.ROOT));
    }

    /**
     * The version of the flag set: it rises after each flag is created, changed or deleted (and not when the
     * DataStream sends a flag again unchanged). A local answer memoized at one version is valid while the version is
     * the same, whatever flag it was of: flags change rarely, and one number is cheaper to compare than a lookup.
     */
    long version() {
        return version.get();
    }

    /** Replaces the whole set: flags not in {@code all} are deleted. */
    List<FlagChanged> replaceAll(List<RulesFlag> all) {
        List<FlagChanged> changes = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (RulesFlag flag : all) {
            kept.add(flag.key().toLowerCase(Locale.ROOT));
            FlagChanged change = put(flag);
            if (change != null) {
                changes.add(change);
            }
        }
        for (String key : new ArrayList<>(flags.asMap().keySet())) {
            if (!kept.contains(key)) {
                FlagChanged change = remove(key);
                if (change != null) {
                    changes.add(change);
                }
            }
        }
        return changes;
    }

    /** Stores one flag; the change, or {@code null} when it equals the stored one. */
    FlagChanged put(RulesFlag flag) {
        RulesFlag previous = flags.asMap().put(flag.key().toLowerCase(Locale.ROOT), flag);
        FlagChanged change = previous == null ? new FlagChanged(flag.key(), FlagChanged.Kind.CREATED)
                : same(previous, flag) ? null : new FlagChanged(flag.key(), FlagChanged.Kind.CHANGED);
        if (change != null) {
            // after the store: a check that reads the new version finds the new flag
            version.incrementAndGet();
        }
        return change;
    }

    /** Deletes a flag; the change, or {@code null} when there was none. */
    FlagChanged remove(String key) {
        RulesFlag removed = flags.asMap().remove(key.toLowerCase(Locale.ROOT));
        if (removed != null) {
            version.incrementAndGet();
        }
        return removed == null ? null : new FlagChanged(removed.key(), FlagChanged.Kind.DELETED);
    }

    /** Compared as the JSON they write, which holds every field the engine reads. */
    private boolean same(RulesFlag a, RulesFlag b) {
        return json.valueToTree(a).equals(json.valueToTree(b));
    }

    long size() {
        return flags.estimatedSize();
    }

    /** The keys of the cached flags, sorted. */
    Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        flags.asMap().values().forEach(flag -> keys.add(flag.key()));
        return keys;
    }
}
