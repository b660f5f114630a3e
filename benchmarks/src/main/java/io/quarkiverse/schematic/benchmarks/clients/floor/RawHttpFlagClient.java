package io.quarkiverse.schematic.benchmarks.clients.floor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.benchmarks.clients.FlagClient;

/**
 * The floor of an uncached flag check: the least any client must do, namely serialize the request with Jackson,
 * POST it with the JDK {@link HttpClient} (HTTP/1.1, kept-alive connection) and parse the answer with Jackson. No
 * cache, retry, breaker or fallback; an error answers {@code false}.
 */
public final class RawHttpFlagClient implements FlagClient {

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
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
            Map<String, Object> body = new LinkedHashMap<>(4);
            body.put("company", company);
            body.put("user", user);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/flags/" + flag + "/check"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("X-Schematic-Api-Key", "bench-api-key")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                return false;
            }
            Answer answer = json.readValue(response.body(), Answer.class);
            return answer.data() != null && Boolean.TRUE.equals(answer.data().value());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The envelope and the fields a flag check reads: the same Jackson work as a full client. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String flag, Boolean value, String reason) {
    }
}
