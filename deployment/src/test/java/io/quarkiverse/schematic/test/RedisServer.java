package io.quarkiverse.schematic.test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} on a free loopback port, for tests: no persistence ({@code --save ""},
 * {@code --appendonly no}), its own temporary directory, so it never touches nor depends on a system Redis on 6379.
 * It can be stopped and started again on the same port mid-test (an outage), and talked to with {@link #command}.
 * <p>
 * A {@code QuarkusUnitTest} loads the test class twice (JUnit's class loader, the application's), so the server's
 * state lives in system properties: the second {@link #start()} finds the running server instead of starting another.
 * <p>
 * When {@code redis-server} is not installed, {@link #start()} throws: Redis tests fail loudly, they never skip.
 * {@code .ci/run} installs it ({@code apt-get install -y redis-server}).
 */
public final class RedisServer implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 10_000;
    private static final String PORT = "schematic.redis.port";
    private static final String DIRECTORY = "schematic.redis.directory";
    private static final String PID = "schematic.redis.pid";

    private final int port;
    private final Path directory;

    private RedisServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /** Starts a server and waits until it answers {@code PING}; the one already running in this JVM if any. */
    public static synchronized RedisServer start() {
        if (System.getProperty(PORT) != null) {
            return new RedisServer(Integer.getInteger(PORT), Path.of(System.getProperty(DIRECTORY)));
        }
        try {
            RedisServer server = new RedisServer(freePort(), Files.createTempDirectory("schematic-redis"));
            server.restart();
            // a test JVM that ends without close() must not leave a server behind
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            System.setProperty(PORT, Integer.toString(server.port));
            System.setProperty(DIRECTORY, server.directory.toString());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code redis://127.0.0.1:<port>}, for {@code quarkus.redis.hosts}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts the server (again, on the same port) and waits until it answers {@code PING}. */
    public synchronized void restart() {
        if (process().isPresent()) {
            return;
        }
        Process process;
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", directory.toString(), "--enable-debug-command",
                    "local")
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis.log").toFile())
                    .start();
            System.setProperty(PID, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new IllegalStateException("redis-server could not be started (is it installed? apt-get install -y"
                    + " redis-server; .ci/run installs it): the Redis tests need a real Redis", e);
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (true) {
            try {
                if ("PONG".equals(command("PING"))) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("redis-server did not answer PING on port " + port + ": " + log());
            }
            sleep(20);
        }
    }

    /** Stops the server (an outage); {@link #restart()} brings it back on the same port, empty. */
    public synchronized void stop() {
        process().ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
        System.clearProperty(PID);
    }

    private static Optional<ProcessHandle> process() {
        String pid = System.getProperty(PID);
        return pid == null ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
    }

    /** Stops the server for good and forgets it. */
    @Override
    public void close() {
        stop();
        System.clearProperty(PORT);
        System.clearProperty(DIRECTORY);
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    /**
     * Sends one command over a new connection and returns the reply: a simple or bulk string, an integer as text, an
     * array as its elements joined with a newline, {@code null} for a nil reply.
     *
     * @throws IllegalStateException on an error reply
     */
    public String command(String... arguments) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*").append(arguments.length).append("\r\n");
            for (String argument : arguments) {
                byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
                request.append('$').append(bytes.length).append("\r\n").append(argument).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reply(InputStream in) throws IOException {
        String line = line(in);
        switch (line.charAt(0)) {
            case '+':
            case ':':
                return line.substring(1);
            case '-':
                throw new IllegalStateException("Redis answered " + line.substring(1));
            case '$': {
                int length = Integer.parseInt(line.substring(1));
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line.substring(1));
                List<String> elements = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    elements.add(reply(in));
                }
                return String.join("\n", elements);
            }
            default:
                throw new IllegalStateException("Unexpected Redis reply: " + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
