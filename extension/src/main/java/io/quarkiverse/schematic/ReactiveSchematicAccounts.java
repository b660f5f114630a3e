package io.quarkiverse.schematic;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * The operations of {@link SchematicAccounts}, returning {@link Uni}: nothing blocks, safe on the event loop. A call
 * is made when the {@code Uni} is subscribed, once per subscription. Bad arguments throw
 * {@link IllegalArgumentException} from the method itself, not through the {@code Uni}; Schematic's errors and
 * offline mode fail the {@code Uni} with the {@link SchematicException} subtypes {@link SchematicAccounts} documents.
 */
public interface ReactiveSchematicAccounts {

    /** See {@link SchematicAccounts#issueAccessToken}: issue it only for the company of the authenticated caller. */
    Uni<AccessToken> issueAccessToken(Map<String, String> company);

    /** See {@link SchematicAccounts#featureUsage}. */
    Uni<List<FeatureUsage>> featureUsage(Map<String, String> company);

    /** See {@link SchematicAccounts#lookupCompany}: empty when Schematic knows no company with these keys. */
    Uni<Optional<Company>> lookupCompany(Map<String, String> company);

    /** See {@link SchematicAccounts#deleteCompany}: empty when Schematic knows no company with these keys. */
    Uni<Optional<Company>> deleteCompany(Map<String, String> company);

    /** See {@link SchematicAccounts#deleteUser}: empty when Schematic knows no user with these keys. */
    Uni<Optional<User>> deleteUser(Map<String, String> user);

    /** See {@link SchematicAccounts#updateCompanyTrait}. */
    Uni<Company> updateCompanyTrait(Map<String, String> company, TraitUpdate update);

    /** See {@link SchematicAccounts#updateUserTrait}. */
    Uni<User> updateUserTrait(Map<String, String> user, TraitUpdate update);

    /** See {@link SchematicAccounts#withOptions}. */
    ReactiveSchematicAccounts withOptions(RequestOptions options);
}
