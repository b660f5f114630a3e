package io.quarkiverse.schematic.test.replicator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.quarkiverse.schematic.test.RedisServer;

/**
 * What Schematic's replicator writes, as files under {@code src/test/resources/replicator}: {@code redis-keys.tsv}
 * (one Redis key and its value a line, in the replicator's exact encoding) and its readiness answers.
 */
final class ReplicatorFixtures {

    /** The cache version of the fixtures' keys, as the replicator's readiness endpoint reports it. */
    static final String CACHE_VERSION = "1f2e3d4c";
    static final Path DIRECTORY = Path.of("src", "test", "resources", "replicator");

    private ReplicatorFixtures() {
    }

    /** Writes every key of the fixtures into Redis, as the replicator would (without expiry: its default TTL). */
    static void load(RedisServer redis) {
        for (String line : read("redis-keys.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            redis.command("SET", line.substring(0, tab), line.substring(tab + 1));
        }
    }

    static String read(String file) {
        try {
            return Files.readString(DIRECTORY.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
