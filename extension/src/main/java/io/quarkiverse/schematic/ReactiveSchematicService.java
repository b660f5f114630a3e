package io.quarkiverse.schematic;

import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * The operations of {@link SchematicService}, returning {@link Uni}. Nothing blocks: safe on the event loop. Flag
 * checks never fail because of Schematic (they fall back as the blocking API does).
 */
public interface ReactiveSchematicService {

    default Uni<Boolean> checkFlag(String flag) {
        return checkFlag(flag, Map.of(), Map.of());
    }

    default Uni<Boolean> checkFlag(String flag, Map<String, String> company, Map<String, String> user) {
        return checkFlagDetails(flag, company, user).map(FlagCheck::value);
    }

    Uni<FlagCheck> checkFlagDetails(String flag, Map<String, String> company, Map<String, String> user);

    default Uni<Boolean> checkFlag(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight) {
        return checkFlagDetails(flag, company, user, preflight).map(FlagCheck::value);
    }

    /**
     * A preflight check, as {@link SchematicService#checkFlagDetails(String, Map, Map, Preflight)}: never cached, and
     * the preflight values must not come from an untrusted caller when the answer gates access.
     *
     * @throws IllegalArgumentException if {@code preflight} is null (thrown by this call, not through the {@code Uni})
     */
    Uni<FlagCheck> checkFlagDetails(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight);

    /**
     * The company and user keys of the caller of the current request, as {@link SchematicService#callerContext()}.
     * Call it (or the {@code ...ForCaller} checks) while the request is active, e.g. in the endpoint method, not in a
     * callback that may run after the request ended.
     */
    default SchematicContext callerContext() {
        return SchematicContext.EMPTY;
    }

    /**
     * The value of a flag for the caller of the current request ({@link #callerContext()}, taken when this method is
     * called). Unlike {@link #checkFlag(String)}, which checks with no keys at all.
     */
    default Uni<Boolean> checkFlagForCaller(String flag) {
        return checkFlagDetailsForCaller(flag).map(FlagCheck::value);
    }

    /**
     * A preflight check for the caller of the current request, as
     * {@link SchematicService#checkFlagForCaller(String, Preflight)}.
     */
    default Uni<Boolean> checkFlagForCaller(String flag, Preflight preflight) {
        SchematicContext caller = callerContext();
        return checkFlag(flag, caller.company(), caller.user(), preflight);
    }

    /** The value of a flag for the caller of the current request, with its reason and source. */
    default Uni<FlagCheck> checkFlagDetailsForCaller(String flag) {
        SchematicContext caller = callerContext();
        return checkFlagDetails(flag, caller.company(), caller.user());
    }

    Uni<List<FlagCheck>> checkFlags(Map<String, String> company, Map<String, String> user);

    /** As {@link SchematicService#checkFlagsDetails(Map, Map)}: every flag, the plan and the credit balances. */
    Uni<CompanyFlags> checkFlagsDetails(Map<String, String> company, Map<String, String> user);

    /**
     * As {@link SchematicService#checkFlagsBulk(List)}: one answer per context, in order.
     *
     * @throws IllegalArgumentException if {@code contexts} or one of its elements is null (thrown by this call)
     */
    Uni<List<CompanyFlags>> checkFlagsBulk(List<CheckContext> contexts);

    Uni<List<FlagCheck>> checkFlags(List<String> flags, Map<String, String> company, Map<String, String> user);

    /**
     * Queues an identify event at once, when called (not when the returned {@code Uni} is subscribed), as
     * {@link SchematicService#identify} does; the {@code Uni} only completes.
     *
     * @throws IllegalArgumentException if {@code identify} is null (thrown by this call, not through the {@code Uni})
     */
    Uni<Void> identify(Identify identify);

    /**
     * Queues a track event at once, when called (not when the returned {@code Uni} is subscribed), as
     * {@link SchematicService#track} does; the {@code Uni} only completes.
     *
     * @throws IllegalArgumentException if {@code track} is null or has neither company nor user keys (thrown by this
     *         call, not through the {@code Uni})
     */
    Uni<Void> track(Track track);

    Uni<Company> upsertCompany(CompanyUpsert company);

    Uni<User> upsertUser(UserUpsert user);

    /** Sends every queued event; completes when they are delivered or given up. */
    Uni<Void> flush();

    ReactiveSchematicService withOptions(RequestOptions options);
}
