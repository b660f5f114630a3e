package io.quarkiverse.schematic.benchmarks.scenarios;

import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.FLAG;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.benchmarks.stub.RedisProcess;
import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesFlag;
import io.quarkiverse.schematic.rules.RulesUser;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.runtime.config.SchematicFixedConfig;
import io.quarkiverse.schematic.runtime.datastream.EntitySource;
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkiverse.schematic.runtime.events.OfflineEventSink;
import io.quarkiverse.schematic.runtime.flags.LocalAnswers;
import io.quarkiverse.schematic.runtime.replicator.ReplicaNearCaches;
import io.quarkiverse.schematic.runtime.replicator.Replicator;
import io.quarkiverse.schematic.runtime.sharedcache.RedisConnection;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

/**
 * Replicator mode's local check: the flag and company of {@link LocalRulesCheck} written into a real redis-server in
 * the replicator's layout, read by the extension's {@link Replicator} (a JDK {@code HttpServer} plays the
 * replicator's readiness endpoint) and evaluated by the extension's local evaluator:
 * <ul>
 * <li>{@code ours_near}: a check whose flag and company are in the replica's near cache (what a hot check costs in
 * replicator mode); floor {@code floor_local}: the same evaluator over flag and company held in a
 * {@code ConcurrentHashMap}, as direct mode holds them in process;</li>
 * <li>{@code ours_cold}: a blocking check whose near caches are empty (emptied before each call, as a new cache
 * version empties them): the flag's {@code GET} and, at the same time, the company's {@code MGET} of its key lookup
 * then {@code GET} of the entity, both parsed, then evaluated; floor {@code floor_redis_gets}: the same three raw
 * commands with the same client in the same order (the flag's {@code GET} beside the {@code MGET}, the company's
 * {@code GET} after it), the caller awaiting both with {@code await().atMost(timeout)} as the blocking data source
 * does.</li>
 * </ul>
 * Both send their {@code flag_check} event to a sink that drops it, so that only the lookups and the engine count.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { Workload.LOG_MANAGER, "-Xms1g", "-Xmx1g" })
@Threads(1)
public class ReplicatorCheck {

    static final String VERSION = "bench1";
    static final Map<String, String> COMPANY = Map.of("id", "acme-0");
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final String FLAG_KEY = "schematic:flags:" + VERSION + ":" + FLAG;
    static final String COMPANY_PREFIX = "schematic:company:" + VERSION + ":";
    static final String LOOKUP_KEY = COMPANY_PREFIX + "id:acme-0";

    @State(Scope.Benchmark)
    public static class Fleet {
        RedisProcess server;
        HttpServer readiness;
        Vertx vertx;
        Redis client;
        Replicator replicator;
        ReactiveValueCommands<String, String> values;
        LocalAnswers fromRedis;
        LocalAnswers inProcess;

        @Setup(Level.Trial)
        public void start() throws IOException {
            server = RedisProcess.start();
            readiness = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            readiness.createContext("/ready", exchange -> {
                byte[] body = ("{\"ready\": true, \"cache_version\": \"" + VERSION + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            readiness.start();
            vertx = Vertx.vertx();
            client = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.uri()));
            ReactiveRedisDataSource dataSource = new ReactiveRedisDataSourceImpl(vertx, client, RedisAPI.api(client));
            values = dataSource.value(String.class, String.class);
            values.set(FLAG_KEY, LocalRulesCheck.flagJson()).await().indefinitely();
            values.set(COMPANY_PREFIX + "comp_0", LocalRulesCheck.companyJson(0)).await().indefinitely();
            values.set(LOOKUP_KEY, "\"comp_0\"").await().indefinitely();

            SchematicConfig config = config(
                    "quarkus.schematic.local-evaluation.replicator.ready-url",
                    "http://127.0.0.1:" + readiness.getAddress().getPort() + "/ready",
                    "quarkus.schematic.local-evaluation.replicator.near-cache-ttl", "1h",
                    "quarkus.schematic.local-evaluation.replicator.redis-timeout", TIMEOUT.toMillis() + "ms");
            replicator = new Replicator(vertx.getDelegate(), new RedisConnection() {
                @Override
                public ReactiveRedisDataSource dataSource() {
                    return dataSource;
                }

                @Override
                public boolean sharedCache() {
                    return false;
                }
            }, config.localEvaluation());
            replicator.start();
            OfflineEventSink dropped = new OfflineEventSink(event -> {
            });
            fromRedis = LocalEvaluation.answers(replicator.entities(), dropped);
            inProcess = LocalEvaluation.answers(new InProcess(), dropped);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            FlagCheck check = null;
            while ((check == null || check.source() != FlagSource.LOCAL) && System.nanoTime() < deadline) {
                check = replicator.entities().connected()
                        ? fromRedis.later(FLAG, COMPANY, Map.of(), null).await().atMost(Duration.ofSeconds(2))
                        : null;
            }
            expect(fromRedis.now(FLAG, COMPANY, Map.of(), null));
            expect(inProcess.now(FLAG, COMPANY, Map.of(), null));
            ReplicaNearCaches.forget(replicator);
            expect(cold(fromRedis));
            if (!LocalRulesCheck.companyJson(0).equals(redisGets(values))) {
                throw new IllegalStateException("the floor did not read the company");
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            expect(fromRedis.now(FLAG, COMPANY, Map.of(), null));
            replicator.close();
            client.close();
            vertx.closeAndAwait();
            readiness.stop(0);
            server.close();
        }

        static void expect(FlagCheck check) {
            if (check == null || check.source() != FlagSource.LOCAL || !check.value()
                    || !"rule_9".equals(check.ruleId())) {
                throw new IllegalStateException("expected a local answer from the 9th rule, got " + check);
            }
        }
    }

    /** Flag and company parsed once and held in maps: direct mode's in-process lookups. */
    static final class InProcess implements EntitySource {
        private final Map<String, RulesFlag> flags = new ConcurrentHashMap<>();
        private final Map<String, RulesCompany> companies = new ConcurrentHashMap<>();

        InProcess() throws IOException {
            ObjectMapper json = new ObjectMapper();
            flags.put(FLAG, json.readValue(LocalRulesCheck.flagJson(), RulesFlag.class));
            companies.put("acme-0", json.readValue(LocalRulesCheck.companyJson(0), RulesCompany.class));
        }

        @Override
        public RulesFlag flag(String key) {
            return flags.get(key);
        }

        @Override
        public RulesCompany company(Map<String, String> keys) {
            String id = keys.get("id");
            return id == null ? null : companies.get(id);
        }

        @Override
        public RulesUser user(Map<String, String> keys) {
            return null;
        }

        @Override
        public boolean connected() {
            return true;
        }

        @Override
        public CompletableFuture<RulesCompany> requestCompany(Map<String, String> keys) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<RulesUser> requestUser(Map<String, String> keys) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** The runtime configuration of these {@code name, value} pairs, everything else at its default. */
    static SchematicConfig config(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new SmallRyeConfigBuilder()
                .withMapping(SchematicConfig.class)
                .withMapping(SchematicFixedConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withDefaultValues(values)
                .build()
                .getConfigMapping(SchematicConfig.class);
    }

    /** Empties the replica's near caches before each call of {@code ours_cold}. */
    @State(Scope.Thread)
    public static class ColdNearCaches {
        @Setup(Level.Invocation)
        public void forget(Fleet fleet) {
            ReplicaNearCaches.forget(fleet.replicator);
        }
    }

    /** What the blocking API does after its near-cache miss in replicator mode: waits for the reads from Redis. */
    static FlagCheck cold(LocalAnswers answers) {
        FlagCheck now = answers.now(FLAG, COMPANY, Map.of(), null);
        return now != null ? now : answers.later(FLAG, COMPANY, Map.of(), null).await().indefinitely();
    }

    /** The flag's {@code GET} beside the company's {@code MGET} of its lookup then {@code GET}; the company's JSON. */
    static String redisGets(ReactiveValueCommands<String, String> values) {
        Uni<String> flag = values.get(FLAG_KEY);
        Uni<String> company = values.mget(LOOKUP_KEY).flatMap(ids -> {
            String id = ids.get(LOOKUP_KEY);
            return values.get(COMPANY_PREFIX + id.substring(1, id.length() - 1));
        });
        return Uni.combine().all().unis(flag, company).asTuple().await().atMost(TIMEOUT).getItem2();
    }

    @Benchmark
    public FlagCheck ours_cold(Fleet fleet, ColdNearCaches cold) {
        return cold(fleet.fromRedis);
    }

    @Benchmark
    public String floor_redis_gets(Fleet fleet) {
        return redisGets(fleet.values);
    }

    @Benchmark
    public FlagCheck ours_near(Fleet fleet) {
        return fleet.fromRedis.now(FLAG, COMPANY, Map.of(), null);
    }

    @Benchmark
    public FlagCheck floor_local(Fleet fleet) {
        return fleet.inProcess.now(FLAG, COMPANY, Map.of(), null);
    }
}
