package io.quarkiverse.schematic.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.quarkiverse.schematic.AccessToken;
import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.FeatureUsage;
import io.quarkiverse.schematic.ReactiveSchematicAccounts;
import io.quarkiverse.schematic.RequestOptions;
import io.quarkiverse.schematic.SchematicClientErrorException;
import io.quarkiverse.schematic.TraitUpdate;
import io.quarkiverse.schematic.User;
import io.quarkiverse.schematic.runtime.client.AccessTokenRequest;
import io.quarkiverse.schematic.runtime.client.CallBudget;
import io.quarkiverse.schematic.runtime.client.CallPolicy;
import io.quarkiverse.schematic.runtime.client.KeysQuery;
import io.quarkiverse.schematic.runtime.client.KeysRequest;
import io.quarkiverse.schematic.runtime.client.TraitUpdateRequest;
import io.smallrye.mutiny.Uni;

/**
 * The account calls: arguments checked at the call, then the REST client under this view's {@link CallPolicy}, as
 * {@link DefaultReactiveSchematicService} does for upserts. The operation names are the REST client's method names,
 * so exceptions, metrics and the readiness check name a call the same way.
 */
public final class DefaultReactiveSchematicAccounts implements ReactiveSchematicAccounts {

    private final SchematicCore core;
    private final CallPolicy policy;

    public DefaultReactiveSchematicAccounts(SchematicCore core, CallPolicy policy) {
        this.core = core;
        this.policy = policy;
    }

    @Override
    public Uni<AccessToken> issueAccessToken(Map<String, String> company) {
        AccessTokenRequest body = AccessTokenRequest.company(CheckArguments.requiredKeys(company, "company"));
        return remote("issueAccessToken", budget -> core.api().issueAccessToken(body, budget))
                .map(AccountAnswers::accessToken);
    }

    @Override
    public Uni<List<FeatureUsage>> featureUsage(Map<String, String> company) {
        Map<String, String> query = KeysQuery.of(CheckArguments.requiredKeys(company, "company"));
        return remote("featureUsage", budget -> core.api().featureUsage(query, budget))
                .map(AccountAnswers::featureUsage);
    }

    @Override
    public Uni<Optional<Company>> lookupCompany(Map<String, String> company) {
        Map<String, String> query = KeysQuery.of(CheckArguments.requiredKeys(company, "company"));
        return unlessUnknown(remote("lookupCompany", budget -> core.api().lookupCompany(query, budget))
                .map(answer -> Entities.company(answer, "lookupCompany")));
    }

    @Override
    public Uni<Optional<Company>> deleteCompany(Map<String, String> company) {
        KeysRequest body = new KeysRequest(CheckArguments.requiredKeys(company, "company"));
        return unlessUnknown(remote("deleteCompany", budget -> core.api().deleteCompany(body, budget))
                .map(answer -> Entities.company(answer, "deleteCompany")));
    }

    @Override
    public Uni<Optional<User>> deleteUser(Map<String, String> user) {
        KeysRequest body = new KeysRequest(CheckArguments.requiredKeys(user, "user"));
        return unlessUnknown(remote("deleteUser", budget -> core.api().deleteUser(body, budget))
                .map(answer -> Entities.user(answer, "deleteUser")));
    }

    @Override
    public Uni<Company> updateCompanyTrait(Map<String, String> company, TraitUpdate update) {
        TraitUpdateRequest body = traitRequest(CheckArguments.requiredKeys(company, "company"), update);
        return remote("updateCompanyTrait", policyFor(body), budget -> core.api().updateCompanyTrait(body, budget))
                .map(answer -> Entities.company(answer, "updateCompanyTrait"));
    }

    @Override
    public Uni<User> updateUserTrait(Map<String, String> user, TraitUpdate update) {
        TraitUpdateRequest body = traitRequest(CheckArguments.requiredKeys(user, "user"), update);
        return remote("updateUserTrait", policyFor(body), budget -> core.api().updateUserTrait(body, budget))
                .map(answer -> Entities.user(answer, "updateUserTrait"));
    }

    private static TraitUpdateRequest traitRequest(Map<String, String> keys, TraitUpdate update) {
        CheckArguments.notNull(update, "update");
        Long increment = update.increment().isPresent() ? update.increment().getAsLong() : null;
        return new TraitUpdateRequest(keys, update.trait(), update.value().orElse(null), increment,
                update.isOnlyExisting() ? Boolean.TRUE : null);
    }

    /**
     * An increment is not idempotent: when an attempt fails after Schematic applied it (an answer lost to a reset
     * connection, a gateway's 502), another attempt would count twice. So increments get one attempt; a set may be
     * repeated safely and keeps the view's retries.
     */
    private CallPolicy policyFor(TraitUpdateRequest body) {
        return body.incr() == null ? policy : new CallPolicy(0, policy.deadline());
    }

    private <T> Uni<T> remote(String operation, Function<CallBudget, Uni<T>> call) {
        return remote(operation, policy, call);
    }

    private <T> Uni<T> remote(String operation, CallPolicy policy, Function<CallBudget, Uni<T>> call) {
        return core.remote(operation, () -> policy.run(operation, call));
    }

    /** Schematic's 404 for these keys is an answer here: no such company or user. */
    private static <T> Uni<Optional<T>> unlessUnknown(Uni<T> found) {
        return found.map(Optional::of)
                .onFailure(failure -> failure instanceof SchematicClientErrorException http && http.statusCode() == 404)
                .recoverWithItem(Optional.empty());
    }

    @Override
    public ReactiveSchematicAccounts withOptions(RequestOptions options) {
        return new DefaultReactiveSchematicAccounts(core, DefaultReactiveSchematicService.policyFor(core, options));
    }
}
