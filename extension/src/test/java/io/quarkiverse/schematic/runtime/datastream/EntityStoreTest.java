package io.quarkiverse.schematic.runtime.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkiverse.schematic.rules.RulesUser;

class EntityStoreTest {

    final EntityStore<RulesUser> store = new EntityStore<>(2, Duration.ofHours(1), Ticker.systemTicker(), RulesUser::id,
            RulesUser::keys);

    @Test
    void foundByAnyKeyWithoutCase() {
        store.put(user("u1", Map.of("email", "Jane@Acme.com", "id", "42")));

        assertThat(store.find(Map.of("EMAIL", "jane@acme.com"))).extracting(RulesUser::id).isEqualTo("u1");
        assertThat(store.find(Map.of("id", "42", "other", "x"))).extracting(RulesUser::id).isEqualTo("u1");
        assertThat(store.find(Map.of("id", "43"))).isNull();
    }

    @Test
    void keysAnEntityLostAreForgotten() {
        store.put(user("u1", Map.of("email", "jane@acme.com", "id", "42")));
        store.put(user("u1", Map.of("email", "jane@acme.com")));

        assertThat(store.find(Map.of("id", "42"))).isNull();
        assertThat(store.find(Map.of("email", "jane@acme.com"))).isNotNull();
    }

    @Test
    void keysOfTwoEntitiesAreNoAnswer() {
        store.put(user("u1", Map.of("email", "jane@acme.com")));
        store.put(user("u2", Map.of("id", "7")));

        assertThat(store.find(Map.of("email", "jane@acme.com", "id", "7"))).isNull();
    }

    @Test
    void evictionBeyondTheBoundAlsoDropsTheKeys() {
        for (int i = 0; i < 50; i++) {
            store.put(user("u" + i, Map.of("id", Integer.toString(i))));
        }
        assertThat(store.size()).isLessThanOrEqualTo(2);
        assertThat(store.indexedKeys()).as("the index shrinks with the cache").isLessThanOrEqualTo(2);
        long findable = 0;
        for (int i = 0; i < 50; i++) {
            findable += store.find(Map.of("id", Integer.toString(i))) == null ? 0 : 1;
        }
        assertThat(findable).isLessThanOrEqualTo(2);
    }

    @Test
    void entitiesExpireByTheClockTheStoreIsGiven() {
        AtomicLong nanos = new AtomicLong();
        EntityStore<RulesUser> expiring = new EntityStore<>(10, Duration.ofHours(1), nanos::get, RulesUser::id,
                RulesUser::keys);
        expiring.put(user("u1", Map.of("id", "1")));

        nanos.addAndGet(Duration.ofMinutes(59).toNanos());
        assertThat(expiring.find(Map.of("id", "1"))).isNotNull();
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(expiring.find(Map.of("id", "1"))).isNull();
    }

    @Test
    void theCoarseClockMovesOnlyWhenAdvanced() throws InterruptedException {
        CoarseTicker clock = new CoarseTicker();
        long before = clock.read();
        Thread.sleep(5);
        assertThat(clock.read()).isEqualTo(before);
        clock.advance();
        assertThat(clock.read()).isGreaterThan(before);
    }

    @Test
    void removedEntitiesAndTheirKeysAreGone() {
        store.put(user("u1", Map.of("email", "jane@acme.com")));

        assertThat(store.remove("u1")).isNotNull();
        assertThat(store.find(Map.of("email", "jane@acme.com"))).isNull();
        assertThat(store.remove("u1")).isNull();
    }

    @Test
    void missingKeyPartsNeverMatch() {
        store.put(user("u1", Map.of("email", "jane@acme.com")));
        Map<String, String> withNull = new java.util.HashMap<>();
        withNull.put("email", null);

        assertThat(store.find(withNull)).isNull();
    }

    private static RulesUser user(String id, Map<String, String> keys) {
        return new RulesUser(id, null, null, keys, null, null);
    }
}
