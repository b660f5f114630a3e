package io.quarkiverse.schematic.openfeature;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Reason;
import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.EntitlementValueType;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.MetricPeriod;
import io.quarkiverse.schematic.RuleType;
import io.quarkiverse.schematic.SchematicService;

/**
 * The table from Schematic's answer (source, rule type, entitlement) to OpenFeature's reason, variant, error code and
 * flag metadata, through OpenFeature's client, for every answer shape; {@link SchematicProviderTest} shows the same
 * against a server.
 */
class ReasonAndMetadataTest {

    private static final String DOMAIN = "reason-and-metadata";
    /** The answer the service gives next. */
    private static final AtomicReference<FlagCheck> ANSWER = new AtomicReference<>();

    private static Client client;

    @BeforeAll
    static void register() {
        SchematicService answers = (SchematicService) Proxy.newProxyInstance(SchematicService.class.getClassLoader(),
                new Class<?>[] { SchematicService.class }, (proxy, method, args) -> {
                    if (method.getName().equals("checkFlagDetails")) {
                        return ANSWER.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        OpenFeatureAPI.getInstance().setProviderAndWait(DOMAIN, new SchematicProvider(answers, ContextMapping.defaults()));
        client = OpenFeatureAPI.getInstance().getClient(DOMAIN);
    }

    @AfterAll
    static void unregister() {
        OpenFeatureAPI.getInstance().shutdown();
    }

    private static FlagEvaluationDetails<Boolean> evaluate(FlagCheck answer, boolean callSiteDefault) {
        ANSWER.set(answer);
        return client.getBooleanDetails("beta", callSiteDefault, new ImmutableContext("jane"));
    }

    private static FlagCheck answer(boolean value, FlagSource source, RuleType ruleType, String error,
            Entitlement entitlement) {
        return new FlagCheck("beta", value, "why", "flag_1", "comp_1", "user_1", ruleType == null ? null : "rule_1",
                source, error, ruleType, entitlement);
    }

    @Test
    void aRuleOfSchematicIsATargetingMatchWhereverTheAnswerCameFrom() {
        for (FlagSource source : List.of(FlagSource.REMOTE, FlagSource.CACHE, FlagSource.LOCAL)) {
            for (RuleType rule : List.of(RuleType.STANDARD, RuleType.GLOBAL_OVERRIDE, RuleType.COMPANY_OVERRIDE,
                    RuleType.PLAN_ENTITLEMENT, RuleType.PLAN_ENTITLEMENT_USAGE_EXCEEDED, RuleType.UNKNOWN)) {
                FlagEvaluationDetails<Boolean> details = evaluate(answer(true, source, rule, null, null), false);

                assertThat(details.getValue()).as("%s %s", source, rule).isTrue();
                assertThat(details.getReason()).as("%s %s", source, rule).isEqualTo(Reason.TARGETING_MATCH.name());
                assertThat(details.getVariant()).isEqualTo("on");
                assertThat(details.getFlagMetadata().getString(FlagMetadataKeys.SOURCE)).isEqualTo(source.name());
                assertThat(details.getFlagMetadata().getString(FlagMetadataKeys.RULE_TYPE)).isEqualTo(rule.wireName());
            }
        }
    }

    @Test
    void theDefaultRuleIsDefaultAndAnUnnamedRuleIsUnknown() {
        FlagEvaluationDetails<Boolean> byDefault = evaluate(answer(false, FlagSource.REMOTE, RuleType.DEFAULT, null,
                null), true);
        FlagEvaluationDetails<Boolean> unnamed = evaluate(answer(true, FlagSource.REMOTE, null, null, null), false);

        assertThat(byDefault.getValue()).isFalse();
        assertThat(byDefault.getReason()).isEqualTo(Reason.DEFAULT.name());
        assertThat(byDefault.getVariant()).isEqualTo("off");
        assertThat(unnamed.getValue()).isTrue();
        assertThat(unnamed.getReason()).isEqualTo(Reason.UNKNOWN.name());
        assertThat(unnamed.getFlagMetadata().getString(FlagMetadataKeys.RULE_ID)).isNull();
    }

    @Test
    void offlineIsStaticWithTheConfiguredDefault() {
        FlagEvaluationDetails<Boolean> details = evaluate(answer(true, FlagSource.OFFLINE, null, null, null), false);

        assertThat(details.getValue()).isTrue();
        assertThat(details.getReason()).isEqualTo(Reason.STATIC.name());
        assertThat(details.getErrorCode()).isNull();
    }

    @Test
    void aFallbackBecauseSchematicCouldNotAnswerIsAGeneralError() {
        FlagEvaluationDetails<Boolean> details = evaluate(
                answer(false, FlagSource.DEFAULT, null, "checkFlag failed: HTTP 503", null), true);

        assertThat(details.getValue()).isTrue();
        assertThat(details.getReason()).isEqualTo(Reason.ERROR.name());
        assertThat(details.getErrorCode()).isEqualTo(ErrorCode.GENERAL);
        assertThat(details.getErrorMessage()).isEqualTo("checkFlag failed: HTTP 503");
    }

    @Test
    void entitlementFiguresAreFlagMetadata() {
        Entitlement seats = new Entitlement("feat_1", "seats", EntitlementValueType.NUMERIC, 10L, 8L, 9L, "seat-added",
                null, MetricPeriod.CURRENT_MONTH, null, null, null, null, null, null, null, null, null, null);

        var metadata = evaluate(answer(true, FlagSource.REMOTE, RuleType.PLAN_ENTITLEMENT, null, seats), false)
                .getFlagMetadata();

        assertThat(metadata.asUnmodifiableMap()).isEqualTo(Map.ofEntries(
                Map.entry(FlagMetadataKeys.FLAG_ID, "flag_1"),
                Map.entry(FlagMetadataKeys.RULE_ID, "rule_1"),
                Map.entry(FlagMetadataKeys.RULE_TYPE, "plan_entitlement"),
                Map.entry(FlagMetadataKeys.SOURCE, "REMOTE"),
                Map.entry(FlagMetadataKeys.COMPANY_ID, "comp_1"),
                Map.entry(FlagMetadataKeys.USER_ID, "user_1"),
                Map.entry(FlagMetadataKeys.VALUE_TYPE, "numeric"),
                Map.entry(FlagMetadataKeys.ALLOCATION, 10L),
                Map.entry(FlagMetadataKeys.USAGE, 8L),
                Map.entry(FlagMetadataKeys.SOFT_LIMIT, 9L),
                Map.entry(FlagMetadataKeys.REMAINING, 2L),
                Map.entry(FlagMetadataKeys.METRIC_PERIOD, "current_month")));
    }

    @Test
    void anUnlimitedEntitlementHasNoRemaining() {
        Entitlement unlimited = new Entitlement("feat_1", "reports", EntitlementValueType.UNLIMITED, null, 3L, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);

        var metadata = evaluate(answer(true, FlagSource.CACHE, RuleType.COMPANY_OVERRIDE, null, unlimited), false)
                .getFlagMetadata();

        assertThat(metadata.getString(FlagMetadataKeys.VALUE_TYPE)).isEqualTo("unlimited");
        assertThat(metadata.getLong(FlagMetadataKeys.USAGE)).isEqualTo(3L);
        assertThat(metadata.asUnmodifiableMap()).doesNotContainKeys(FlagMetadataKeys.REMAINING,
                FlagMetadataKeys.ALLOCATION, FlagMetadataKeys.SOFT_LIMIT, FlagMetadataKeys.METRIC_PERIOD);
    }
}
