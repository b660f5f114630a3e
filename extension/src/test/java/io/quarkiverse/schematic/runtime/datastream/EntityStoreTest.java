package io.quarkiverse.schematic.runtime.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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
    void anEntityInUseOutlivesNewcomersAlthoughMostHitsSkipCaffeine() {
        EntityStore<RulesUser> bounded = new EntityStore<>(20, Duration.ofHours(1), Ticker.systemTicker(),
                RulesUser::id, RulesUser::keys);
        bounded.put(user("hot", Map.of("id", "hot")));
        for (int i = 0; i < 500; i++) {
            bounded.put(user("u" + i, Map.of("id", Integer.toString(i))));
            for (int read = 0; read < EntityStore.READS_RECORDED; read++) {
                bounded.find(Map.of("id", "hot"));
            }
        }

        assertThat(bounded.find(Map.of("id", "hot"))).as("sampled reads still count for size-based eviction")
                .isNotNull();
    }

    @Test
    void concurrentUpdatesLeaveEveryKeyOnTheLatestVersion() throws Exception {
        Map<String, String> keys = Map.of("email", "jane@acme.com", "id", "42");
        store.put(user("u1", keys));
        AtomicBoolean missed = new AtomicBoolean();
        AtomicBoolean updating = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (updating.get()) {
                if (store.find(Map.of("email", "jane@acme.com")) == null || store.find(keys) == null) {
                    missed.set(true);
                }
            }
        });
        reader.start();
        Thread[] writers = new Thread[2];
        for (int w = 0; w < writers.length; w++) {
            writers[w] = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    store.update("u1", current -> user("u1", keys));
                }
            });
            writers[w].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        updating.set(false);
        reader.join();

        assertThat(missed).as("a key never loses its entity while it is updated").isFalse();
        RulesUser latest = store.byId("u1");
        assertThat(store.find(Map.of("email", "jane@acme.com"))).isSameAs(latest);
        assertThat(store.find(Map.of("ID", "42"))).isSameAs(latest);
        assertThat(store.indexedKeys()).isEqualTo(2);
    }

    @Test
    void sharedValuesUnderOtherKeyNamesStayApart() {
        store.put(user("u1", Map.of("email", "jane@acme.com")));
        store.put(user("u2", Map.of("login", "jane@acme.com")));

        assertThat(store.find(Map.of("email", "jane@acme.com"))).extracting(RulesUser::id).isEqualTo("u1");
        assertThat(store.find(Map.of("Login", "Jane@Acme.com"))).extracting(RulesUser::id).isEqualTo("u2");
        store.remove("u1");
        assertThat(store.find(Map.of("email", "jane@acme.com"))).isNull();
        assertThat(store.find(Map.of("login", "jane@acme.com"))).extracting(RulesUser::id).isEqualTo("u2");
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
