package io.quarkiverse.schematic.benchmarks.stub;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * An API that has gone dark: it accepts TCP connections and reads what it is sent, but never answers. A client
 * learns of the outage only through its own timeout (or its circuit breaker).
 */
public final class BlackHole implements AutoCloseable {

    private final ServerSocket server;

    private BlackHole(ServerSocket server) {
        this.server = server;
    }

    public static BlackHole start() {
        try {
            BlackHole hole = new BlackHole(new ServerSocket(0, 256, InetAddress.getLoopbackAddress()));
            Thread acceptor = new Thread(hole::acceptForever, "black-hole-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            return hole;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the black hole", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                // a reader per connection swallows the request and closes when the client gives up, so sockets of
                // timed-out calls do not pile up
                Thread swallower = new Thread(() -> swallow(socket), "black-hole-reader");
                swallower.setDaemon(true);
                swallower.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void swallow(Socket socket) {
        byte[] sink = new byte[4096];
        try (socket; InputStream in = socket.getInputStream()) {
            while (in.read(sink) >= 0) {
                // never answer
            }
        } catch (IOException ignored) {
            // the client hung up
        }
    }

    /** A loopback port where nothing listens: connections are refused at once. */
    public static String closedPortUrl() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port", e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
