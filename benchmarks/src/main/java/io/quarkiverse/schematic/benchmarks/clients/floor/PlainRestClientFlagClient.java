package io.quarkiverse.schematic.benchmarks.clients.floor;

import java.time.Duration;
import java.util.Map;

import io.quarkiverse.schematic.benchmarks.clients.FlagClient;

/**
 * A flag check through {@link PlainRestClientApi}: the same request body and the same awaited {@code Uni} as the
 * extension's blocking check, none of its cache, defaults, listeners or filters. A failure answers {@code false}.
 */
public record PlainRestClientFlagClient(PlainRestClientApi api, Duration timeout) implements FlagClient {

    @Override
    public boolean check(String flag, Map<String, String> company, Map<String, String> user) {
        try {
            PlainRestClientApi.Answer answer = api.checkFlag(flag, Map.of("company", company, "user", user))
                    .await().atMost(timeout);
            return answer.data() != null && Boolean.TRUE.equals(answer.data().value());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
