package io.quarkiverse.schematic.runtime.replicator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesFlag;
import io.quarkiverse.schematic.rules.RulesUser;
import io.quarkiverse.schematic.runtime.datastream.EntityMirror;
import io.quarkiverse.schematic.runtime.sharedcache.RedisCalls;
import io.quarkiverse.schematic.runtime.sharedcache.RedisConnection;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheStatus;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * Writes what this instance's DataStream stores into Redis in the replicator's layout ({@link ReplicatorKeys}), and
 * deletes what it removes: a flag under its key, a company or user under its id with one lookup per key/value pair,
 * each with an expiry of {@code ttl} (an entity no instance receives any more does not stay forever).
 * <p>
 * Writes never block the caller: they are sent one after the other (a partial update sent just after the full
 * entity must not overtake it on another pooled connection), each bounded by {@code timeout}. A failure is counted
 * and the write dropped: the other instances then request the entity over their own DataStream. Beyond
 * {@value #MAX_PENDING} writes waiting (Redis slow for long), new ones are dropped and counted.
 */
final class RedisEntityWriter implements EntityMirror {

    private static final Logger LOG = Logger.getLogger(RedisEntityWriter.class);
    static final int MAX_PENDING = 10_000;

    private final ReactiveRedisDataSource redis;
    private final ReplicatorKeys keys;
    private final SetArgs expiry;
    private final ObjectMapper json;
    private final SharedCacheStatus status;
    private final RedisCalls calls;
    private final AtomicInteger pending = new AtomicInteger();
    /** The last write sent; written only by the one thread that applies DataStream messages. */
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    RedisEntityWriter(RedisConnection connection, ReplicatorKeys keys, Duration ttl, Duration timeout, ObjectMapper json,
            SharedCacheStatus status) {
        this.redis = connection.dataSource();
        this.keys = keys;
        this.expiry = new SetArgs().px(ttl);
        this.json = json;
        this.status = status;
        this.calls = new RedisCalls(LOG, status, timeout, "The shared copy of DataStream entities (Redis)",
                "other instances request what they miss over their own DataStream; counted in"
                        + " schematic.datastream.redis.errors");
    }

    @Override
    public void stored(RulesFlag flag) {
        String value = write(flag);
        enqueue(() -> set(keys.flag(flag.key()), value));
    }

    @Override
    public void flagRemoved(String key) {
        enqueue(() -> redis.key(String.class).del(keys.flag(key)).replaceWithVoid());
    }

    @Override
    public void stored(RulesCompany company) {
        storeEntity(ReplicatorKeys.COMPANY, company.id(), company.keys(), write(company));
    }

    @Override
    public void companyRemoved(String id, RulesCompany removed) {
        removeEntity(ReplicatorKeys.COMPANY, id, removed == null ? Map.of() : removed.keys());
    }

    @Override
    public void stored(RulesUser user) {
        storeEntity(ReplicatorKeys.USER, user.id(), user.keys(), write(user));
    }

    @Override
    public void userRemoved(String id, RulesUser removed) {
        removeEntity(ReplicatorKeys.USER, id, removed == null ? Map.of() : removed.keys());
    }

    private void storeEntity(String type, String id, Map<String, String> lookups, String value) {
        String idValue = write(id);
        enqueue(() -> {
            List<Uni<Void>> sets = new ArrayList<>();
            sets.add(set(keys.entity(type, id), value));
            lookups.forEach((key, keyValue) -> sets.add(set(keys.lookup(type, key, keyValue), idValue)));
            return Uni.join().all(sets).andFailFast().replaceWithVoid();
        });
    }

    /**
     * Deletes the entity and the lookups of the copy this instance held. Lookups of a copy it did not hold expire;
     * meanwhile they point to an entity that is gone, which reads as "not found".
     */
    private void removeEntity(String type, String id, Map<String, String> lookups) {
        List<String> doomed = new ArrayList<>();
        doomed.add(keys.entity(type, id));
        lookups.forEach((key, value) -> doomed.add(keys.lookup(type, key, value)));
        enqueue(() -> redis.key(String.class).del(doomed.toArray(String[]::new)).replaceWithVoid());
    }

    private Uni<Void> set(String key, String value) {
        return redis.value(String.class, String.class).set(key, value, expiry);
    }

    private void enqueue(Supplier<Uni<Void>> command) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            status.failed(SharedCacheStatus.Problem.TIMEOUT);
            return;
        }
        tail = tail.thenCompose(previous -> calls.inBackground(Uni.createFrom().<Void> deferred(command::get))
                .onTermination().invoke(pending::decrementAndGet)
                .subscribeAsCompletionStage());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
