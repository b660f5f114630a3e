package io.quarkiverse.schematic.deployment.devservices;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesEngine;
import io.quarkiverse.schematic.rules.RulesEntitlement;
import io.quarkiverse.schematic.rules.RulesFlag;
import io.quarkiverse.schematic.rules.RulesResult;
import io.quarkiverse.schematic.rules.RulesUser;

/**
 * Answers REST checks of metered features with the rules engine, from the very flag, company and user the DataStream
 * sends ({@link DevRulesEntities}), so that a check answered over REST and one answered locally agree, preflight
 * included: there is one source of truth for metered answers, not a second arithmetic.
 */
final class DevRulesChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DevRulesEntities entities;

    DevRulesChecks(DevRulesEntities entities) {
        this.entities = entities;
    }

    /**
     * The answer in Schematic's REST shape ({@code CheckFlagResponseData}). Without company keys there is no company,
     * as in local evaluation: the flag's default (or a user's override) answers, without entitlement.
     */
    Map<String, Object> check(String flag, Map<String, String> companyKeys, Map<String, String> userKeys,
            Preflight preflight) {
        RulesCompany company = companyKeys.isEmpty() ? null
                : JSON.convertValue(entities.company(companyKeys), RulesCompany.class);
        RulesUser user = userKeys.isEmpty() ? null : JSON.convertValue(entities.user(userKeys), RulesUser.class);
        RulesResult result = RulesEngine.checkFlag(JSON.convertValue(entities.flag(flag), RulesFlag.class), company,
                user, preflight);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("flag", flag);
        data.put("value", result.value());
        data.put("reason", result.reason());
        data.put("flag_id", result.flagId());
        data.put("company_id", result.companyId());
        data.put("user_id", result.userId());
        data.put("rule_id", result.ruleId());
        data.put("rule_type", result.ruleType() == null ? null : result.ruleType().wireName());
        data.put("entitlement", company == null ? null : wireEntitlement(company, flag));
        data.put("feature_usage", result.featureUsage());
        data.put("feature_allocation", result.featureAllocation());
        data.put("feature_usage_event", result.featureUsageEvent());
        data.put("feature_usage_period",
                result.featureUsagePeriod() == null ? null : result.featureUsagePeriod().wireName());
        data.put("feature_usage_reset_at",
                result.featureUsageResetAt() == null ? null : result.featureUsageResetAt().toString());
        return data;
    }

    /** The company's entitlement to the flag's feature as it travels ({@code FeatureEntitlement}), or {@code null}. */
    private static RulesEntitlement wireEntitlement(RulesCompany company, String flag) {
        for (RulesEntitlement entitlement : company.entitlements()) {
            if (flag.equals(entitlement.featureKey())) {
                return entitlement;
            }
        }
        return null;
    }
}
