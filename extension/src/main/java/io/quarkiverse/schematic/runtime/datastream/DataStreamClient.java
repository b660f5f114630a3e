package io.quarkiverse.schematic.runtime.datastream;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.schematic.FlagChanged;
import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesFlag;
import io.quarkiverse.schematic.rules.RulesUser;
import io.quarkiverse.schematic.runtime.client.ClientHeaders;
import io.quarkiverse.schematic.runtime.config.SchematicConfig.LocalEvaluationConfig;
import io.quarkiverse.schematic.runtime.flags.CoarseTicker;
import io.vertx.core.Vertx;

/**
 * The replica of Schematic's DataStream: subscribes to every flag when the connection opens, requests a company or
 * user the first time a check needs it, applies what the server pushes ({@code full}, {@code partial},
 * {@code delete}, {@code error}) to bounded caches, and subscribes again to everything it holds after a reconnection.
 * Cached entities keep answering while the connection is down.
 * <p>
 * Messages are applied one at a time, in order, on a thread of their own (a large flag set is parsed off the event
 * loop). Lookups are lock-free reads of the caches, from any thread. Anything unusable the server sends is counted,
 * logged at DEBUG and ignored. Everything stored or removed is also told to an {@link EntityMirror} (Redis, for the
 * other instances of a fleet).
 */
public final class DataStreamClient implements EntitySource, HeldEntities {

    private static final Logger LOG = Logger.getLogger(DataStreamClient.class);
    /** Messages waiting to be applied before the connection is reset and everything requested again. */
    private static final int MAX_QUEUED_MESSAGES = 10_000;
    private static final long DROP_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final ObjectMapper json;
    private final Vertx vertx;
    private final URI url;
    private final long entityWaitMillis;
    private final FlagStore flags;
    private final EntityStore<RulesCompany> companies;
    private final EntityStore<RulesUser> users;
    private final PendingRequests<RulesCompany> companyRequests = new PendingRequests<>();
    private final PendingRequests<RulesUser> userRequests = new PendingRequests<>();
    private final PartialUpdate partials;
    private final Consumer<List<FlagChanged>> changes;
    private final EntityMirror mirror;
    private final ThreadPoolExecutor applier;
    private final DataStreamConnection connection;
    /** The entity caches' clock (see {@link CoarseTicker}): entities live hours, a second's resolution is plenty. */
    private final CoarseTicker clock;

    private final LongAdder entityWaitTimeouts = new LongAdder();
    private final LongAdder ignoredMessages = new LongAdder();
    private final LongAdder droppedMessages = new LongAdder();
    private final AtomicLong lastDropLog = new AtomicLong(System.nanoTime() - DROP_LOG_INTERVAL_NANOS);
    private volatile boolean flagsReceived;

    /**
     * @param changes told about flag changes, on the thread that applies messages, one message at a time
     * @param mirror told about every entity stored or removed, on the same thread
     */
    public DataStreamClient(Vertx vertx, URI url, String apiKey, LocalEvaluationConfig config, ObjectMapper json,
            Consumer<List<FlagChanged>> changes, EntityMirror mirror) {
        this.json = json;
        this.url = url;
        this.entityWaitMillis = config.entityWaitTimeout().toMillis();
        this.flags = new FlagStore(config.maxFlags(), json);
        this.clock = CoarseTicker.every(vertx, CoarseTicker.COARSEST);
        this.companies = new EntityStore<>(config.maxCompanies(), config.cacheTtl(), clock, RulesCompany::id,
                RulesCompany::keys);
        this.users = new EntityStore<>(config.maxUsers(), config.cacheTtl(), clock, RulesUser::id, RulesUser::keys);
        this.partials = new PartialUpdate(json);
        this.changes = changes;
        this.mirror = mirror;
        this.vertx = vertx;
        // observers of flag changes run on this thread: it sees the application's classes, whoever starts it
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        this.applier = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED_MESSAGES), task -> {
                    Thread thread = new Thread(task, "schematic-datastream");
                    thread.setDaemon(true);
                    thread.setContextClassLoader(application);
                    return thread;
                }, (task, executor) -> {
                    if (!executor.isShutdown()) {
                        overloaded();
                    }
                });
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ClientHeaders.API_KEY, apiKey);
        headers.put("X-Schematic-Datastream-Mode", "direct");
        headers.put("X-Schematic-Client", ClientHeaders.CLIENT_NAME);
        headers.put("X-Schematic-Client-Version", ClientHeaders.CLIENT_VERSION);
        headers.put("User-Agent", ClientHeaders.USER_AGENT);
        this.connection = new DataStreamConnection(vertx, url, headers, config.pingInterval(),
                config.reconnectDelay(), config.maxReconnectDelay(), new ConnectionListener());
    }

    public void start() {
        connection.start();
    }

    public void close() {
        clock.close();
        connection.close();
        applier.shutdownNow();
    }

    /** The cached flag with this key, or {@code null}. */
    @Override
    public RulesFlag flag(String key) {
        return flags.get(key);
    }

    /** The cached company these keys identify, or {@code null}. */
    @Override
    public RulesCompany company(Map<String, String> keys) {
        return companies.find(keys);
    }

    /** The cached user these keys identify, or {@code null}. */
    @Override
    public RulesUser user(Map<String, String> keys) {
        return users.find(keys);
    }

    /** Like {@link #company}, with the memo of its local answers. */
    CachedEntity<RulesCompany> cachedCompany(Map<String, String> keys) {
        return companies.findCached(keys);
    }

    /** Like {@link #user}, with the memo of its local answers. */
    CachedEntity<RulesUser> cachedUser(Map<String, String> keys) {
        return users.findCached(keys);
    }

    /** The version of the flag set, which rises with every flag change (see {@link FlagStore#version}). */
    long flagsVersion() {
        return flags.version();
    }

    @Override
    public boolean connected() {
        return connection.state() == DataStreamConnection.State.CONNECTED;
    }

    /**
     * Requests the company these keys identify (once, however many checks ask at the same time). The future
     * completes with the company when the DataStream sends it, with {@code null} when it answers with an error, and
     * with a {@link TimeoutException} after {@code entity-wait-timeout}.
     */
    @Override
    public CompletableFuture<RulesCompany> requestCompany(Map<String, String> keys) {
        return request(EntityType.COMPANY, keys, companyRequests);
    }

    /** Like {@link #requestCompany} for a user. */
    @Override
    public CompletableFuture<RulesUser> requestUser(Map<String, String> keys) {
        return request(EntityType.USER, keys, userRequests);
    }

    private <T> CompletableFuture<T> request(EntityType type, Map<String, String> keys, PendingRequests<T> pending) {
        PendingRequests.Pending<T> request = pending.register(keys);
        if (request.first()) {
            CompletableFuture<T> future = request.future();
            // a Vert.x timer, so that a check that gives up goes on (to the REST API) on an event loop of the
            // application, never on a thread of the JDK's
            long timer = vertx.setTimer(entityWaitMillis, id -> {
                if (future.completeExceptionally(new TimeoutException("not sent within " + entityWaitMillis + " ms"))) {
                    entityWaitTimeouts.increment();
                    pending.abandon(keys, future);
                }
            });
            future.whenComplete((entity, failure) -> vertx.cancelTimer(timer));
            // without a connection the request goes out with the others once it is open again
            send(ClientMessage.entity(type, keys));
        }
        return request.future();
    }

    /**
     * Raises the cached metrics of the company these keys identify by a tracked quantity of an event, so that usage
     * limits react before the DataStream sends the company again.
     */
    public void tracked(Map<String, String> companyKeys, String event, long quantity) {
        RulesCompany company = companies.find(companyKeys);
        if (company != null) {
            companies.update(company.id(), cached -> cached.withMetricIncremented(event, quantity));
        }
    }

    public DataStreamStatus status() {
        return new DataStreamStatus(DataStreamStatus.stateName(connection.state()), url.toString(), flagsReceived,
                flags.size(), companies.size(), users.size(), companyRequests.size() + userRequests.size(),
                connection.reconnects(), entityWaitTimeouts.sum(), ignoredMessages.sum(), droppedMessages.sum());
    }

    /** The keys of the cached flags, sorted. */
    @Override
    public Set<String> flagKeys() {
        return flags.keys();
    }

    /** The cached companies (a snapshot). */
    @Override
    public List<RulesCompany> companies() {
        return companies.all();
    }

    /** The cached users (a snapshot). */
    @Override
    public List<RulesUser> users() {
        return users.all();
    }

    private void send(ClientMessage message) {
        try {
            connection.send(json.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a DataStream request", e);
        }
    }

    /** Subscribes to the flags and to every entity held or awaited, after the connection (re)opened. */
    private void subscribe() {
        send(ClientMessage.allFlags());
        List<Map<String, String>> companyKeys = new ArrayList<>();
        companies.all().forEach(company -> companyKeys.add(company.keys()));
        companyKeys.addAll(companyRequests.requestedKeys());
        companyKeys.forEach(keys -> send(ClientMessage.entity(EntityType.COMPANY, keys)));
        List<Map<String, String>> userKeys = new ArrayList<>();
        users.all().forEach(user -> userKeys.add(user.keys()));
        userKeys.addAll(userRequests.requestedKeys());
        userKeys.forEach(keys -> send(ClientMessage.entity(EntityType.USER, keys)));
    }

    private void overloaded() {
        droppedMessages.increment();
        long now = System.nanoTime();
        long last = lastDropLog.get();
        if (now - last >= DROP_LOG_INTERVAL_NANOS && lastDropLog.compareAndSet(last, now)) {
            LOG.warnf("More than %d Schematic DataStream messages wait to be applied: one was dropped, the connection"
                    + " is reset to resynchronise (%d dropped so far)", MAX_QUEUED_MESSAGES, droppedMessages.sum());
        }
        connection.reopen();
    }

    private void ignore(String why, String message) {
        ignoredMessages.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Ignored a Schematic DataStream message (%s): %s", why,
                    message.length() > 200 ? message.substring(0, 200) + "..." : message);
        }
    }

    /** Applies one message; runs on the applier thread only. */
    void apply(String text) {
        ServerMessage message;
        try {
            message = json.readValue(text, ServerMessage.class);
        } catch (JsonProcessingException | RuntimeException unreadable) {
            ignore("not a DataStream message", text);
            return;
        }
        EntityType type = message == null ? null : EntityType.fromWire(message.entityType());
        if (type == null || message.messageType() == null) {
            ignore("unknown entity or message type", text);
            return;
        }
        try {
            boolean applied = switch (message.messageType()) {
                case ServerMessage.FULL -> full(type, message.data());
                case ServerMessage.PARTIAL -> partial(type, message.entityId(), message.data());
                case ServerMessage.DELETE -> delete(type, message.entityId(), message.data());
                case ServerMessage.ERROR -> error(message.data(), text);
                default -> false;
            };
            if (!applied) {
                ignore("nothing to apply", text);
            }
        } catch (JsonProcessingException | RuntimeException unreadable) {
            ignore("unreadable entity: " + unreadable.getMessage(), text);
        }
    }

    private boolean full(EntityType type, JsonNode data) throws JsonProcessingException {
        if (data == null || !(data.isArray() || data.isObject())) {
            return false;
        }
        switch (type) {
            case FLAGS, FLAG -> {
                if (data.isArray()) {
                    List<RulesFlag> all = new ArrayList<>();
                    for (JsonNode flag : data) {
                        all.add(readFlag(flag));
                    }
                    changed(flags.replaceAll(all));
                    all.forEach(mirror::stored);
                    flagsReceived = true;
                } else {
                    RulesFlag flag = readFlag(data);
                    FlagChanged change = flags.put(flag);
                    mirror.stored(flag);
                    changed(change == null ? List.of() : List.of(change));
                }
            }
            case COMPANIES, COMPANY -> {
                for (JsonNode company : data.isArray() ? data : List.of(data)) {
                    storeCompany(json.treeToValue(company, RulesCompany.class));
                }
            }
            case USERS, USER -> {
                for (JsonNode user : data.isArray() ? data : List.of(data)) {
                    storeUser(json.treeToValue(user, RulesUser.class));
                }
            }
        }
        return true;
    }

    private RulesFlag readFlag(JsonNode data) throws JsonProcessingException {
        RulesFlag flag = json.treeToValue(data, RulesFlag.class);
        if (flag.key().isBlank()) {
            throw new IllegalArgumentException("a flag without key");
        }
        return flag;
    }

    private boolean partial(EntityType type, String entityId, JsonNode data) throws JsonProcessingException {
        String id = idOf(entityId, data);
        if (id == null || !(data instanceof ObjectNode fields)) {
            return false;
        }
        switch (type) {
            case COMPANY, COMPANIES -> {
                RulesCompany cached = companies.byId(id);
                if (cached == null) {
                    // the fields that changed are no company: it is requested in full when a check needs it
                    return false;
                }
                storeCompany(partials.company(cached, fields));
            }
            case USER, USERS -> {
                RulesUser cached = users.byId(id);
                if (cached == null) {
                    return false;
                }
                storeUser(partials.user(cached, fields));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean delete(EntityType type, String entityId, JsonNode data) {
        switch (type) {
            case FLAGS, FLAG -> {
                JsonNode key = data == null ? null : data.get("key");
                if (key == null || !key.isTextual()) {
                    return false;
                }
                FlagChanged change = flags.remove(key.asText());
                mirror.flagRemoved(key.asText());
                changed(change == null ? List.of() : List.of(change));
            }
            case COMPANIES, COMPANY -> {
                String id = idOf(entityId, data);
                if (id == null) {
                    return false;
                }
                mirror.companyRemoved(id, companies.remove(id));
            }
            case USERS, USER -> {
                String id = idOf(entityId, data);
                if (id == null) {
                    return false;
                }
                mirror.userRemoved(id, users.remove(id));
            }
        }
        return true;
    }

    /** An error answers a request: its waiters stop waiting (and ask the REST API). */
    private boolean error(JsonNode data, String text) {
        if (data == null) {
            return false;
        }
        LOG.debugf("The Schematic DataStream answered with an error: %s", text);
        JsonNode keys = data.get("keys");
        EntityType type = EntityType.fromWire(data.path("entity_type").asText(null));
        if (keys == null || !keys.isObject() || type == null) {
            return true;
        }
        Map<String, String> requested = new LinkedHashMap<>();
        keys.fields().forEachRemaining(key -> requested.put(key.getKey(), key.getValue().asText()));
        switch (type) {
            case COMPANY, COMPANIES -> companyRequests.complete(requested, null);
            case USER, USERS -> userRequests.complete(requested, null);
            default -> {
                // flags are never requested one by one
            }
        }
        return true;
    }

    private static String idOf(String entityId, JsonNode data) {
        if (entityId != null && !entityId.isBlank()) {
            return entityId;
        }
        JsonNode id = data == null ? null : data.get("id");
        return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    private void storeCompany(RulesCompany company) {
        if (company.id().isBlank()) {
            throw new IllegalArgumentException("a company without id");
        }
        companies.put(company);
        mirror.stored(company);
        companyRequests.complete(company.keys(), company);
    }

    private void storeUser(RulesUser user) {
        if (user.id().isBlank()) {
            throw new IllegalArgumentException("a user without id");
        }
        users.put(user);
        mirror.stored(user);
        userRequests.complete(user.keys(), user);
    }

    private void changed(List<FlagChanged> flagChanges) {
        if (!flagChanges.isEmpty()) {
            changes.accept(flagChanges);
        }
    }

    /** Runs on the event loop: hands messages to the applier thread, in order. */
    private final class ConnectionListener implements DataStreamConnection.Listener {

        @Override
        public void opened() {
            subscribe();
        }

        @Override
        public void received(String text) {
            applier.execute(() -> apply(text));
        }

        @Override
        public void ignored(String what) {
            ignore(what, "");
        }
    }
}
