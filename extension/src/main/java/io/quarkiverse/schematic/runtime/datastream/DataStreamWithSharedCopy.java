package io.quarkiverse.schematic.runtime.datastream;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesFlag;
import io.quarkiverse.schematic.rules.RulesUser;

/**
 * Direct mode in a fleet: this instance's DataStream replica first, then the copy the fleet's instances keep in
 * Redis. A company or user this instance does not hold is read from the shared copy (another instance may have
 * received it), and only when that has none does a check wait for it over this instance's WebSocket; one found there
 * is requested over the WebSocket too, without waiting, so that this instance receives its later changes. Flags always
 * come from the DataStream, which sends every flag to every connection.
 * <p>
 * The shared copy answers "none" (never fails) when Redis fails or is slow, within its own timeout, so that a check
 * then requests the entity as it would without Redis.
 */
final class DataStreamWithSharedCopy implements EntitySource {

    private final DataStreamClient dataStream;
    private final EntitySource shared;

    DataStreamWithSharedCopy(DataStreamClient dataStream, EntitySource shared) {
        this.dataStream = dataStream;
        this.shared = shared;
    }

    @Override
    public RulesFlag flag(String key) {
        return dataStream.flag(key);
    }

    @Override
    public RulesCompany company(Map<String, String> keys) {
        RulesCompany own = dataStream.company(keys);
        return own != null ? own : shared.company(keys);
    }

    @Override
    public RulesUser user(Map<String, String> keys) {
        RulesUser own = dataStream.user(keys);
        return own != null ? own : shared.user(keys);
    }

    /** The shared copy can be asked even while the WebSocket is down. */
    @Override
    public boolean connected() {
        return true;
    }

    @Override
    public CompletableFuture<RulesCompany> requestCompany(Map<String, String> keys) {
        return sharedFirst(shared.requestCompany(keys), () -> dataStream.requestCompany(keys));
    }

    @Override
    public CompletableFuture<RulesUser> requestUser(Map<String, String> keys) {
        return sharedFirst(shared.requestUser(keys), () -> dataStream.requestUser(keys));
    }

    /**
     * The entity the shared copy has, else the DataStream's answer to a request; nothing when the WebSocket is down
     * (a request would only wait for the connection: the check asks the REST API at once instead).
     * <p>
     * An entity found in the shared copy is requested over this instance's DataStream as well, in the background (the
     * check does not wait for it): the DataStream sends later changes of an entity only to connections that requested
     * it, so without the request this instance would evaluate the copy it read until that expired, however often the
     * entity changed meanwhile.
     */
    private <T> CompletableFuture<T> sharedFirst(CompletableFuture<T> fromShared,
            Supplier<CompletableFuture<T>> request) {
        return fromShared.thenCompose(found -> {
            if (!dataStream.connected()) {
                return CompletableFuture.completedFuture(found);
            }
            if (found == null) {
                return request.get();
            }
            request.get();
            return CompletableFuture.completedFuture(found);
        });
    }
}
