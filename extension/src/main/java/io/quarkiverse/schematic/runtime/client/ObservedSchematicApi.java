package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * The REST client with every call reported to an {@link ApiCallListener}. It wraps the client from the outside, so a
 * call is reported once with its final outcome: after retries, and including calls the circuit breaker refused.
 * Always installed: {@link ApiKeyRefusals} listens to every call; health and metrics join when present.
 */
public final class ObservedSchematicApi implements SchematicApi {

    private final SchematicApi delegate;
    private final ApiCallListener listener;

    public ObservedSchematicApi(SchematicApi delegate, ApiCallListener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public Uni<Envelope<FlagCheckData>> checkFlag(String flag, CheckFlagRequest body, CallBudget budget) {
        return observed("checkFlag", delegate.checkFlag(flag, body, budget));
    }

    @Override
    public Uni<Envelope<FlagsCheckData>> checkFlags(CheckFlagRequest body, CallBudget budget) {
        return observed("checkFlags", delegate.checkFlags(body, budget));
    }

    @Override
    public Uni<Envelope<FlagsBulkData>> checkFlagsBulk(FlagsBulkRequest body, CallBudget budget) {
        return observed("checkFlagsBulk", delegate.checkFlagsBulk(body, budget));
    }

    @Override
    public Uni<Envelope<EntityData>> upsertCompany(UpsertCompanyRequest body, CallBudget budget) {
        return observed("upsertCompany", delegate.upsertCompany(body, budget));
    }

    @Override
    public Uni<Envelope<EntityData>> upsertUser(UpsertUserRequest body, CallBudget budget) {
        return observed("upsertUser", delegate.upsertUser(body, budget));
    }

    @Override
    public Uni<Envelope<AccessTokenData>> issueAccessToken(AccessTokenRequest body, CallBudget budget) {
        return observed("issueAccessToken", delegate.issueAccessToken(body, budget));
    }

    @Override
    public Uni<Envelope<FeatureUsageListData>> featureUsage(Map<String, String> keys, CallBudget budget) {
        return observed("featureUsage", delegate.featureUsage(keys, budget));
    }

    @Override
    public Uni<Envelope<EntityData>> lookupCompany(Map<String, String> keys, CallBudget budget) {
        return observed("lookupCompany", delegate.lookupCompany(keys, budget));
    }

    @Override
    public Uni<Envelope<EntityData>> deleteCompany(KeysRequest body, CallBudget budget) {
        return observed("deleteCompany", delegate.deleteCompany(body, budget));
    }

    @Override
    public Uni<Envelope<EntityData>> deleteUser(KeysRequest body, CallBudget budget) {
        return observed("deleteUser", delegate.deleteUser(body, budget));
    }

    @Override
    public Uni<Envelope<EntityData>> updateCompanyTrait(TraitUpdateRequest body, CallBudget budget) {
        return observed("updateCompanyTrait", delegate.updateCompanyTrait(body, budget));
    }

    @Override
    public Uni<Envelope<EntityData>> updateUserTrait(TraitUpdateRequest body, CallBudget budget) {
        return observed("updateUserTrait", delegate.updateUserTrait(body, budget));
    }

    /** Timed from subscription, when the request is actually made; a cancelled call is not reported. */
    private <T> Uni<T> observed(String operation, Uni<T> call) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return call.onItemOrFailure()
                    .invoke((item, failure) -> listener.completed(operation, System.nanoTime() - started, failure));
        });
    }
}
