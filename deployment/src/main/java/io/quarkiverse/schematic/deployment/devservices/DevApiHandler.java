package io.quarkiverse.schematic.deployment.devservices;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The part of the Schematic REST API and of the event-capture service that the extension calls: flag checks, company
 * and user upserts, and event batches. Requests must carry the dev service's API key, like Schematic wants a key.
 */
final class DevApiHandler implements HttpHandler {

    /** Why a check of a flag configured nowhere was answered 404. */
    static final String NOT_FOUND_REASON = "Flag not configured in the dev service: answered 404 like Schematic for an"
            + " unknown flag, so the application's flag default applies";

    private final DevState state;

    DevApiHandler(DevState state) {
        this.state = state;
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
                checkFlags(exchange, body);
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
        DevFlags.Answer answer = state.flags().answer(flag, company, user);
        if (answer == null) {
            state.activity().notFound(flag, company, user);
            Exchanges.error(exchange, 404, "Flag '" + flag + "' is not configured in the dev service: set"
                    + " quarkus.schematic.devservices.flags.\"" + flag + "\"=true|false to give it a value");
            return;
        }
        Exchanges.data(exchange, answer(answer, company, user));
    }

    private void checkFlags(HttpExchange exchange, Map<String, Object> body) throws IOException {
        Map<String, String> company = Exchanges.keys(body, "company");
        Map<String, String> user = Exchanges.keys(body, "user");
        List<Map<String, Object>> all = new ArrayList<>();
        for (DevFlags.Answer known : state.flags().all()) {
            all.add(answer(state.flags().answer(known.flag(), company, user), company, user));
        }
        Exchanges.data(exchange, Map.of("flags", all));
    }

    /** One answer in Schematic's shape, with the ids of upserted entities that match the keys. */
    private Map<String, Object> answer(DevFlags.Answer answer, Map<String, String> company, Map<String, String> user) {
        state.activity().checked(answer, company, user);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("flag", answer.flag());
        data.put("value", answer.value());
        data.put("reason", answer.reason());
        data.put("company_id", state.companies().idOf(company));
        data.put("user_id", state.users().idOf(user));
        return data;
    }

    /** Records each event of {@code {"events": [{"type", "body", "sent_at", "api_key"...}]}}, without its key. */
    private void batch(HttpExchange exchange, Map<String, Object> body) throws IOException {
        Object events = body.get("events");
        if (!(events instanceof List<?> list)) {
            Exchanges.error(exchange, 400, "The batch has no events array");
            return;
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> event) {
                state.activity().received(event.get("type"), event.get("body"), event.get("sent_at"));
            }
        }
        Exchanges.json(exchange, 200, Map.of("accepted", list.size()));
    }

    private static String name(Map<String, Object> body) {
        Object name = body.get("name");
        return name == null ? null : name.toString();
    }
}
