package io.quarkiverse.schematic.runtime.sharedcache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.runtime.flags.FlagCheckCache;
import io.quarkiverse.schematic.runtime.flags.LocalFlagCheckCache;
import io.quarkiverse.schematic.runtime.logging.LogThrottle;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * The flag-check cache shared by every instance through Redis, behind a small near cache in this process.
 * <p>
 * A hot check is a near-cache read. A near-cache miss reads Redis ({@code GET}), bounded by the Redis timeout: a
 * blocking check waits for it on its own thread ({@link #awaitShared}), a reactive one without blocking
 * ({@link #lookupShared}); a remote answer is written with {@code SET key value PX ttl} in the background. A timeout, an error
 * or a value that cannot be read is a miss (the check goes on to Schematic, then the flag default), is counted in
 * {@link SharedCacheStatus} and logged at most once a minute.
 */
public final class RedisFlagCheckCache implements FlagCheckCache {

    private static final Logger LOG = Logger.getLogger(RedisFlagCheckCache.class);

    private final LocalFlagCheckCache near;
    private final ReactiveValueCommands<String, String> values;
    private final SharedCacheKeys keys;
    private final CachedAnswerCodec codec = new CachedAnswerCodec();
    private final SetArgs expiry;
    private final SharedCacheStatus status;
    private final RedisCalls calls;
    private final LogThrottle unreadableLog = new LogThrottle(Duration.ofMinutes(1));

    /**
     * @param ttl how long Redis keeps an answer
     * @param timeout the longest a check waits for Redis
     * @param near the answers kept in this process, each for at most {@code ttl} ({@link LocalFlagCheckCache#disabled()}:
     *        none, every miss reads Redis)
     */
    public RedisFlagCheckCache(RedisConnection connection, SharedCacheKeys keys, Duration ttl, Duration timeout,
            LocalFlagCheckCache near, SharedCacheStatus status) {
        this.values = connection.dataSource().value(String.class, String.class);
        this.keys = keys;
        this.expiry = new SetArgs().px(ttl);
        this.status = status;
        this.calls = new RedisCalls(LOG, status, timeout, "The shared flag-check cache (Redis)",
                "checks ask Schematic meanwhile; counted in schematic.flag.cache.shared.errors");
        this.near = near;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public FlagCheck get(String flag, Map<String, String> company, Map<String, String> user) {
        return near.get(flag, company, user);
    }

    @Override
    public Uni<FlagCheck> lookupShared(String flag, Map<String, String> company, Map<String, String> user) {
        return calls.inBackground(values.get(keys.flag(flag, company, user)).map(text -> read(flag, text)))
                .invoke(hit -> remember(company, user, hit));
    }

    @Override
    public FlagCheck awaitShared(String flag, Map<String, String> company, Map<String, String> user) {
        FlagCheck hit = calls.await(values.get(keys.flag(flag, company, user)).map(text -> read(flag, text)));
        remember(company, user, hit);
        return hit;
    }

    private void remember(Map<String, String> company, Map<String, String> user, FlagCheck hit) {
        if (hit != null) {
            near.put(company, user, hit);
        }
    }

    private FlagCheck read(String flag, String text) {
        if (text == null) {
            return null;
        }
        try {
            return codec.read(flag, text);
        } catch (IllegalArgumentException unreadable) {
            status.failed(SharedCacheStatus.Problem.UNREADABLE);
            if (unreadableLog.allow()) {
                LOG.warnf("The shared flag-check cache (Redis) holds a value for flag %s that is not an answer of"
                        + " format v%d (%s): treated as a miss", flag, SharedCacheKeys.FORMAT_VERSION,
                        unreadable.getMessage());
            }
            return null;
        }
    }

    @Override
    public void put(Map<String, String> company, Map<String, String> user, FlagCheck check) {
        near.put(company, user, check);
        calls.inBackground(values.set(keys.flag(check.flag(), company, user), codec.write(check), expiry))
                .subscribe().with(stored -> {
                });
    }

    /** Forgets the near cache; shared answers expire in Redis within their TTL. */
    @Override
    public void clear() {
        near.clear();
    }

    @Override
    public long size() {
        return near.size();
    }

    @Override
    public Optional<SharedCacheStatus> shared() {
        return Optional.of(status);
    }
}
