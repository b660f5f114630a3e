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

import io.quarkiverse.schematic.runtime.client.ClientHeaders;
import io.quarkiverse.schematic.runtime.devui.DevServiceProtocol;

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

    /**
     * A map sent as deep-object query parameters, e.g. {@code ?keys[id]=acme&keys[domain]=acme.com} for
     * {@code member} {@code keys}; names and values are form-decoded. Empty when there are none.
     */
    static Map<String, String> queryMap(HttpExchange exchange, String member) {
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> map = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return map;
        }
        String prefix = member + "[";
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? parameter : parameter.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
            if (name.startsWith(prefix) && name.endsWith("]")) {
                map.put(name.substring(prefix.length(), name.length() - 1), value);
            }
        }
        return map;
    }

    /**
     * Answers 401 to a request without the dev service's API key, as Schematic wants a key; {@code true} if it did.
     */
    static boolean refusedWithoutDevKey(HttpExchange exchange) throws IOException {
        if (DevServiceProtocol.API_KEY.equals(exchange.getRequestHeaders().getFirst(ClientHeaders.API_KEY))) {
            return false;
        }
        error(exchange, 401, "Missing or wrong " + ClientHeaders.API_KEY + " for the dev service");
        return true;
    }

    /** A path segment, percent-decoded ({@code +} stays a plus: it is not a space in a path). */
    static String segment(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Schematic's REST envelope: {@code {"data": ..., "params": {}}}. */
    static void data(HttpExchange exchange, Object data) throws IOException {
        data(exchange, 200, data);
    }

    /** Schematic's REST envelope with this status (201 for something created). */
    static void data(HttpExchange exchange, int status, Object data) throws IOException {
        json(exchange, status, Map.of("data", data, "params", Map.of()));
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
