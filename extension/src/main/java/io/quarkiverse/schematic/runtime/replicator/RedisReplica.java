package io.quarkiverse.schematic.runtime.replicator;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesFlag;
import io.quarkiverse.schematic.rules.RulesUser;
import io.quarkiverse.schematic.runtime.datastream.EntitySource;
import io.quarkiverse.schematic.runtime.datastream.HeldEntities;
import io.quarkiverse.schematic.runtime.logging.LogThrottle;
import io.quarkiverse.schematic.runtime.sharedcache.RedisCalls;
import io.quarkiverse.schematic.runtime.sharedcache.RedisConnection;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheStatus;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * Flags, companies and users as Schematic's replicator keeps them in Redis ({@link ReplicatorKeys}), read on demand
 * and kept in small near caches in this process for {@code near-cache-ttl}, so that a hot check evaluates from memory.
 * <p>
 * Lookups answer from the near caches, and nothing while the replicator is not ready (checks then ask the REST API,
 * as the SDKs do). A miss is read from Redis without blocking: a flag with one {@code GET}, a company or user with an
 * {@code MGET} of its key/value lookups and a {@code GET} of the entity they point to, all bounded by
 * {@code redis-timeout}. Checks missing the same entity within the near cache's time share one read. A timeout, a
 * failure or a value that is not the replicator's JSON reads as "not found" (the check asks the REST API), is counted
 * in the {@link SharedCacheStatus} and logged at most once a minute. Keys that point to two different entities find nothing,
 * as in the in-memory replica.
 */
final class RedisReplica implements EntitySource, HeldEntities {

    private static final Logger LOG = Logger.getLogger(RedisReplica.class);

    private final ReactiveValueCommands<String, String> values;
    /** The cache version to read, {@code null} while there is none to read (the replicator is not ready). */
    private final Supplier<String> version;
    private final ObjectMapper json;
    private final SharedCacheStatus status;
    private final Cache<String, RulesFlag> flags;
    private final Cache<Map<String, String>, RulesCompany> companies;
    private final Cache<Map<String, String>, RulesUser> users;
    /** Reads in flight or done within the near cache's time: what Redis did not have is not asked again meanwhile. */
    private final Cache<String, CompletableFuture<RulesFlag>> flagReads;
    private final Cache<Map<String, String>, CompletableFuture<RulesCompany>> companyReads;
    private final Cache<Map<String, String>, CompletableFuture<RulesUser>> userReads;
    private final RedisCalls calls;
    private final LogThrottle unreadableLog = new LogThrottle(Duration.ofMinutes(1));
    private final String owner;
    private volatile ReplicatorKeys keys;

    /**
     * @param version the cache version whose keys to read, or {@code null} while nothing is to be read
     * @param owner who wrote what is read, as the warnings name it ("The replicator's Redis")
     * @param meanwhile what checks do while Redis fails and where it is counted, as the warnings say it
     */
    RedisReplica(RedisConnection connection, Supplier<String> version, Duration timeout, Duration nearCacheTtl,
            int maxFlags, int maxCompanies, int maxUsers, ObjectMapper json, SharedCacheStatus status, String owner,
            String meanwhile) {
        this.values = connection.dataSource().value(String.class, String.class);
        this.version = version;
        this.json = json;
        this.status = status;
        this.owner = owner;
        this.calls = new RedisCalls(LOG, status, timeout, owner, meanwhile);
        this.flags = near(maxFlags, nearCacheTtl);
        this.companies = near(maxCompanies, nearCacheTtl);
        this.users = near(maxUsers, nearCacheTtl);
        this.flagReads = near(maxFlags, nearCacheTtl);
        this.companyReads = near(maxCompanies, nearCacheTtl);
        this.userReads = near(maxUsers, nearCacheTtl);
    }

    private static <K, V> Cache<K, V> near(int maxSize, Duration ttl) {
        return Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).executor(Runnable::run).build();
    }

    /** The replicator writes another cache version: what this process holds is of the old one. */
    void versionChanged() {
        flags.invalidateAll();
        companies.invalidateAll();
        users.invalidateAll();
        flagReads.invalidateAll();
        companyReads.invalidateAll();
        userReads.invalidateAll();
    }

    private boolean ready() {
        return version.get() != null;
    }

    @Override
    public boolean connected() {
        return ready();
    }

    @Override
    public RulesFlag flag(String key) {
        return ready() ? flags.getIfPresent(key.toLowerCase(Locale.ROOT)) : null;
    }

    @Override
    public RulesCompany company(Map<String, String> keys) {
        return ready() ? companies.getIfPresent(keys) : null;
    }

    @Override
    public RulesUser user(Map<String, String> keys) {
        return ready() ? users.getIfPresent(keys) : null;
    }

    @Override
    public CompletableFuture<RulesFlag> requestFlag(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        return shared(flagReads, name, () -> values.get(keys().flag(name))
                .map(text -> parse(text, RulesFlag.class, "flag " + key)), flags);
    }

    @Override
    public CompletableFuture<RulesCompany> requestCompany(Map<String, String> keys) {
        Map<String, String> own = Map.copyOf(keys);
        return shared(companyReads, own,
                () -> entity(ReplicatorKeys.COMPANY, own, RulesCompany.class, RulesCompany::id), companies);
    }

    @Override
    public CompletableFuture<RulesUser> requestUser(Map<String, String> keys) {
        Map<String, String> own = Map.copyOf(keys);
        return shared(userReads, own, () -> entity(ReplicatorKeys.USER, own, RulesUser.class, RulesUser::id), users);
    }

    /**
     * One read per key within the near cache's time: the read of the first caller, bounded by the timeout, whose
     * result (an entity or {@code null}, never a failure) goes to the near cache and to everyone waiting; later
     * callers get the same result until it expires. So an entity Redis does not have, or a Redis that fails, costs
     * one read per key and near-cache time, not one per check.
     */
    private <K, T> CompletableFuture<T> shared(Cache<K, CompletableFuture<T>> reads, K key, Supplier<Uni<T>> read,
            Cache<K, T> near) {
        if (!ready()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<T> created = new CompletableFuture<>();
        CompletableFuture<T> running = reads.asMap().putIfAbsent(key, created);
        if (running != null) {
            return running;
        }
        calls.inBackground(Uni.createFrom().<T> deferred(read::get))
                .subscribe().with(found -> {
                    if (found != null) {
                        near.put(key, found);
                    }
                    created.complete(found);
                });
        return created;
    }

    /** The entity the key/value lookups point to: an {@code MGET} of the lookups, then a {@code GET} of the entity. */
    private <T> Uni<T> entity(String type, Map<String, String> requested, Class<T> entityType,
            Function<T, String> idOf) {
        ReplicatorKeys layout = keys();
        String[] lookups = requested.entrySet().stream()
                .map(pair -> layout.lookup(type, pair.getKey(), pair.getValue()))
                .toArray(String[]::new);
        return values.mget(lookups).flatMap(found -> {
            Set<String> ids = new HashSet<>();
            for (String lookup : lookups) {
                String id = found.get(lookup) == null ? null : parse(found.get(lookup), String.class, type + " id");
                if (id != null) {
                    ids.add(id);
                }
            }
            if (ids.size() != 1) {
                // not replicated, or keys of two different entities: the REST API answers
                return Uni.createFrom().nullItem();
            }
            String id = ids.iterator().next();
            return values.get(layout.entity(type, id)).map(text -> {
                T entity = parse(text, entityType, type + " " + id);
                return entity == null || !id.equals(idOf.apply(entity)) ? null : entity;
            });
        });
    }

    private ReplicatorKeys keys() {
        String wanted = version.get();
        ReplicatorKeys current = keys;
        if (current == null || !current.version().equals(wanted)) {
            current = new ReplicatorKeys(wanted);
            keys = current;
        }
        return current;
    }

    /** The value as the replicator writes it (Go's JSON), or {@code null} for none or one that is not. */
    private <T> T parse(String text, Class<T> type, String what) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException | RuntimeException unreadable) {
            status.failed(SharedCacheStatus.Problem.UNREADABLE);
            if (unreadableLog.allow()) {
                LOG.warnf("%s holds a value for %s that is not the replicator's JSON (%s): it is not used", owner, what,
                        unreadable.getClass().getSimpleName());
            }
            return null;
        }
    }

    @Override
    public Set<String> flagKeys() {
        return new TreeSet<>(flags.asMap().keySet());
    }

    /** The companies of the near cache, each once however many key sets found it. */
    @Override
    public List<RulesCompany> companies() {
        return companies.asMap().values().stream().distinct().toList();
    }

    @Override
    public List<RulesUser> users() {
        return users.asMap().values().stream().distinct().toList();
    }

    long flagCount() {
        return flags.estimatedSize();
    }

    long companyCount() {
        return companies.estimatedSize();
    }

    long userCount() {
        return users.estimatedSize();
    }
}
