package io.quarkiverse.schematic.runtime.sharedcache;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkiverse.schematic.Entitlement;

/**
 * A shared answer as stored in Redis (JSON). The rule type is its wire name; the entitlement is the public record as
 * Jackson writes records. Any change here needs a new {@link SharedCacheKeys#FORMAT_VERSION}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CachedAnswer(String flag, Boolean value, String reason, String flagId, String companyId, String userId,
        String ruleId, String error, String ruleType, Entitlement entitlement) {
}
