package io.quarkiverse.schematic.runtime.datastream;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * The WebSocket to the DataStream, on the application's Vert.x instance: opens it with the handshake headers, keeps it
 * alive with pings (closing it when two intervals pass without a word from the server), and when it is lost opens it
 * again with exponential backoff and jitter, forever, until {@link #close()}. While it is down it warns at most once a
 * minute. Messages and openings go to a {@link Listener}, on the event loop: listeners hand work elsewhere.
 * <p>
 * Everything but {@link #send} and the state reads runs on one Vert.x context, so the connection's own fields need no
 * locking.
 */
final class DataStreamConnection {

    private static final Logger LOG = Logger.getLogger(DataStreamConnection.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** A full flag set of a large environment is one message; far above Vert.x's 256 KiB default. */
    private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    /** Where the connection stands. */
    enum State {
        /** An attempt to open the connection is under way. */
        CONNECTING,
        /** Open: the DataStream pushes updates. */
        CONNECTED,
        /** Lost or refused; the next attempt waits for its backoff delay. */
        DISCONNECTED,
        /** Closed for good by the application. */
        CLOSED
    }

    /** Told about the connection's life, on a Vert.x event loop. */
    interface Listener {
        /** The connection is open (again): subscribe. */
        void opened();

        /** A text message arrived. */
        void received(String text);

        /** Something that is not a text message arrived. */
        void ignored(String what);
    }

    private final Vertx vertx;
    private final Context context;
    private final URI url;
    private final Map<String, String> headers;
    private final long pingMillis;
    private final long minDelayMillis;
    private final long maxDelayMillis;
    private final Listener listener;
    private final WebSocketClient client;
    private final AtomicLong reconnects = new AtomicLong();

    private volatile State state = State.CONNECTING;
    private volatile WebSocket socket;
    private volatile long lastHeardNanos;
    private volatile boolean closed;
    private long pingTimer = -1;
    private int failedAttempts;
    private boolean everConnected;
    private long lastWarningNanos = System.nanoTime() - LOG_INTERVAL_NANOS;
    private boolean warnedSinceConnected;

    DataStreamConnection(Vertx vertx, URI url, Map<String, String> headers, Duration ping, Duration minDelay,
            Duration maxDelay, Listener listener) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.pingMillis = Math.max(1, ping.toMillis());
        this.minDelayMillis = Math.max(1, minDelay.toMillis());
        this.maxDelayMillis = Math.max(minDelayMillis, maxDelay.toMillis());
        this.listener = listener;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(MAX_MESSAGE_BYTES)
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setSsl(secure(url))
                .setVerifyHost(true)
                .setName("schematic-datastream"));
    }

    private static boolean secure(URI url) {
        return "wss".equalsIgnoreCase(url.getScheme());
    }

    void start() {
        context.runOnContext(ignored -> connect());
    }

    State state() {
        return state;
    }

    /** Connections opened again after one was lost. */
    long reconnects() {
        return reconnects.get();
    }

    /** Sends a text message; {@code false} when the connection is not open. Safe from any thread. */
    boolean send(String text) {
        WebSocket open = socket;
        if (open == null) {
            return false;
        }
        open.writeTextMessage(text).onFailure(failure -> LOG.debugf("Cannot send to the Schematic DataStream: %s",
                failure.getMessage()));
        return true;
    }

    /** Closes the connection for good. */
    void close() {
        closed = true;
        state = State.CLOSED;
        context.runOnContext(ignored -> {
            stopPinging();
            WebSocket open = socket;
            socket = null;
            if (open != null) {
                open.close();
            }
            client.close();
        });
    }

    /** Closes the current connection so that it is opened again, e.g. to resynchronise after a lost update. */
    void reopen() {
        WebSocket open = socket;
        if (open != null) {
            open.close((short) 1011, "resynchronising");
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        state = State.CONNECTING;
        int port = url.getPort() != -1 ? url.getPort() : secure(url) ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(url.getHost())
                .setPort(port)
                .setSsl(secure(url))
                .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery());
        headers.forEach(options::addHeader);
        client.connect(options).onComplete(result -> {
            if (result.succeeded()) {
                opened(result.result());
            } else {
                down("cannot connect: " + describe(result.cause()));
            }
        });
    }

    private void opened(WebSocket opened) {
        if (closed) {
            opened.close();
            return;
        }
        socket = opened;
        lastHeardNanos = System.nanoTime();
        failedAttempts = 0;
        state = State.CONNECTED;
        if (everConnected) {
            reconnects.incrementAndGet();
            if (warnedSinceConnected) {
                LOG.infof("Schematic DataStream %s is connected again: flags are evaluated locally", url);
            }
        } else {
            LOG.infof("Schematic DataStream connected to %s: flags are evaluated locally", url);
        }
        everConnected = true;
        warnedSinceConnected = false;
        opened.textMessageHandler(text -> {
            lastHeardNanos = System.nanoTime();
            listener.received(text);
        });
        opened.binaryMessageHandler(bytes -> {
            lastHeardNanos = System.nanoTime();
            listener.ignored("a binary message of " + bytes.length() + " bytes");
        });
        opened.pongHandler(pong -> lastHeardNanos = System.nanoTime());
        opened.exceptionHandler(failure -> LOG.debugf("Schematic DataStream connection failed: %s", describe(failure)));
        opened.closeHandler(ignored -> {
            if (socket == opened) {
                socket = null;
                stopPinging();
                Short code = opened.closeStatusCode();
                down("connection closed" + (code == null ? "" : " (" + code + ")"));
            }
        });
        pingTimer = vertx.setPeriodic(pingMillis, timer -> ping(opened));
        listener.opened();
    }

    private void ping(WebSocket open) {
        if (System.nanoTime() - lastHeardNanos > TimeUnit.MILLISECONDS.toNanos(2 * pingMillis)) {
            LOG.debugf("Schematic DataStream %s was silent for two ping intervals: closing it", url);
            open.close((short) 1001, "no pong");
        } else {
            open.writePing(Buffer.buffer());
        }
    }

    private void stopPinging() {
        if (pingTimer != -1) {
            vertx.cancelTimer(pingTimer);
            pingTimer = -1;
        }
    }

    private void down(String why) {
        if (closed) {
            return;
        }
        state = State.DISCONNECTED;
        failedAttempts++;
        long delay = delayMillis(failedAttempts);
        long now = System.nanoTime();
        if (now - lastWarningNanos >= LOG_INTERVAL_NANOS) {
            lastWarningNanos = now;
            warnedSinceConnected = true;
            LOG.warnf("Schematic DataStream %s is not connected (%s): flag checks fall back to the REST API."
                    + " Reconnecting with backoff (attempt %d, next in %d ms); this is logged at most once a minute",
                    url, why, failedAttempts, delay);
        } else {
            LOG.debugf("Schematic DataStream %s is not connected (%s); next attempt in %d ms", url, why, delay);
        }
        vertx.setTimer(delay, timer -> connect());
    }

    /** {@code min * 2^(attempt-1)}, at most {@code max}, plus up to {@code min} of jitter. */
    long delayMillis(int attempt) {
        int doublings = Math.min(attempt - 1, 30);
        long base = Math.min(maxDelayMillis, minDelayMillis << doublings);
        return base + ThreadLocalRandom.current().nextLong(minDelayMillis + 1);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof UpgradeRejectedException rejected) {
            return "the server refused the WebSocket with HTTP " + rejected.getStatus();
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
