package io.quarkiverse.schematic;

import java.util.List;
import java.util.Map;

/**
 * Blocking access to Schematic: flag checks, identify/track events and company/user upserts. Inject it anywhere
 * ({@code @Inject SchematicService schematic}); it is thread-safe. Call the methods that do I/O from worker threads;
 * on the event loop use {@link ReactiveSchematicService}. Called on an event-loop thread anyway, a flag check still
 * neither blocks nor throws: it answers from the cache, else with the flag default ({@link FlagSource#DEFAULT}, with
 * an {@link FlagCheck#error()} saying why) while Schematic is asked in the background for the next check; upserts
 * and {@link #flush()} throw {@link IllegalStateException} there.
 * <p>
 * Flag checks never throw because of Schematic: they answer from the cache, then the flag default, then
 * {@code false}, and say which in {@link FlagCheck#source()}. Bad arguments throw {@link IllegalArgumentException}
 * naming the argument. Company and user keys are maps such as {@code Map.of("id", "acme")}; {@code null} or an
 * empty map means "no keys".
 */
public interface SchematicService {

    /**
     * The value of a flag with no company or user: the flag's default in Schematic.
     */
    default boolean checkFlag(String flag) {
        return checkFlag(flag, Map.of(), Map.of());
    }

    /**
     * The value of a flag for a company and/or user.
     */
    default boolean checkFlag(String flag, Map<String, String> company, Map<String, String> user) {
        return checkFlagDetails(flag, company, user).value();
    }

    /**
     * The value of a flag for a company and/or user, with its reason and source, and for an entitlement the rule type
     * and the company's {@link Entitlement} (allocation, usage, limits, credits).
     */
    FlagCheck checkFlagDetails(String flag, Map<String, String> company, Map<String, String> user);

    /**
     * Whether an action of the given size would be allowed; see
     * {@link #checkFlagDetails(String, Map, Map, Preflight)}.
     */
    default boolean checkFlag(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight) {
        return checkFlagDetails(flag, company, user, preflight).value();
    }

    /**
     * A preflight check: whether an action of the given size would be allowed, asked before doing it, for example
     * {@code checkFlagDetails("exports", company, user, Preflight.usage(500))}. Only the value reflects the
     * hypothetical usage; the entitlement figures stay the company's current ones. Always asks Schematic: a preflight
     * answer depends on its size, so it is neither served from nor stored in the cache. When Schematic cannot answer
     * it falls back like any check (flag default, with {@link FlagCheck#source()} and {@link FlagCheck#error()}).
     * <p>
     * <strong>The preflight values are asserted by the caller</strong> and taken as given: never take them from an
     * untrusted client (a request parameter, a browser) when the answer gates access.
     *
     * @throws IllegalArgumentException if {@code preflight} is null (negative sizes are already refused by
     *         {@link Preflight})
     */
    FlagCheck checkFlagDetails(String flag, Map<String, String> company, Map<String, String> user, Preflight preflight);

    /**
     * The company and user keys of the caller of the current request (see {@link SchematicContext}), or
     * {@link SchematicContext#EMPTY} outside a request. Never throws.
     */
    default SchematicContext callerContext() {
        return SchematicContext.EMPTY;
    }

    /**
     * The value of a flag for the caller of the current request: the company and user keys of
     * {@link #callerContext()}. Unlike {@link #checkFlag(String)}, which checks with no keys at all.
     */
    default boolean checkFlagForCaller(String flag) {
        return checkFlagDetailsForCaller(flag).value();
    }

    /**
     * A preflight check for the caller of the current request ({@link #callerContext()}): whether an action of the
     * given size would be allowed; see {@link #checkFlagDetails(String, Map, Map, Preflight)}.
     */
    default boolean checkFlagForCaller(String flag, Preflight preflight) {
        SchematicContext caller = callerContext();
        return checkFlag(flag, caller.company(), caller.user(), preflight);
    }

    /**
     * The value of a flag for the caller of the current request ({@link #callerContext()}), with its reason and
     * source.
     */
    default FlagCheck checkFlagDetailsForCaller(String flag) {
        SchematicContext caller = callerContext();
        return checkFlagDetails(flag, caller.company(), caller.user());
    }

    /**
     * Every flag of the environment for a company and/or user, as Schematic evaluates them. In offline mode or when
     * Schematic cannot answer: the configured flag defaults.
     */
    List<FlagCheck> checkFlags(Map<String, String> company, Map<String, String> user);

    /**
     * Every flag for a company and/or user, with the company's plan and credit balances, from the same single request
     * as {@link #checkFlags(Map, Map)}. In offline mode or when Schematic cannot answer: the configured flag defaults,
     * no plan and no balances.
     */
    CompanyFlags checkFlagsDetails(Map<String, String> company, Map<String, String> user);

    /**
     * Every flag for each of many companies and/or users, one answer per context in the same order, in as few
     * requests as Schematic allows (at most 100 contexts each; larger lists are split transparently). Each answer also
     * fills the cache for its context. A part that Schematic cannot answer gets the configured flag defaults.
     *
     * @throws IllegalArgumentException if {@code contexts} or one of its elements is null
     */
    List<CompanyFlags> checkFlagsBulk(List<CheckContext> contexts);

    /**
     * These flags for a company and/or user, in the requested order. Served from the cache when every one of them is
     * cached; otherwise one request fetches (and caches) all flags.
     */
    List<FlagCheck> checkFlags(List<String> flags, Map<String, String> company, Map<String, String> user);

    /**
     * Queues an identify event. Never blocks and never throws because of Schematic.
     */
    void identify(Identify identify);

    /**
     * Queues a track event. Never blocks and never throws because of Schematic.
     *
     * @throws IllegalArgumentException if the event has neither company nor user keys
     */
    void track(Track track);

    /**
     * Creates or updates a company and returns it as stored by Schematic.
     *
     * @throws SchematicException (a subtype) if Schematic cannot be reached or answers with an error
     */
    Company upsertCompany(CompanyUpsert company);

    /**
     * Creates or updates a user and returns it as stored by Schematic.
     *
     * @throws SchematicException (a subtype) if Schematic cannot be reached or answers with an error
     */
    User upsertUser(UserUpsert user);

    /**
     * Sets (or replaces) the value a flag takes when Schematic cannot answer and in offline mode.
     */
    void setFlagDefault(String flag, boolean value);

    /**
     * Removes the default of a flag (configured or set by {@link #setFlagDefault}): when Schematic cannot answer, and
     * in offline mode, it answers {@code false} and is no longer among the flags that {@link #checkFlags(Map, Map)}
     * lists offline.
     */
    void removeFlagDefault(String flag);

    /**
     * Sends every queued identify/track event now and waits until they are delivered or given up.
     */
    void flush();

    /**
     * A view of this service whose calls use these options (timeout, retries).
     */
    SchematicService withOptions(RequestOptions options);
}
