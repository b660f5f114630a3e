package io.quarkiverse.schematic.deployment.devservices;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The account calls of the Schematic REST API ({@code SchematicAccounts}): temporary access tokens, feature usage,
 * company lookup, deletion by keys and trait set/increment, over the companies and users upserted into the dev
 * service. Requests must carry the dev service's API key. Unknown companies or users answer 404, as Schematic does.
 */
final class DevAccountsHandler implements HttpHandler {

    /** The paths this handler serves, each registered as a context of the server. */
    static final List<String> PATHS = List.of("/temporary-access-tokens", "/usage-by-company", "/companies/lookup",
            "/companies/delete", "/users/delete", "/company-traits", "/user-traits");
    /** How long a token lives, as Schematic's documentation says for its tokens. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DevState state;
    private final DevFeatureUsage usage;
    private final AtomicLong tokens = new AtomicLong();

    DevAccountsHandler(DevState state) {
        this.state = state;
        this.usage = new DevFeatureUsage(state.flags());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (Exchanges.refusedWithoutDevKey(exchange)) {
                return;
            }
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
            switch (route) {
                case "POST /temporary-access-tokens" -> issueToken(exchange, Exchanges.body(exchange));
                case "GET /usage-by-company" -> featureUsage(exchange, Exchanges.queryMap(exchange, "keys"));
                case "GET /companies/lookup" -> found(exchange, state.companies().lookup(
                        required(Exchanges.queryMap(exchange, "keys"))), "company");
                case "POST /companies/delete" -> found(exchange, deleted(state.companies().delete(
                        required(Exchanges.keys(Exchanges.body(exchange), "keys")))), "company");
                case "POST /users/delete" -> found(exchange, deleted(state.users().delete(
                        required(Exchanges.keys(Exchanges.body(exchange), "keys")))), "user");
                case "POST /company-traits" -> updateTrait(exchange, state.companies(), Exchanges.body(exchange), "company");
                case "POST /user-traits" -> updateTrait(exchange, state.users(), Exchanges.body(exchange), "user");
                default -> Exchanges.error(exchange, 404, "The dev service does not implement " + route);
            }
        } catch (RuntimeException malformed) {
            Exchanges.error(exchange, 400, "Cannot read the request: " + malformed.getMessage());
        } finally {
            exchange.close();
        }
    }

    /** A token for any company keys: Schematic resolves the company when a component uses the token. */
    private void issueToken(HttpExchange exchange, Map<String, Object> body) throws IOException {
        if (!"company".equals(body.get("resource_type"))) {
            Exchanges.error(exchange, 400, "resource_type must be \"company\"");
            return;
        }
        required(Exchanges.keys(body, "lookup"));
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        Instant now = Instant.now();
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("id", "tok_dev_" + tokens.incrementAndGet());
        token.put("token", "dev_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        token.put("resource_type", "company");
        token.put("api_key_id", "api_dev");
        token.put("environment_id", "env_dev");
        token.put("expired_at", now.plus(TOKEN_LIFETIME).toString());
        token.put("created_at", now.toString());
        token.put("updated_at", now.toString());
        Exchanges.data(exchange, 201, token);
    }

    private void featureUsage(HttpExchange exchange, Map<String, String> keys) throws IOException {
        Map<String, Object> company = state.companies().lookup(required(keys));
        if (company == null) {
            Exchanges.error(exchange, 404, "No company with these keys in the dev service");
            return;
        }
        Exchanges.data(exchange, Map.of("features", usage.of(keys, company)));
    }

    private static void updateTrait(HttpExchange exchange, DevEntities entities, Map<String, Object> body, String kind)
            throws IOException {
        Map<String, String> keys = required(Exchanges.keys(body, "keys"));
        if (!(body.get("trait") instanceof String trait) || trait.isBlank()) {
            Exchanges.error(exchange, 400, "trait is required");
            return;
        }
        UnaryOperator<Object> change = change(body.get("set"), body.get("incr"), trait);
        found(exchange, entities.updateTrait(keys, trait, change, Boolean.TRUE.equals(body.get("update_only"))), kind);
    }

    /** Exactly one of {@code set} (text) and {@code incr} (a whole number added to a numeric or absent trait). */
    private static UnaryOperator<Object> change(Object set, Object incr, String trait) {
        if (set != null && incr == null) {
            return current -> set.toString();
        }
        if (incr instanceof Number by && set == null) {
            return current -> {
                Long value = current == null ? Long.valueOf(0) : DevFeatureUsage.number(current);
                if (value == null) {
                    throw new IllegalArgumentException("trait '" + trait + "' is not a number");
                }
                return value + by.longValue();
            };
        }
        throw new IllegalArgumentException("exactly one of set (text) and incr (a number) is required");
    }

    /** Schematic answers a deletion with the entity's id, name and timestamps only. */
    private static Map<String, Object> deleted(Map<String, Object> entity) {
        if (entity == null) {
            return null;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", entity.get("id"));
        answer.put("name", entity.get("name"));
        answer.put("environment_id", "env_dev");
        answer.put("created_at", entity.get("created_at"));
        answer.put("updated_at", entity.get("updated_at"));
        return answer;
    }

    private static void found(HttpExchange exchange, Map<String, Object> entity, String kind) throws IOException {
        if (entity == null) {
            Exchanges.error(exchange, 404, "No " + kind + " with these keys in the dev service");
        } else {
            Exchanges.data(exchange, entity);
        }
    }

    private static Map<String, String> required(Map<String, String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("keys are required");
        }
        return keys;
    }
}
