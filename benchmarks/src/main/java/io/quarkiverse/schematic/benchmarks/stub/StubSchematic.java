package io.quarkiverse.schematic.benchmarks.stub;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * A loopback stand-in for Schematic that any client can be pointed at: {@code POST /flags/{key}/check} answers the
 * flag-check JSON of the API spec (section 2.1), {@code POST /flags/check} every flag of a company (2.2),
 * {@code POST /companies} the stored company (2.4), and {@code POST /batch} accepts an event-capture batch (2.6),
 * counting requests and events so a benchmark can report requests per event. Answers are built once: the stub costs
 * the same for every request.
 * <p>
 * Two servers can carry it. {@link Server#VERTX} (the default) is a Vert.x HTTP server on its own Vert.x instance with
 * one event loop, which reads a request and writes its answer on that one thread: the least a server can do, so that
 * the clients, not the stub, are measured. {@link Server#JDK} is the JDK's {@code com.sun.net.httpserver}, which
 * passes every request from its dispatcher thread to a worker and back (see docs/performance.md, "REST path": on 2
 * busy cores those hand-offs cost milliseconds); it is kept to show that difference.
 */
public final class StubSchematic implements AutoCloseable {

    /** Which HTTP server answers. */
    public enum Server {
        VERTX,
        JDK
    }

    private static final String FLAG_PATH_PREFIX = "/flags/";
    private static final String FLAG_PATH_SUFFIX = "/check";
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private final LongAdder flagChecks = new LongAdder();
    private final LongAdder batchRequests = new LongAdder();
    private final LongAdder batchEvents = new LongAdder();
    private final Listener listener;

    /** The server carrying the stub. */
    private interface Listener {
        int port();

        void close();
    }

    /** An answer: status and body (empty for none). */
    private record Reply(int status, byte[] body) {
        static final byte[] NONE = new byte[0];
    }

    private StubSchematic(Server server) {
        this.listener = server == Server.JDK ? jdk() : vertx();
    }

    /** Starts a stub on 127.0.0.1 and a free port, on the Vert.x server. */
    public static StubSchematic start() {
        return start(Server.VERTX);
    }

    /** Starts a stub on 127.0.0.1 and a free port, on the given server. */
    public static StubSchematic start(Server server) {
        return new StubSchematic(server);
    }

    public String url() {
        return "http://127.0.0.1:" + listener.port();
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

    private Reply handle(String method, String path, byte[] body) throws IOException {
        if (!"POST".equals(method)) {
            return new Reply(405, Reply.NONE);
        }
        if ("/batch".equals(path)) {
            batchEvents.add(countEvents(body));
            batchRequests.increment();
            return new Reply(200, Reply.NONE);
        }
        if ("/flags/check".equals(path) || "/companies".equals(path)) {
            return new Reply(200, answers.computeIfAbsent(path, StubSchematic::answerOf));
        }
        if (path.startsWith(FLAG_PATH_PREFIX) && path.endsWith(FLAG_PATH_SUFFIX)
                && path.length() > FLAG_PATH_PREFIX.length() + FLAG_PATH_SUFFIX.length()) {
            flagChecks.increment();
            String flag = path.substring(FLAG_PATH_PREFIX.length(), path.length() - FLAG_PATH_SUFFIX.length());
            return new Reply(200, answers.computeIfAbsent(flag, StubSchematic::flagCheckAnswer));
        }
        return new Reply(404, Reply.NONE);
    }

    private static byte[] answerOf(String path) {
        return "/companies".equals(path) ? companyAnswer() : flagsAnswer();
    }

    /** Vert.x HTTP server, one event loop of its own: read, answer and write on one thread. */
    private Listener vertx() {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        io.vertx.core.http.HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(InetAddress.getLoopbackAddress().getHostAddress()).setPort(0).setTcpNoDelay(true));
        server.requestHandler(request -> request.body().onSuccess(body -> answer(request, body.getBytes())));
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("cannot start the stub server", e);
        }
        return new Listener() {
            @Override
            public int port() {
                return server.actualPort();
            }

            @Override
            public void close() {
                vertx.close();
            }
        };
    }

    private void answer(HttpServerRequest request, byte[] body) {
        try {
            Reply reply = handle(request.method().name(), request.path(), body);
            request.response().setStatusCode(reply.status());
            if (reply.body().length > 0) {
                request.response().putHeader("Content-Type", "application/json")
                        .end(io.vertx.core.buffer.Buffer.buffer(reply.body()));
            } else {
                request.response().end();
            }
        } catch (IOException e) {
            request.response().setStatusCode(400).end();
        }
    }

    /** The JDK's HTTP server with a pool of 4 workers and {@code TCP_NODELAY}. */
    private Listener jdk() {
        // The JDK server writes headers and body separately; without TCP_NODELAY every answer would meet Nagle's
        // algorithm and the client's delayed ACK (~40 ms on Linux loopback) and we would measure the kernel.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "stub-schematic");
                thread.setDaemon(true);
                return thread;
            });
            server.createContext("/", this::answer);
            server.setExecutor(workers);
            server.start();
            return new Listener() {
                @Override
                public int port() {
                    return server.getAddress().getPort();
                }

                @Override
                public void close() {
                    server.stop(0);
                    workers.shutdownNow();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stub server", e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply = handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestBody().readAllBytes());
            if (reply.body().length == 0) {
                exchange.sendResponseHeaders(reply.status(), -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), reply.body().length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(reply.body());
            }
        }
    }

    /** Length of the top-level {@code events} array, read with a streaming parser (no tree, little garbage). */
    static int countEvents(byte[] body) throws IOException {
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
        return ("{\"data\":" + flagData(flag) + ",\"params\":{}}").getBytes(StandardCharsets.UTF_8);
    }

    private static String flagData(String flag) {
        return "{\"flag\":\"" + flag + "\",\"value\":true,\"reason\":\"Matched rule rule_123\","
                + "\"flag_id\":\"flag_01HZX3\",\"company_id\":\"comp_01HZX4\",\"user_id\":\"user_01HZX5\","
                + "\"rule_id\":\"rule_123\",\"rule_type\":\"plan_entitlement\","
                + "\"entitlement\":{\"feature_id\":\"feat_01HZX6\",\"feature_key\":\"" + flag + "\","
                + "\"value_type\":\"numeric\",\"allocation\":1000,\"usage\":120,\"event_name\":\"query-tokens\","
                + "\"metric_period\":\"current_month\",\"metric_reset_at\":\"2026-12-01T00:00:00Z\"}}";
    }

    /** Every flag of a company (spec 2.2): ten flags, a plan and a credit balance. */
    static byte[] flagsAnswer() {
        StringBuilder flags = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            flags.append(i == 0 ? "" : ",").append(flagData("flag-" + i));
        }
        return ("{\"data\":{\"flags\":[" + flags + "],\"plan\":{\"id\":\"plan_01\",\"name\":\"Pro\"},"
                + "\"credit_balances\":{\"credit_01\":{\"remaining\":90.0,\"reserved\":0.0,\"settled\":10.0}}},"
                + "\"params\":{}}").getBytes(StandardCharsets.UTF_8);
    }

    /** The stored company (spec 2.4). */
    static byte[] companyAnswer() {
        return ("{\"data\":{\"id\":\"comp_01HZX4\",\"name\":\"Acme Inc\",\"keys\":[{\"key\":\"id\",\"value\":\"acme\"}],"
                + "\"traits\":{\"seats\":40},\"created_at\":\"2026-11-01T00:00:00Z\","
                + "\"updated_at\":\"2026-11-30T00:00:00Z\"},\"params\":{}}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        listener.close();
    }
}
