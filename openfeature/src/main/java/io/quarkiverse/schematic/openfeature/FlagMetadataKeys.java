package io.quarkiverse.schematic.openfeature;

import dev.openfeature.sdk.ImmutableMetadata;
import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.FlagCheck;

/**
 * The flag metadata {@link SchematicProvider} attaches to an evaluation: one key per figure, present only when
 * Schematic sent it.
 */
public final class FlagMetadataKeys {

    /** Schematic id of the flag (string). */
    public static final String FLAG_ID = "flagId";
    /** Id of the rule that decided the value (string). */
    public static final String RULE_ID = "ruleId";
    /** Kind of rule that decided the value, Schematic's wire name such as {@code plan_entitlement} (string). */
    public static final String RULE_TYPE = "ruleType";
    /** Where the answer came from: {@code REMOTE}, {@code CACHE}, {@code LOCAL}, {@code OFFLINE} or {@code DEFAULT}. */
    public static final String SOURCE = "source";
    /** Schematic id of the matched company (string). */
    public static final String COMPANY_ID = "companyId";
    /** Schematic id of the matched user (string). */
    public static final String USER_ID = "userId";
    /** How the entitlement is measured, wire name such as {@code numeric} (string). */
    public static final String VALUE_TYPE = "entitlement.valueType";
    /** The company's allocation in the current period (long). */
    public static final String ALLOCATION = "entitlement.allocation";
    /** Usage in the current period (long). */
    public static final String USAGE = "entitlement.usage";
    /** Usage above which the customer should be told (long). */
    public static final String SOFT_LIMIT = "entitlement.softLimit";
    /** What is left of the allocation, never below zero; absent when unlimited or without allocation (long). */
    public static final String REMAINING = "entitlement.remaining";
    /** Period usage is counted over, wire name such as {@code current_month} (string). */
    public static final String METRIC_PERIOD = "entitlement.metricPeriod";

    private FlagMetadataKeys() {
    }

    static ImmutableMetadata of(FlagCheck check) {
        ImmutableMetadata.ImmutableMetadataBuilder metadata = ImmutableMetadata.builder();
        addString(metadata, FLAG_ID, check.flagId());
        addString(metadata, RULE_ID, check.ruleId());
        addString(metadata, RULE_TYPE, check.ruleType() == null ? null : check.ruleType().wireName());
        addString(metadata, SOURCE, check.source() == null ? null : check.source().name());
        addString(metadata, COMPANY_ID, check.companyId());
        addString(metadata, USER_ID, check.userId());
        Entitlement entitlement = check.entitlement();
        if (entitlement != null) {
            addString(metadata, VALUE_TYPE, entitlement.valueType().wireName());
            addLong(metadata, ALLOCATION, entitlement.allocation());
            addLong(metadata, USAGE, entitlement.usage());
            addLong(metadata, SOFT_LIMIT, entitlement.softLimit());
            entitlement.remaining().ifPresent(remaining -> metadata.addLong(REMAINING, remaining));
            addString(metadata, METRIC_PERIOD,
                    entitlement.metricPeriod() == null ? null : entitlement.metricPeriod().wireName());
        }
        return metadata.build();
    }

    private static void addString(ImmutableMetadata.ImmutableMetadataBuilder metadata, String key, String value) {
        if (value != null) {
            metadata.addString(key, value);
        }
    }

    private static void addLong(ImmutableMetadata.ImmutableMetadataBuilder metadata, String key, Long value) {
        if (value != null) {
            metadata.addLong(key, value);
        }
    }
}
