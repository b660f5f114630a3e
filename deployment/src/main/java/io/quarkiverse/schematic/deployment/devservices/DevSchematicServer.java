package io.quarkiverse.schematic.deployment.devservices;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.quarkiverse.schematic.runtime.devui.DevServiceProtocol;

/**
 * A local, in-memory stand-in for Schematic: the JDK HTTP server on a random port of 127.0.0.1 (no container, no
 * extra dependency), serving the REST API, the event-capture service and the admin endpoints of the Dev UI, and
 * beside it the DataStream WebSocket ({@link DevDataStream}) for local evaluation.
 */
final class DevSchematicServer implements Closeable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final DevDataStream dataStream;

    private DevSchematicServer(HttpServer server, ExecutorService executor, DevDataStream dataStream) {
        this.server = server;
        this.executor = executor;
        this.dataStream = dataStream;
    }

    /** Starts a server answering flag checks from these settings. */
    public static DevSchematicServer start(DevFlagSettings settings) {
        DevState state = new DevState(new DevFlags(settings), new DevEntities("comp_dev_"), new DevEntities("user_dev_"),
                new DevActivity(), new DevMeter(settings.features(), Clock.systemUTC()),
                new DevIdempotencyKeys(Clock.systemUTC()));
        // REST answers metered features from what the DataStream sends, so that both agree
        DevRulesEntities entities = new DevRulesEntities(state);
        ExecutorService executor = Executors.newFixedThreadPool(4, daemonThreads());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", new DevApiHandler(state, new DevRulesChecks(entities)));
            server.createContext(DevServiceProtocol.ADMIN + "/", new DevAdminHandler(state));
            DevAccountsHandler accounts = new DevAccountsHandler(state);
            DevAccountsHandler.PATHS.forEach(path -> server.createContext(path, accounts));
            server.setExecutor(executor);
            server.start();
            return new DevSchematicServer(server, executor, DevDataStream.start(state, entities));
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("Cannot start the Schematic dev service", e);
        }
    }

    /** Base URL of both the REST API and the event-capture service, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** The DataStream's WebSocket URL. */
    public String dataStreamUrl() {
        return dataStream.url();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        dataStream.close();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "schematic-dev-service-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
