package io.quarkiverse.schematic.benchmarks.clients.floor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.benchmarks.clients.EventClient;

/**
 * The floor of event delivery: collect events in a list and, every {@code batchSize} events (and on flush),
 * serialize the batch with Jackson and POST it with the JDK {@link HttpClient} on the caller's thread. Same wire
 * shape as the capture service expects (spec 2.6); no queue, no retry, no second thread. It shows the delivery rate
 * of one connection sending back to back; it is not a model for callers (they wait for every 100th event).
 */
public final class SyncBatchEventClient implements EventClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI batchUri;
    private final int batchSize;
    private List<Map<String, Object>> pending;

    public SyncBatchEventClient(String captureUrl, int batchSize) {
        this.batchUri = URI.create(captureUrl + "/batch");
        this.batchSize = batchSize;
        this.pending = new ArrayList<>(batchSize);
    }

    @Override
    public synchronized void identify(Map<String, String> user, String userName, Map<String, String> company,
            String companyName) {
        add(identifyEvent(user, userName, company, companyName));
    }

    @Override
    public synchronized void track(String event, Map<String, String> company, Map<String, String> user,
            long quantity) {
        add(trackEvent(event, company, user, quantity));
    }

    /** An {@code identify} event as the capture service takes it in a batch (spec 2.6). */
    static Map<String, Object> identifyEvent(Map<String, String> user, String userName, Map<String, String> company,
            String companyName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("keys", user);
        body.put("name", userName);
        body.put("company", Map.of("keys", company, "name", companyName));
        return event("identify", body);
    }

    /** A {@code track} event as the capture service takes it in a batch (spec 2.6). */
    static Map<String, Object> trackEvent(String event, Map<String, String> company, Map<String, String> user,
            long quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("company", company);
        body.put("user", user);
        body.put("quantity", quantity);
        return event("track", body);
    }

    private static Map<String, Object> event(String type, Map<String, Object> body) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("api_key", "bench-api-key");
        event.put("type", type);
        event.put("body", body);
        event.put("sent_at", Instant.now().toString());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        event.put("idempotency_key", new UUID(random.nextLong(), random.nextLong()).toString());
        return event;
    }

    private void add(Map<String, Object> event) {
        pending.add(event);
        if (pending.size() >= batchSize) {
            send();
        }
    }

    @Override
    public synchronized void flush() {
        if (!pending.isEmpty()) {
            send();
        }
    }

    private void send() {
        List<Map<String, Object>> batch = pending;
        pending = new ArrayList<>(batchSize);
        try {
            HttpRequest request = HttpRequest.newBuilder(batchUri)
                    .header("Content-Type", "application/json")
                    .header("X-Schematic-Api-Key", "bench-api-key")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("events", batch))))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("capture answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("batch not delivered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
