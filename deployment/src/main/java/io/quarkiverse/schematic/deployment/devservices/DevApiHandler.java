package io.quarkiverse.schematic.deployment.devservices;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.quarkiverse.schematic.Preflight;

/**
 * The part of the Schematic REST API and of the event-capture service that the extension calls: flag checks (single
 * with preflight, all flags, bulk), company and user upserts, and event batches. Requests must carry the dev service's API key,
 * like Schematic wants a key.
 */
final class DevApiHandler implements HttpHandler {

    /** Why a check of a flag configured nowhere was answered 404. */
    static final String NOT_FOUND_REASON = "Flag not configured in the dev service: answered 404 like Schematic for an"
            + " unknown flag, so the application's flag default applies";

    private final DevState state;
    private final DevRulesChecks meteredChecks;

    DevApiHandler(DevState state, DevRulesChecks meteredChecks) {
        this.state = state;
        this.meteredChecks = meteredChecks;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (Exchanges.refusedWithoutDevKey(exchange)) {
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                Exchanges.error(exchange, 405, "The dev service only answers POST on " + exchange.getRequestURI());
                return;
            }
            String[] path = exchange.getRequestURI().getRawPath().split("/");
            Map<String, Object> body = Exchanges.body(exchange);
            if (path.length == 4 && path[1].equals("flags") && path[3].equals("check")) {
                checkFlag(exchange, Exchanges.segment(path[2]), body);
            } else if (path.length == 3 && path[1].equals("flags") && path[2].equals("check")) {
                Exchanges.data(exchange, allFlags(body));
            } else if (path.length == 3 && path[1].equals("flags") && path[2].equals("check-bulk")) {
                checkFlagsBulk(exchange, body);
            } else if (path.length == 2 && path[1].equals("companies")) {
                Exchanges.data(exchange, state.companies().upsert(Exchanges.keys(body, "keys"), name(body),
                        Exchanges.object(body, "traits"), Map.of()));
            } else if (path.length == 2 && path[1].equals("users")) {
                Exchanges.data(exchange, state.users().upsert(Exchanges.keys(body, "keys"), name(body),
                        Exchanges.object(body, "traits"), Exchanges.keys(body, "company")));
            } else if (path.length == 2 && path[1].equals("batch")) {
                batch(exchange, body);
            } else {
                Exchanges.error(exchange, 404, "The dev service does not implement " + exchange.getRequestURI());
            }
        } catch (RuntimeException malformed) {
            Exchanges.error(exchange, 400, "Cannot read the request: " + malformed.getMessage());
        } finally {
            exchange.close();
        }
    }

    /** A flag configured nowhere is not found, as in Schematic: the application then answers its flag default. */
    private void checkFlag(HttpExchange exchange, String flag, Map<String, Object> body) throws IOException {
        Map<String, String> company = Exchanges.keys(body, "company");
        Map<String, String> user = Exchanges.keys(body, "user");
        Map<String, Object> answer = answer(flag, company, user, preflight(Exchanges.object(body, "preflight")));
        if (answer == null) {
            state.activity().notFound(flag, company, user);
            Exchanges.error(exchange, 404, "Flag '" + flag + "' is not configured in the dev service: set"
                    + " quarkus.schematic.devservices.flags.\"" + flag + "\"=true|false to give it a value");
            return;
        }
        Exchanges.data(exchange, answer);
    }

    /** Every flag the dev service knows (configured or metered), for one context. */
    private Map<String, Object> allFlags(Map<String, Object> context) {
        Map<String, String> company = Exchanges.keys(context, "company");
        Map<String, String> user = Exchanges.keys(context, "user");
        Set<String> flags = new TreeSet<>(state.meter().features());
        state.flags().all().forEach(known -> flags.add(known.flag()));
        List<Map<String, Object>> all = new ArrayList<>();
        for (String flag : flags) {
            Map<String, Object> answer = answer(flag, company, user, null);
            if (answer != null) {
                all.add(answer);
            }
        }
        return Map.of("flags", all);
    }

    /** {@code {"contexts": [...]}}: every flag for each context, in order. */
    private void checkFlagsBulk(HttpExchange exchange, Map<String, Object> body) throws IOException {
        if (!(body.get("contexts") instanceof List<?> contexts)) {
            Exchanges.error(exchange, 400, "The bulk check has no contexts array");
            return;
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Object context : contexts) {
            answers.add(allFlags(Exchanges.asObject(context)));
        }
        Exchanges.data(exchange, Map.of("data", answers));
    }

    /**
     * One answer in Schematic's shape: a metered feature from the rules engine, as local evaluation answers it (with
     * or without a company); any other flag from its configured value, with the ids of upserted entities that match
     * the keys; {@code null} for a flag the dev service does not know.
     */
    private Map<String, Object> answer(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight) {
        if (state.meter().features().contains(flag)) {
            Map<String, Object> metered = meteredChecks.check(flag, company, user, preflight);
            state.activity().checked(flag, (Boolean) metered.get("value"), (String) metered.get("reason"), company,
                    user);
            return metered;
        }
        DevFlags.Answer answer = state.flags().answer(flag, company, user);
        if (answer == null) {
            return null;
        }
        state.activity().checked(flag, answer.value(), answer.reason(), company, user);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("flag", answer.flag());
        data.put("value", answer.value());
        data.put("reason", answer.reason());
        data.put("company_id", state.companies().idOf(company));
        data.put("user_id", state.users().idOf(user));
        return data;
    }

    /** The {@code preflight} of a check, or {@code null}; negative sizes are refused (400) as Schematic does. */
    private static Preflight preflight(Map<String, Object> body) {
        Preflight preflight = null;
        if (body.get("usage") instanceof Number usage) {
            preflight = Preflight.usage(usage.longValue());
        }
        Map<String, Object> events = Exchanges.object(body, "event_usage");
        if (events.get("event_subtype") instanceof String subtype && events.get("quantity") instanceof Number quantity) {
            preflight = preflight == null ? Preflight.eventUsage(subtype, quantity.longValue())
                    : preflight.withEventUsage(subtype, quantity.longValue());
        }
        for (Map.Entry<String, Object> cost : Exchanges.object(body, "credit_cost").entrySet()) {
            if (cost.getValue() instanceof Number amount) {
                preflight = preflight == null ? Preflight.creditCost(cost.getKey(), amount.doubleValue())
                        : preflight.withCreditCost(cost.getKey(), amount.doubleValue());
            }
        }
        return preflight;
    }

    /**
     * Records each event of {@code {"events": [{"type", "body", "sent_at", "api_key"...}]}}, without its key, and
     * meters track events. An event whose idempotency key was seen in the last 24 hours is dropped, as Schematic does.
     */
    private void batch(HttpExchange exchange, Map<String, Object> body) throws IOException {
        Object events = body.get("events");
        if (!(events instanceof List<?> list)) {
            Exchanges.error(exchange, 400, "The batch has no events array");
            return;
        }
        for (Object item : list) {
            Map<String, Object> event = Exchanges.asObject(item);
            Object key = event.get("idempotency_key");
            if (!event.isEmpty() && state.idempotencyKeys().firstTime(key == null ? null : key.toString())) {
                state.activity().received(event.get("type"), event.get("body"), event.get("sent_at"));
                if ("track".equals(event.get("type"))) {
                    meter(event);
                }
            }
        }
        Exchanges.json(exchange, 200, Map.of("accepted", list.size()));
    }

    /** Counts a track event at its time: {@code sent_at} with a trusted client clock, else now. */
    private void meter(Map<String, Object> event) {
        Map<String, Object> track = Exchanges.object(event, "body");
        Instant time = Boolean.TRUE.equals(event.get("trusted_client_clock")) ? timeOf(event.get("sent_at"))
                : Instant.now();
        Long quantity = track.get("quantity") instanceof Number number ? number.longValue() : null;
        state.meter().tracked(String.valueOf(track.get("event")), Exchanges.keys(track, "company"), quantity, time);
    }

    /** An RFC 3339 time; now when it is missing or unreadable (the event is still recorded and counted). */
    private static Instant timeOf(Object text) {
        try {
            return text == null ? Instant.now() : OffsetDateTime.parse(text.toString()).toInstant();
        } catch (DateTimeParseException unreadable) {
            return Instant.now();
        }
    }

    private static String name(Map<String, Object> body) {
        Object name = body.get("name");
        return name == null ? null : name.toString();
    }
}
