package io.quarkiverse.schematic.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.schematic.AccessToken;
import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.FeatureUsage;
import io.quarkiverse.schematic.ReactiveSchematicAccounts;
import io.quarkiverse.schematic.RequestOptions;
import io.quarkiverse.schematic.SchematicAccounts;
import io.quarkiverse.schematic.TraitUpdate;
import io.quarkiverse.schematic.User;

/**
 * The blocking account calls: each waits for the reactive one, whose timeouts bound the wait. Arguments are checked
 * when the reactive method is called, so bad input throws here before anything is sent.
 */
public final class DefaultSchematicAccounts implements SchematicAccounts {

    private final ReactiveSchematicAccounts reactive;

    public DefaultSchematicAccounts(ReactiveSchematicAccounts reactive) {
        this.reactive = reactive;
    }

    @Override
    public AccessToken issueAccessToken(Map<String, String> company) {
        return reactive.issueAccessToken(company).await().indefinitely();
    }

    @Override
    public List<FeatureUsage> featureUsage(Map<String, String> company) {
        return reactive.featureUsage(company).await().indefinitely();
    }

    @Override
    public Optional<Company> lookupCompany(Map<String, String> company) {
        return reactive.lookupCompany(company).await().indefinitely();
    }

    @Override
    public Optional<Company> deleteCompany(Map<String, String> company) {
        return reactive.deleteCompany(company).await().indefinitely();
    }

    @Override
    public Optional<User> deleteUser(Map<String, String> user) {
        return reactive.deleteUser(user).await().indefinitely();
    }

    @Override
    public Company updateCompanyTrait(Map<String, String> company, TraitUpdate update) {
        return reactive.updateCompanyTrait(company, update).await().indefinitely();
    }

    @Override
    public User updateUserTrait(Map<String, String> user, TraitUpdate update) {
        return reactive.updateUserTrait(user, update).await().indefinitely();
    }

    @Override
    public SchematicAccounts withOptions(RequestOptions options) {
        return new DefaultSchematicAccounts(reactive.withOptions(options));
    }
}
