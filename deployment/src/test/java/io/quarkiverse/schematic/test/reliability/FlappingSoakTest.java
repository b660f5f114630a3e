package io.quarkiverse.schematic.test.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkiverse.schematic.runtime.events.EventStats;
import io.quarkiverse.schematic.test.SchematicStub;
import io.quarkus.test.QuarkusUnitTest;

/**
 * 8 threads check flags and send events for 20 s while Schematic flaps between up and down: no caller sees an
 * exception, every accepted event is delivered once Schematic is back (the rest are counted as dropped), memory
 * stays bounded.
 */
class FlappingSoakTest {

    static final int THREADS = 8;
    static final Duration RUN = Duration.ofSeconds(20);

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.schematic.timeout", "300ms")
            .overrideConfigKey("quarkus.schematic.cache.ttl", "200ms")
            .overrideConfigKey("quarkus.schematic.circuit-breaker.delay", "500ms")
            .overrideConfigKey("quarkus.schematic.events.flush-interval", "100ms");

    @Inject
    SchematicService schematic;

    @Inject
    SchematicCore core;

    @Test
    void noCallerExceptionNoLostEventBoundedMemory() throws Exception {
        WireMock stub = SchematicStub.client();
        up(stub);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicReference<Throwable> callerFailure = new AtomicReference<>();
        AtomicLong checks = new AtomicLong();
        long deadline = System.nanoTime() + RUN.toNanos();

        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        List<Future<Long>> sent = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            sent.add(callers.submit(() -> {
                long events = 0;
                while (System.nanoTime() < deadline && callerFailure.get() == null) {
                    try {
                        schematic.checkFlag("flag-" + (events % 5), Map.of("id", "company-" + (events % 50)), null);
                        checks.incrementAndGet();
                        schematic.track(Track.event("soak").company(Map.of("id", "acme"))
                                .traits(Map.of("thread", thread, "seq", events)));
                        events++;
                    } catch (Throwable failure) {
                        callerFailure.compareAndSet(null, failure);
                    }
                }
                return events;
            }));
        }
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        boolean down = false;
        while (System.nanoTime() < deadline) {
            Thread.sleep(700);
            down = !down;
            if (down) {
                stub.register(post(anyUrl()).willReturn(aResponse().withStatus(503)));
            } else {
                up(stub);
            }
        }
        long total = 0;
        for (Future<Long> count : sent) {
            total += count.get(30, TimeUnit.SECONDS);
        }
        callers.shutdown();
        up(stub);

        assertThat(callerFailure.get()).as("exception seen by a caller").isNull();
        assertThat(checks.get()).isGreaterThan(1_000);
        await().atMost(Duration.ofSeconds(60)).until(() -> core.events().stats().queued() == 0);
        // callers outpace a flapping Schematic: beyond capacity events are dropped (counted), the rest delivered
        EventStats stats = core.events().stats();
        assertThat(stats.accepted() + stats.dropped()).isEqualTo(total);
        assertThat(stats.delivered()).isEqualTo(stats.accepted());

        Set<String> delivered = new HashSet<>();
        for (JsonNode event : SchematicStub.eventsOf(SchematicStub.batches(stub))) {
            JsonNode traits = event.get("body").get("traits");
            delivered.add(traits.get("thread").asInt() + ":" + traits.get("seq").asLong());
        }
        assertThat(delivered).hasSize((int) stats.accepted());

        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        // what stays behind after delivery: far less than what went through
        assertThat(heapAfter - heapBefore).isLessThan(256L * 1024 * 1024);
    }

    private static void up(WireMock stub) {
        stub.register(post(anyUrl()).willReturn(SchematicStub.json(SchematicStub.flagJson("flag", true))));
        stub.register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200)));
    }
}
