package io.quarkiverse.schematic.deployment.devservices;

import java.io.IOException;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.quarkiverse.schematic.runtime.devui.DevServiceProtocol;

/**
 * The admin endpoints under {@value DevServiceProtocol#ADMIN} that the Dev UI (and tests) use to read what the dev
 * service recorded, to toggle flags and to reset the usage of metered features. The server only listens on 127.0.0.1, so they
 * need no key.
 */
final class DevAdminHandler implements HttpHandler {

    private final DevState state;

    DevAdminHandler(DevState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals(DevServiceProtocol.FLAGS)) {
                Exchanges.json(exchange, 200, state.flags().describe());
            } else if (method.equals("PUT") && path.startsWith(DevServiceProtocol.FLAGS + "/")) {
                toggle(exchange, Exchanges.segment(path.substring(DevServiceProtocol.FLAGS.length() + 1)));
            } else if (method.equals("GET") && path.equals(DevServiceProtocol.CHECKS)) {
                Exchanges.json(exchange, 200, state.activity().checks());
            } else if (method.equals("GET") && path.equals(DevServiceProtocol.EVENTS)) {
                Exchanges.json(exchange, 200, state.activity().events());
            } else if (method.equals("GET") && path.equals(DevServiceProtocol.ENTITIES)) {
                Exchanges.json(exchange, 200, Map.of("companies", state.companies().all(), "users", state.users().all()));
            } else if (method.equals("GET") && path.equals(DevServiceProtocol.USAGE)) {
                Exchanges.json(exchange, 200, state.meter().describe());
            } else if (method.equals("DELETE") && path.equals(DevServiceProtocol.USAGE)) {
                state.meter().reset(null);
                Exchanges.json(exchange, 200, state.meter().describe());
            } else if (method.equals("DELETE") && path.startsWith(DevServiceProtocol.USAGE + "/")) {
                state.meter().reset(Exchanges.segment(path.substring(DevServiceProtocol.USAGE.length() + 1)));
                Exchanges.json(exchange, 200, state.meter().describe());
            } else {
                Exchanges.error(exchange, 404, "No dev service admin endpoint " + method + " " + path);
            }
        } catch (RuntimeException malformed) {
            Exchanges.error(exchange, 400, "Cannot read the request: " + malformed.getMessage());
        } finally {
            exchange.close();
        }
    }

    private void toggle(HttpExchange exchange, String flag) throws IOException {
        Object value = Exchanges.body(exchange).get("value");
        if (!(value instanceof Boolean on)) {
            Exchanges.error(exchange, 400, "Expected {\"value\": true|false}");
            return;
        }
        state.flags().set(flag, on);
        Exchanges.json(exchange, 200, state.flags().describe());
    }
}
