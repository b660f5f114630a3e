package io.quarkiverse.schematic.benchmarks.scenarios;

import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.COMPANY;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.FLAG;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.USER;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.benchmarks.clients.FlagClient;
import io.quarkiverse.schematic.benchmarks.stub.RedisProcess;
import io.quarkiverse.schematic.runtime.client.CallPolicy;
import io.quarkiverse.schematic.runtime.client.CheckFlagBreaker;
import io.quarkiverse.schematic.runtime.client.SchematicApi;
import io.quarkiverse.schematic.runtime.flags.CoarseTicker;
import io.quarkiverse.schematic.runtime.flags.FlagCheckCache;
import io.quarkiverse.schematic.runtime.flags.FlagCheckListener;
import io.quarkiverse.schematic.runtime.flags.FlagDefaults;
import io.quarkiverse.schematic.runtime.flags.FlagEvaluator;
import io.quarkiverse.schematic.runtime.flags.LocalAnswers;
import io.quarkiverse.schematic.runtime.flags.LocalFlagCheckCache;
import io.quarkiverse.schematic.runtime.flags.OfflineAnswers;
import io.quarkiverse.schematic.runtime.sharedcache.RedisConnection;
import io.quarkiverse.schematic.runtime.sharedcache.RedisFlagCheckCache;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheKeys;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheStatus;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.redis.runtime.datasource.BlockingRedisDataSourceImpl;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

/**
 * The flag-check cache shared through a real redis-server (started by the fork on a free port), through the flag
 * evaluator the extension builds ({@code cache.backend=redis} is a build-time choice, so the evaluator is assembled
 * here from the same classes, with the Quarkus Redis data source over one Vert.x Redis client):
 * <ul>
 * <li>{@code ours_redis}: a blocking check ({@code SchematicService.checkFlag} after its near-cache miss) whose near
 * cache is cold (near cache off): one {@code GET} of the shared answer, read and returned, the wait bounded by the
 * Redis timeout; floor {@code floor_redis_get}: a {@code GET} of the same key with the same client through the
 * blocking data source a user injects ({@code RedisDataSource}, whose {@code GET} awaits the reactive one with the
 * same kind of bound, {@code await().atMost(timeout)});</li>
 * <li>{@code ours_redis_reactive}: the same check through the reactive path (the extension's shared deadlines bound
 * the {@code GET}), awaited; floor {@code floor_redis_get_reactive}: the reactive {@code GET} awaited;
 * {@code redis_get_with_timer}: that {@code GET} bounded by a Mutiny timer task of its own
 * ({@code ifNoItem().after(timeout)}, what the reactive path did before), what such a timer costs per call;</li>
 * <li>{@code ours_near}: a hot check answered by the near cache; floor {@code floor_local}: the same check with the
 * in-process cache of {@code cache.backend=local}, what every check costs today.</li>
 * </ul>
 * Schematic's REST API is never asked: every measured answer comes from Redis or the near cache.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { Workload.LOG_MANAGER, "-Xms1g", "-Xmx1g" })
@Threads(1)
public class SharedCacheCheck {

    static final CallPolicy POLICY = new CallPolicy(0, null);
    static final Duration TTL = Duration.ofHours(1);
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    @State(Scope.Benchmark)
    public static class Fleet {
        RedisProcess server;
        Vertx vertx;
        CoarseTicker nearClock;
        Redis client;
        ReactiveValueCommands<String, String> values;
        ValueCommands<String, String> blockingValues;
        String key;
        FlagEvaluator redisCold;
        FlagEvaluator redisNear;
        FlagEvaluator local;

        @Setup(Level.Trial)
        public void start() {
            server = RedisProcess.start();
            vertx = Vertx.vertx();
            client = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.uri()));
            ReactiveRedisDataSource dataSource = new ReactiveRedisDataSourceImpl(vertx, client, RedisAPI.api(client));
            RedisConnection connection = new RedisConnection() {
                @Override
                public ReactiveRedisDataSource dataSource() {
                    return dataSource;
                }

                @Override
                public boolean sharedCache() {
                    return true;
                }
            };
            values = dataSource.value(String.class, String.class);
            blockingValues = new BlockingRedisDataSourceImpl((ReactiveRedisDataSourceImpl) dataSource, TIMEOUT)
                    .value(String.class, String.class);
            SharedCacheKeys keys = new SharedCacheKeys("bench");
            key = keys.flag(FLAG, COMPANY, USER);
            FlagCheck answer = new FlagCheck(FLAG, true, "Matched standard rule", "flag_1", "comp_1", "user_1",
                    "rule_1", FlagSource.REMOTE, null, null, null);

            // the clock production gives the caches held in this process
            nearClock = CoarseTicker.forTtl(vertx.getDelegate(), TTL);
            RedisFlagCheckCache cold = new RedisFlagCheckCache(connection, keys, TTL, TIMEOUT,
                    LocalFlagCheckCache.disabled(), new SharedCacheStatus());
            cold.put(COMPANY, USER, answer);
            RedisFlagCheckCache near = new RedisFlagCheckCache(connection, keys, TTL, TIMEOUT,
                    LocalFlagCheckCache.bounded(1000, TTL, nearClock), new SharedCacheStatus());
            near.put(COMPANY, USER, answer);
            LocalFlagCheckCache inProcess = LocalFlagCheckCache.bounded(1000, TTL, nearClock);
            inProcess.put(COMPANY, USER, answer);
            redisCold = evaluator(cold);
            redisNear = evaluator(near);
            local = evaluator(inProcess);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (values.get(key).await().indefinitely() == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the shared answer was not written to Redis");
                }
            }
            expect(redisCold.check(FLAG, COMPANY, USER, POLICY).await().indefinitely(), FlagSource.CACHE);
            expect(redisCold.checkWaitingAfterMiss(FLAG, COMPANY, USER, POLICY), FlagSource.CACHE);
            expect(redisNear.cached(FLAG, COMPANY, USER), FlagSource.CACHE);
            expect(local.cached(FLAG, COMPANY, USER), FlagSource.CACHE);
        }

        @TearDown(Level.Trial)
        public void stop() {
            expect(redisCold.checkWaitingAfterMiss(FLAG, COMPANY, USER, POLICY), FlagSource.CACHE);
            nearClock.close();
            client.close();
            vertx.closeAndAwait();
            server.close();
        }

        /**
         * The cold calls of this class as clients of {@code diagnostics/RoundTrips redis}, which counts the thread
         * switches per call: ours (blocking, reactive) and the {@code GET}s (blocking, reactive, with a timer task).
         */
        public Map<String, FlagClient> coldClients() {
            Map<String, FlagClient> clients = new LinkedHashMap<>();
            clients.put("GET, blocking data source", (flag, company, user) -> blockingValues.get(key) != null);
            clients.put("ours, blocking", (flag, company, user) -> redisCold.checkWaitingAfterMiss(flag, company, user, POLICY)
                    .value());
            clients.put("GET, reactive, awaited", (flag, company, user) -> values.get(key).await().indefinitely() != null);
            clients.put("GET + timer, reactive, awaited", (flag, company, user) -> values.get(key).ifNoItem()
                    .after(TIMEOUT).fail().await().indefinitely() != null);
            clients.put("ours, reactive, awaited", (flag, company, user) -> redisCold.check(flag, company, user, POLICY)
                    .await().indefinitely().value());
            return clients;
        }

        /** The evaluator of the extension over this cache; a REST call would fail the check over to its default. */
        static FlagEvaluator evaluator(FlagCheckCache cache) {
            SchematicApi noRest = (SchematicApi) Proxy.newProxyInstance(SchematicApi.class.getClassLoader(),
                    new Class<?>[] { SchematicApi.class }, (proxy, method, args) -> {
                        throw new IllegalStateException("the REST API must not be asked");
                    });
            return new FlagEvaluator(noRest, cache, new FlagDefaults(Map.of()), false, FlagCheckListener.NONE,
                    new OfflineAnswers(List.of()), LocalAnswers.NONE, CheckFlagBreaker.NONE);
        }

        static void expect(FlagCheck check, FlagSource source) {
            if (check == null || check.source() != source || !check.value()) {
                throw new IllegalStateException("expected an answer from " + source + ", got " + check);
            }
        }
    }

    @Benchmark
    public FlagCheck ours_redis(Fleet fleet) {
        return fleet.redisCold.checkWaitingAfterMiss(FLAG, COMPANY, USER, POLICY);
    }

    @Benchmark
    public String floor_redis_get(Fleet fleet) {
        return fleet.blockingValues.get(fleet.key);
    }

    @Benchmark
    public FlagCheck ours_redis_reactive(Fleet fleet) {
        return fleet.redisCold.check(FLAG, COMPANY, USER, POLICY).await().indefinitely();
    }

    @Benchmark
    public String floor_redis_get_reactive(Fleet fleet) {
        return fleet.values.get(fleet.key).await().indefinitely();
    }

    @Benchmark
    public String redis_get_with_timer(Fleet fleet) {
        return fleet.values.get(fleet.key).ifNoItem().after(TIMEOUT).fail().await().indefinitely();
    }

    @Benchmark
    public FlagCheck ours_near(Fleet fleet) {
        return fleet.redisNear.cached(FLAG, COMPANY, USER);
    }

    @Benchmark
    public FlagCheck floor_local(Fleet fleet) {
        return fleet.local.cached(FLAG, COMPANY, USER);
    }
}
