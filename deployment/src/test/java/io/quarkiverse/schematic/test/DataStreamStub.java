package io.quarkiverse.schematic.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;

/**
 * A real WebSocket server on localhost playing Schematic's DataStream, on a Vert.x instance of its own: it records
 * handshakes, client messages and pings, answers {@code start} requests for the flags and for the companies and users
 * it knows (by any key value), answers an {@code error} for keys it was told to refuse and stays silent for anything
 * else.
 * <p>
 * Like {@link SchematicStub}, it starts before the application (QuarkusUnitTest loads test classes twice) and tests
 * drive it over HTTP admin endpoints on the same port, which work from either class loader.
 */
public final class DataStreamStub {

    static final String PORT_PROPERTY = "schematic.datastream.port";
    private static final String DISABLE_WEBSOCKETS = "vertx.disableWebsockets";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Vertx vertx;
    private static HttpServer server;

    // state of the running server; only the server's own class loader touches it
    private static final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
    private static final List<Map<String, String>> handshakes = new CopyOnWriteArrayList<>();
    private static final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private static final List<Long> pings = new CopyOnWriteArrayList<>();
    private static volatile JsonNode flags = JSON.createArrayNode();
    private static volatile JsonNode companies = JSON.createArrayNode();
    private static volatile JsonNode users = JSON.createArrayNode();
    private static volatile List<String> refusedKeyValues = List.of();
    private static volatile List<String> heldKeyValues = List.of();
    /** Answers to requests for held key values, sent on release. */
    private static final List<Runnable> heldAnswers = new CopyOnWriteArrayList<>();
    private static volatile boolean rejecting;

    private static final HttpClient http = HttpClient.newHttpClient();

    private DataStreamStub() {
    }

    /** The application configuration that points local evaluation at the stub. */
    static String url() {
        return "ws://127.0.0.1:${" + PORT_PROPERTY + "}/datastream";
    }

    static void start() {
        vertx = Vertx.vertx();
        // a Quarkus application without a WebSocket extension sets vertx.disableWebsockets for the whole JVM, and
        // Vert.x reads it once, when its HTTP server class loads: an earlier test application must not disable ours
        String disabled = System.clearProperty(DISABLE_WEBSOCKETS);
        try {
            server = vertx.createHttpServer()
                    .webSocketHandler(DataStreamStub::accept)
                    .requestHandler(DataStreamStub::admin);
        } finally {
            if (disabled != null) {
                System.setProperty(DISABLE_WEBSOCKETS, disabled);
            }
        }
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the DataStream stub", e);
        }
        System.setProperty(PORT_PROPERTY, Integer.toString(server.actualPort()));
    }

    static void stop() {
        if (vertx != null) {
            vertx.close();
            vertx = null;
        }
        System.clearProperty(PORT_PROPERTY);
    }

    private static void accept(ServerWebSocket socket) {
        if (!socket.path().equals("/datastream") || rejecting) {
            socket.reject(rejecting ? 503 : 404);
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        socket.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
        handshakes.add(headers);
        sockets.add(socket);
        socket.frameHandler(frame -> {
            if (frame.type() == WebSocketFrameType.PING) {
                pings.add(System.nanoTime());
            }
        });
        socket.textMessageHandler(text -> answer(socket, text));
        socket.closeHandler(ignored -> sockets.remove(socket));
    }

    /** Answers a client's {@code start} request as the DataStream would. */
    private static void answer(ServerWebSocket socket, String text) {
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            request = JSON.createObjectNode().put("unreadable", text);
        }
        received.add(request);
        JsonNode data = request.path("data");
        String type = data.path("entity_type").asText();
        if (type.equals("rulesengine.Flags")) {
            socket.writeTextMessage(message("rulesengine.Flags", null, "full", flags));
        } else if (type.equals("rulesengine.Company")) {
            answerEntity(socket, type, data.path("keys"), companies);
        } else if (type.equals("rulesengine.User")) {
            answerEntity(socket, type, data.path("keys"), users);
        }
    }

    private static void answerEntity(ServerWebSocket socket, String type, JsonNode keys, JsonNode known) {
        for (JsonNode value : keys) {
            if (heldKeyValues.contains(value.asText())) {
                heldAnswers.add(() -> answerEntity(socket, type, keys, known));
                return;
            }
        }
        for (JsonNode value : keys) {
            if (refusedKeyValues.contains(value.asText())) {
                ObjectNode error = JSON.createObjectNode().put("error", "not found").put("entity_type", type);
                error.set("keys", keys);
                socket.writeTextMessage(message(type, null, "error", error));
                return;
            }
            for (JsonNode entity : known) {
                for (JsonNode entityValue : entity.path("keys")) {
                    if (entityValue.asText().equals(value.asText())) {
                        socket.writeTextMessage(message(type, entity.path("id").asText(), "full", entity));
                        return;
                    }
                }
            }
        }
    }

    static String message(String entityType, String entityId, String messageType, JsonNode data) {
        ObjectNode message = JSON.createObjectNode().put("entity_type", entityType).put("message_type", messageType);
        if (entityId != null) {
            message.put("entity_id", entityId);
        }
        message.set("data", data);
        return message.toString();
    }

    private static void admin(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            String path = request.path();
            String reply = "{}";
            switch (request.method().name() + " " + path) {
                case "PUT /__flags" -> flags = read(body);
                case "PUT /__companies" -> companies = read(body);
                case "PUT /__users" -> users = read(body);
                case "PUT /__refused" -> refusedKeyValues = JSON.convertValue(read(body), List.class);
                case "PUT /__held" -> {
                    heldKeyValues = JSON.convertValue(read(body), List.class);
                    if (heldKeyValues.isEmpty()) {
                        List<Runnable> release = new ArrayList<>(heldAnswers);
                        heldAnswers.clear();
                        release.forEach(Runnable::run);
                    }
                }
                case "POST /__push" -> sockets.forEach(socket -> socket.writeTextMessage(body.toString()));
                case "POST /__push-binary" -> sockets.forEach(socket -> socket.writeBinaryMessage(body));
                case "POST /__close" -> sockets.forEach(socket -> socket.close((short) 1011, "test"));
                case "PUT /__rejecting" -> rejecting = Boolean.parseBoolean(body.toString());
                case "GET /__received" -> reply = JSON.valueToTree(received).toString();
                case "GET /__handshakes" -> reply = JSON.valueToTree(handshakes).toString();
                case "GET /__pings" -> reply = Integer.toString(pings.size());
                case "GET /__connections" -> reply = Integer.toString(sockets.size());
                default -> {
                    request.response().setStatusCode(404).end();
                    return;
                }
            }
            request.response().putHeader("Content-Type", "application/json").end(reply);
        });
    }

    private static JsonNode read(Buffer body) {
        try {
            return JSON.readTree(body.toString());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the client side, used by tests from whichever class loader runs them

    /** The flags answered to every {@code start} of {@code rulesengine.Flags} from now on (JSON objects). */
    public static void flags(String... flagJson) {
        call("PUT", "/__flags", "[" + String.join(",", flagJson) + "]");
    }

    /** The companies the stub answers, matched by any key value. */
    public static void companies(String... companyJson) {
        call("PUT", "/__companies", "[" + String.join(",", companyJson) + "]");
    }

    public static void users(String... userJson) {
        call("PUT", "/__users", "[" + String.join(",", userJson) + "]");
    }

    /** Key values whose requests the stub answers with an {@code error} message. */
    public static void refuse(String... keyValues) {
        ArrayNode values = JSON.createArrayNode();
        for (String value : keyValues) {
            values.add(value);
        }
        call("PUT", "/__refused", values.toString());
    }

    /**
     * Requests for entities with any of these key values are received but not answered until {@link #release()}, as a
     * DataStream that is slow to answer.
     */
    public static void hold(String... keyValues) {
        call("PUT", "/__held", JSON.valueToTree(List.of(keyValues)).toString());
    }

    /** Answers the held requests and holds nothing more. */
    public static void release() {
        hold();
    }

    /** Sends this text to every connected client. */
    public static void push(String text) {
        call("POST", "/__push", text);
    }

    /** Sends a DataStream message to every connected client. */
    public static void push(String entityType, String entityId, String messageType, String dataJson) {
        try {
            push(message(entityType, entityId, messageType, JSON.readTree(dataJson)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void pushBinary(String bytes) {
        call("POST", "/__push-binary", bytes);
    }

    /** Closes every connection from the server side (status 1011). */
    public static void closeConnections() {
        call("POST", "/__close", "");
    }

    /** While true, new WebSocket handshakes are refused with 503. */
    public static void rejectHandshakes(boolean reject) {
        call("PUT", "/__rejecting", Boolean.toString(reject));
    }

    /** Every message the clients sent, parsed, in order. */
    public static List<JsonNode> received() {
        List<JsonNode> all = new ArrayList<>();
        readTree(call("GET", "/__received", "")).forEach(all::add);
        return all;
    }

    /** The headers of every handshake, in order. */
    public static List<JsonNode> handshakes() {
        List<JsonNode> all = new ArrayList<>();
        readTree(call("GET", "/__handshakes", "")).forEach(all::add);
        return all;
    }

    public static int pings() {
        return Integer.parseInt(call("GET", "/__pings", ""));
    }

    public static int connections() {
        return Integer.parseInt(call("GET", "/__connections", ""));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String call(String method, String path, String body) {
        URI uri = URI.create("http://127.0.0.1:" + Integer.getInteger(PORT_PROPERTY) + path);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
