package io.quarkiverse.schematic.benchmarks.stub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback stand-in for Schematic that any client can be pointed at: {@code POST /flags/{key}/check} answers the
 * flag-check JSON of the API spec (section 2.1), {@code POST /batch} accepts an event-capture batch (section 2.6)
 * and counts requests and events so a benchmark can report requests per event.
 * <p>
 * It is the JDK's own HTTP server on purpose: it shares no threads with the Vert.x event loop of the client under
 * test, and it is neutral towards every client.
 */
public final class StubSchematic implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY every answer would meet Nagle's
        // algorithm and the client's delayed ACK (~40 ms on Linux loopback) and we would measure the kernel.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final String FLAG_PATH_PREFIX = "/flags/";
    private static final String FLAG_PATH_SUFFIX = "/check";
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpServer server;
    private final ExecutorService workers;
    /** Answers are built once per flag key: the stub should cost the same for every request. */
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private final LongAdder flagChecks = new LongAdder();
    private final LongAdder batchRequests = new LongAdder();
    private final LongAdder batchEvents = new LongAdder();

    private StubSchematic(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts a stub on 127.0.0.1 and a free port. */
    public static StubSchematic start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "stub-schematic");
                thread.setDaemon(true);
                return thread;
            });
            StubSchematic stub = new StubSchematic(server, workers);
            server.createContext("/", stub::handle);
            server.setExecutor(workers);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stub server", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public long flagChecks() {
        return flagChecks.sum();
    }

    public long batchRequests() {
        return batchRequests.sum();
    }

    public long batchEvents() {
        return batchEvents.sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
            } else if ("/batch".equals(path)) {
                batchEvents.add(countEvents(exchange.getRequestBody()));
                batchRequests.increment();
                exchange.sendResponseHeaders(200, -1);
            } else if (path.startsWith(FLAG_PATH_PREFIX) && path.endsWith(FLAG_PATH_SUFFIX)
                    && path.length() > FLAG_PATH_PREFIX.length() + FLAG_PATH_SUFFIX.length()) {
                exchange.getRequestBody().readAllBytes();
                flagChecks.increment();
                String flag = path.substring(FLAG_PATH_PREFIX.length(), path.length() - FLAG_PATH_SUFFIX.length());
                byte[] answer = answers.computeIfAbsent(flag, StubSchematic::flagCheckAnswer);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(answer);
                }
            } else {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    /** Length of the top-level {@code events} array, read with a streaming parser (no tree, little garbage). */
    static int countEvents(InputStream body) throws IOException {
        int events = 0;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("events".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        parser.skipChildren();
                        events++;
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return events;
    }

    /** A realistic answer (spec 2.1): every documented scalar field plus an entitlement the client may ignore. */
    static byte[] flagCheckAnswer(String flag) {
        String json = "{\"data\":{\"flag\":\"" + flag + "\",\"value\":true,\"reason\":\"Matched rule rule_123\","
                + "\"flag_id\":\"flag_01HZX3\",\"company_id\":\"comp_01HZX4\",\"user_id\":\"user_01HZX5\","
                + "\"rule_id\":\"rule_123\",\"rule_type\":\"plan_entitlement\","
                + "\"entitlement\":{\"feature_id\":\"feat_01HZX6\",\"feature_key\":\"" + flag + "\","
                + "\"value_type\":\"numeric\",\"allocation\":1000,\"usage\":120,\"event_name\":\"query-tokens\","
                + "\"metric_period\":\"current_month\",\"metric_reset_at\":\"2026-12-01T00:00:00Z\"}},"
                + "\"params\":{}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
