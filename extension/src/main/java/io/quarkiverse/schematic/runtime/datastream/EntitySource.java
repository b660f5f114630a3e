package io.quarkiverse.schematic.runtime.datastream;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesFlag;
import io.quarkiverse.schematic.rules.RulesUser;

/**
 * Where local evaluation finds flags, companies and users: this instance's own DataStream replica
 * ({@link DataStreamClient}, in memory), or the Redis that Schematic's replicator fills (replicator mode). The lookups
 * answer from what this process holds, at once, from any thread; what is missing is requested and arrives later.
 */
public interface EntitySource {

    /** The flag with this key (without case) held in this process, or {@code null}. */
    RulesFlag flag(String key);

    /** The company these keys identify held in this process, or {@code null}. */
    RulesCompany company(Map<String, String> keys);

    /** The user these keys identify held in this process, or {@code null}. */
    RulesUser user(Map<String, String> keys);

    /** Whether what is missing can be requested now (the DataStream is connected, the replicator ready). */
    boolean connected();

    /**
     * Requests a flag (again, when held: a check that waits for a company must find the flag still held when the
     * company arrives). The future completes with the flag once held, or with {@code null} when the source has none or
     * cannot answer in time. The DataStream sends every flag unasked, so its replica has nothing to request.
     */
    default CompletableFuture<RulesFlag> requestFlag(String key) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Requests the company these keys identify (once, however many checks ask at the same time). The future completes
     * with the company once held, with {@code null} when the source has none, or exceptionally after a bounded wait.
     */
    CompletableFuture<RulesCompany> requestCompany(Map<String, String> keys);

    /** Like {@link #requestCompany} for a user. */
    CompletableFuture<RulesUser> requestUser(Map<String, String> keys);
}
