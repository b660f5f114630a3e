package io.quarkiverse.schematic.deployment.devservices;

import java.io.Closeable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.runtime.client.ClientHeaders;
import io.quarkiverse.schematic.runtime.devui.DevServiceProtocol;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;

/**
 * The dev service's DataStream: a WebSocket on a random port of 127.0.0.1, on a Vert.x instance of its own (the
 * dev service outlives the application's). It answers {@code start} requests for the flags, a company or a user with
 * the dev service's own data ({@link DevRulesEntities}), pushes a flag to every subscriber when the Dev UI toggles
 * it, so that local evaluation and {@code FlagChanged} events can be watched live, and pushes the companies a client
 * asked for again when the usage of metered features changes (a track event counted, a reset in the Dev UI).
 */
final class DevDataStream implements Closeable {

    static final String PATH = "/datastream";

    private static final Logger LOG = Logger.getLogger(DevDataStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DISABLE_WEBSOCKETS = "vertx.disableWebsockets";

    private final Vertx vertx;
    private final HttpServer server;
    private final DevRulesEntities entities;
    private final Set<ServerWebSocket> flagSubscribers = ConcurrentHashMap.newKeySet();
    /** The keys of the companies each client asked for. */
    private final Map<ServerWebSocket, Set<Map<String, String>>> companySubscribers = new ConcurrentHashMap<>();

    private DevDataStream(Vertx vertx, HttpServer server, DevRulesEntities entities) {
        this.vertx = vertx;
        this.server = server;
        this.entities = entities;
    }

    static DevDataStream start(DevState state, DevRulesEntities entities) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        // A Quarkus application without a WebSocket extension sets vertx.disableWebsockets for the whole JVM (tests
        // start many applications in one), and Vert.x reads it once, when its HTTP server class loads
        String disabled = System.clearProperty(DISABLE_WEBSOCKETS);
        HttpServer server;
        try {
            server = vertx.createHttpServer();
        } finally {
            if (disabled != null) {
                System.setProperty(DISABLE_WEBSOCKETS, disabled);
            }
        }
        DevDataStream dataStream = new DevDataStream(vertx, server, entities);
        server.webSocketHandler(dataStream::accept);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("Cannot start the DataStream of the Schematic dev service", e);
        }
        state.flags().onToggle(dataStream::flagChanged);
        state.meter().onChange(dataStream::usageChanged);
        return dataStream;
    }

    /** The URL local evaluation connects to, e.g. {@code ws://127.0.0.1:41235/datastream}. */
    String url() {
        return "ws://127.0.0.1:" + server.actualPort() + PATH;
    }

    private void accept(ServerWebSocket socket) {
        if (!PATH.equals(socket.path())) {
            socket.reject(404);
            return;
        }
        if (!DevServiceProtocol.API_KEY.equals(socket.headers().get(ClientHeaders.API_KEY))) {
            socket.reject(401);
            return;
        }
        socket.textMessageHandler(text -> answer(socket, text));
        socket.closeHandler(ignored -> {
            flagSubscribers.remove(socket);
            companySubscribers.remove(socket);
        });
    }

    /** Answers {@code {"data": {"action": "start", "entity_type": ..., "keys": {...}}}}; ignores anything else. */
    private void answer(ServerWebSocket socket, String text) {
        try {
            JsonNode data = JSON.readTree(text).path("data");
            if (!"start".equals(data.path("action").asText())) {
                return;
            }
            Map<String, String> keys = data.hasNonNull("keys")
                    ? JSON.convertValue(data.get("keys"), new TypeReference<Map<String, String>>() {
                    })
                    : Map.of();
            switch (data.path("entity_type").asText()) {
                case "rulesengine.Flags" -> {
                    flagSubscribers.add(socket);
                    send(socket, "rulesengine.Flags", entities.flags());
                }
                case "rulesengine.Company" -> {
                    companySubscribers.computeIfAbsent(socket, ignored -> ConcurrentHashMap.newKeySet()).add(keys);
                    send(socket, "rulesengine.Company", entities.company(keys));
                }
                case "rulesengine.User" -> send(socket, "rulesengine.User", entities.user(keys));
                default -> LOG.debugf("The dev service's DataStream ignores %s", text);
            }
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            LOG.debugf("The dev service's DataStream cannot read %s", text);
        }
    }

    /** Pushes a toggled flag to everyone subscribed to the flags. */
    private void flagChanged(String flag) {
        Map<String, Object> data = entities.flag(flag);
        flagSubscribers.forEach(socket -> send(socket, "rulesengine.Flag", data));
    }

    /** Sends every client the companies it asked for again, with their new usage. */
    private void usageChanged() {
        companySubscribers.forEach((socket, companies) -> companies
                .forEach(keys -> send(socket, "rulesengine.Company", entities.company(keys))));
    }

    /** A {@code full} message; one entity also gives its id as {@code entity_id}. */
    private static void send(ServerWebSocket socket, String entityType, Object data) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("entity_type", entityType);
        if (data instanceof Map<?, ?> entity) {
            message.put("entity_id", entity.get("id"));
        }
        message.put("message_type", "full");
        message.put("data", data);
        try {
            socket.writeTextMessage(JSON.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a DataStream message", e);
        }
    }

    @Override
    public void close() {
        vertx.close();
    }
}
