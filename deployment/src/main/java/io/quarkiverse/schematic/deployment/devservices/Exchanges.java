package io.quarkiverse.schematic.deployment.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * Reading JSON requests and writing JSON answers on the JDK HTTP server.
 */
final class Exchanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    /** The request body as a JSON object; an empty body is an empty object. */
    static Map<String, Object> body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return Map.of();
            }
            Map<String, Object> body = JSON.readValue(bytes, new TypeReference<Map<String, Object>>() {
            });
            return body == null ? Map.of() : body;
        } catch (JsonProcessingException malformed) {
            throw new IllegalArgumentException("the body is not a JSON object: " + malformed.getOriginalMessage());
        }
    }

    /** A JSON object member that holds string keys, e.g. {@code "company": {"id": "acme"}}; empty when absent. */
    @SuppressWarnings("unchecked")
    static Map<String, String> keys(Map<String, Object> body, String member) {
        Object value = body.get(member);
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> keys = new LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((key, keyValue) -> keys.put(key, String.valueOf(keyValue)));
        return keys;
    }

    static Map<String, Object> object(Map<String, Object> body, String member) {
        return asObject(body.get(member));
    }

    /** A JSON value as an object; empty when it is not one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** A path segment, percent-decoded ({@code +} stays a plus: it is not a space in a path). */
    static String segment(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Schematic's REST envelope: {@code {"data": ..., "params": {}}}. */
    static void data(HttpExchange exchange, Object data) throws IOException {
        json(exchange, 200, Map.of("data", data, "params", Map.of()));
    }

    /** Schematic's error body: {@code {"error": "..."}}. */
    static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Map.of("error", message));
    }

    static void json(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(value);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
