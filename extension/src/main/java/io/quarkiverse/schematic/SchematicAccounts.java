package io.quarkiverse.schematic;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls a backend makes about its customers' accounts in Schematic, beyond flag checks and events: access tokens
 * for Schematic's browser components, feature usage of a company, lookup and deletion of companies and users, and
 * atomic trait updates. Inject it like {@link SchematicService} ({@code @Inject SchematicAccounts accounts}); it is
 * thread-safe and blocking, so call it from worker threads, or use {@link ReactiveSchematicAccounts} on the event
 * loop.
 * <p>
 * These operations live beside {@link SchematicService} rather than on it: they are administrative REST calls that
 * a few places of an application make (a usage page, a deletion job), while {@code SchematicService} is the hot path
 * of flag checks and events that every request uses. They share its REST client, so timeouts, retries (408, 429,
 * 5xx and connection failures), the circuit breaker and the error mapping are the same; only a trait increment is
 * never retried (see {@link TraitUpdate#increment}).
 * <p>
 * Company and user keys are maps such as {@code Map.of("id", "acme")} and must hold at least one key. Bad arguments
 * throw {@link IllegalArgumentException} naming the argument, before any request. Schematic's errors throw a
 * {@link SchematicException} subtype; in offline mode every call throws {@link SchematicOfflineException}, since
 * no local answer would be true.
 */
public interface SchematicAccounts {

    /**
     * Issues a temporary access token (about 15 minutes) for the company with these keys, for Schematic's browser
     * components. Issue it only for the company of the authenticated caller: the token reads that company's plan,
     * entitlements and usage.
     *
     * @throws IllegalArgumentException if {@code company} is null, empty or has a blank name or value
     * @throws SchematicException (a subtype) if Schematic cannot be reached or answers with an error
     */
    AccessToken issueAccessToken(Map<String, String> company);

    /**
     * Access, allocation and usage of every feature of the company with these keys, in Schematic's order.
     *
     * @throws IllegalArgumentException if {@code company} is null, empty or has a blank name or value
     * @throws SchematicException (a subtype) if Schematic cannot be reached or answers with an error, such as a
     *         {@link SchematicClientErrorException} with status 404 for an unknown company
     */
    List<FeatureUsage> featureUsage(Map<String, String> company);

    /**
     * The company with these keys, or empty when Schematic knows none (HTTP 404).
     *
     * @throws IllegalArgumentException if {@code company} is null, empty or has a blank name or value
     * @throws SchematicException (a subtype) if Schematic cannot be reached or answers with another error
     */
    Optional<Company> lookupCompany(Map<String, String> company);

    /**
     * Deletes the company with these keys and returns it as Schematic answers a deletion (id, name and timestamps;
     * keys and traits are empty), or empty when Schematic knows none (HTTP 404), so a repeated deletion succeeds.
     *
     * @throws IllegalArgumentException if {@code company} is null, empty or has a blank name or value
     * @throws SchematicException (a subtype) if Schematic cannot be reached or answers with another error
     */
    Optional<Company> deleteCompany(Map<String, String> company);

    /**
     * Deletes the user with these keys and returns it as Schematic answers a deletion (id, name and timestamps; keys
     * and traits are empty), or empty when Schematic knows none (HTTP 404), so a repeated deletion succeeds.
     *
     * @throws IllegalArgumentException if {@code user} is null, empty or has a blank name or value
     * @throws SchematicException (a subtype) if Schematic cannot be reached or answers with another error
     */
    Optional<User> deleteUser(Map<String, String> user);

    /**
     * Sets or increments one trait of the company with these keys, atomically on Schematic's side, and returns the
     * company as stored afterwards.
     *
     * @throws IllegalArgumentException if {@code company} is null, empty or has a blank name or value, or
     *         {@code update} is null
     * @throws SchematicException (a subtype) if Schematic cannot be reached or answers with an error (404 for an
     *         unknown company when the update is {@link TraitUpdate#onlyExisting() onlyExisting})
     */
    Company updateCompanyTrait(Map<String, String> company, TraitUpdate update);

    /**
     * Sets or increments one trait of the user with these keys, atomically on Schematic's side, and returns the user
     * as stored afterwards.
     *
     * @throws IllegalArgumentException if {@code user} is null, empty or has a blank name or value, or {@code update}
     *         is null
     * @throws SchematicException (a subtype) if Schematic cannot be reached or answers with an error (404 for an
     *         unknown user when the update is {@link TraitUpdate#onlyExisting() onlyExisting})
     */
    User updateUserTrait(Map<String, String> user, TraitUpdate update);

    /**
     * A view of these calls that uses these options (timeout, retries), as {@link SchematicService#withOptions} does.
     *
     * @throws IllegalArgumentException if {@code options} is null or asks for more retries than
     *         {@code quarkus.schematic.max-retries}
     */
    SchematicAccounts withOptions(RequestOptions options);
}
