package io.quarkiverse.schematic.benchmarks.stub;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;

/**
 * Schematic's DataStream for the local-evaluation scenarios: a Vert.x WebSocket on a random port of 127.0.0.1 that
 * answers a {@code start} of {@code rulesengine.Flags} with the given flags and of {@code rulesengine.Company} with
 * the company whose JSON it was given for one of the requested key values. Knows nothing about any client.
 */
public final class DataStreamStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final HttpServer server;
    private final String flags;
    private final Map<String, String> companiesByKeyValue;

    private DataStreamStub(Vertx vertx, HttpServer server, List<String> flags,
            Map<String, String> companiesByKeyValue) {
        this.vertx = vertx;
        this.server = server;
        this.flags = message("rulesengine.Flags", "[" + String.join(",", flags) + "]");
        this.companiesByKeyValue = companiesByKeyValue;
    }

    /** Starts a stub serving these flags (JSON objects) and companies (JSON by key value). */
    public static DataStreamStub start(List<String> flags, Map<String, String> companiesByKeyValue) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpServer server = vertx.createHttpServer();
        DataStreamStub stub = new DataStreamStub(vertx, server, flags, companiesByKeyValue);
        server.webSocketHandler(stub::accept);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("Cannot start the DataStream stub", e);
        }
        return stub;
    }

    public String url() {
        return "ws://127.0.0.1:" + server.actualPort() + "/datastream";
    }

    private void accept(ServerWebSocket socket) {
        socket.textMessageHandler(text -> {
            JsonNode data = read(text).path("data");
            String type = data.path("entity_type").asText();
            if (type.equals("rulesengine.Flags")) {
                socket.writeTextMessage(flags);
            } else if (type.equals("rulesengine.Company")) {
                for (JsonNode value : data.path("keys")) {
                    String company = companiesByKeyValue.get(value.asText());
                    if (company != null) {
                        socket.writeTextMessage(message("rulesengine.Company", company));
                        return;
                    }
                }
            }
        });
    }

    private static String message(String entityType, String dataJson) {
        return "{\"entity_type\": \"" + entityType + "\", \"message_type\": \"full\", \"data\": " + dataJson + "}";
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        vertx.close();
    }
}
