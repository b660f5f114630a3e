package io.quarkiverse.schematic.benchmarks.clients.floor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.quarkiverse.schematic.benchmarks.clients.FlagClient;

/**
 * A floor of an uncached flag check with the JDK {@link HttpClient} (HTTP/1.1, kept-alive connection): serialize the
 * request with Jackson, POST it, parse the answer with Jackson. No cache, retry, breaker or fallback; an error answers
 * {@code false}. The JDK client hands every exchange to its selector thread and its executor, so a call crosses
 * several threads.
 */
public final class RawHttpFlagClient implements FlagClient {

    private final HttpClient http;
    private final FlagCheckJson json = new FlagCheckJson();
    private final String baseUrl;
    private final Duration timeout;

    public RawHttpFlagClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public boolean check(String flag, Map<String, String> company, Map<String, String> user) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + FlagCheckJson.path(flag)))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(FlagCheckJson.API_KEY_HEADER, FlagCheckJson.API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.request(company, user)))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() / 100 == 2 && json.value(response.body());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
