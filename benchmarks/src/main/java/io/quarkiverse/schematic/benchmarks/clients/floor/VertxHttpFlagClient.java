package io.quarkiverse.schematic.benchmarks.clients.floor;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.schematic.benchmarks.clients.FlagClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * A floor of an uncached flag check with a bare Vert.x {@link HttpClient} (the HTTP client under the Quarkus REST
 * Client), on its own Vert.x instance with one event loop, kept-alive connection and {@code TCP_NODELAY} (Vert.x
 * defaults): the caller's thread hands the request to the event loop and blocks until the event loop hands back the
 * body, then parses it with Jackson, like the REST client's blocking use. No Fault Tolerance, no filters.
 */
public final class VertxHttpFlagClient implements FlagClient, AutoCloseable {

    private final FlagCheckJson json = new FlagCheckJson();
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final HttpClient http;
    private final Context context = vertx.getOrCreateContext();
    private final long timeoutMillis;

    public VertxHttpFlagClient(String baseUrl, Duration timeout) {
        URI uri = URI.create(baseUrl);
        this.timeoutMillis = timeout.toMillis();
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(uri.getHost())
                .setDefaultPort(uri.getPort())
                .setKeepAlive(true)
                .setConnectTimeout(Math.toIntExact(timeoutMillis)));
    }

    @Override
    public boolean check(String flag, Map<String, String> company, Map<String, String> user) {
        try {
            byte[] answer = exchange(FlagCheckJson.path(flag), json.request(company, user));
            return answer != null && json.value(answer);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * POSTs {@code body} as JSON to {@code path} and reads the whole answer as a tree (the same Jackson work as
     * mapping every field), or {@code null} when there is no answer.
     */
    public JsonNode post(String path, Object body) {
        try {
            byte[] answer = exchange(path, json.write(body));
            return answer == null ? null : json.tree(answer);
        } catch (IOException e) {
            return null;
        }
    }

    /** POSTs {@code body} as JSON to {@code path}: whether the answer was a 2xx. */
    public boolean postAccepted(String path, Object body) {
        try {
            return exchange(path, json.write(body)) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The body of a 2xx answer to a POST, or {@code null} for any other outcome. */
    private byte[] exchange(String path, byte[] body) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI(path)
                .setIdleTimeout(timeoutMillis)
                .putHeader("Content-Type", "application/json")
                .putHeader(FlagCheckJson.API_KEY_HEADER, FlagCheckJson.API_KEY);
        // the whole exchange runs on the event loop: a Future composed on the caller's thread could attach the body
        // handler after the event loop delivered the body
        CompletableFuture<Buffer> answer = new CompletableFuture<>();
        context.runOnContext(ignored -> http.request(request)
                .compose(sent -> sent.send(Buffer.buffer(body)))
                .compose(response -> response.statusCode() / 100 == 2 ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        answer.complete(done.result());
                    } else {
                        answer.completeExceptionally(done.cause());
                    }
                }));
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS).getBytes();
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        vertx.close();
    }
}
