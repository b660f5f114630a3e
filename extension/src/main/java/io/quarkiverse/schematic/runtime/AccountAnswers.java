package io.quarkiverse.schematic.runtime;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.schematic.AccessToken;
import io.quarkiverse.schematic.EntitlementValueType;
import io.quarkiverse.schematic.FeatureUsage;
import io.quarkiverse.schematic.MetricPeriod;
import io.quarkiverse.schematic.MonthReset;
import io.quarkiverse.schematic.SchematicConnectionException;
import io.quarkiverse.schematic.runtime.client.AccessTokenData;
import io.quarkiverse.schematic.runtime.client.Envelope;
import io.quarkiverse.schematic.runtime.client.FeatureUsageData;
import io.quarkiverse.schematic.runtime.client.FeatureUsageListData;

/**
 * Public access tokens and feature usage from Schematic's answers (companies and users: {@link Entities}).
 */
final class AccountAnswers {

    private AccountAnswers() {
    }

    static AccessToken accessToken(Envelope<AccessTokenData> envelope) {
        AccessTokenData data = envelope == null ? null : envelope.data();
        if (data == null || data.token() == null || data.token().isEmpty() || data.expiredAt() == null) {
            throw new SchematicConnectionException(
                    "issueAccessToken failed: Schematic's answer has no token or no expiry", null);
        }
        return new AccessToken(data.id(), data.token(), data.expiredAt().toInstant(), instant(data.createdAt()));
    }

    static List<FeatureUsage> featureUsage(Envelope<FeatureUsageListData> envelope) {
        FeatureUsageListData data = envelope == null ? null : envelope.data();
        if (data == null || data.features() == null) {
            throw new SchematicConnectionException("featureUsage failed: Schematic's answer has no features", null);
        }
        List<FeatureUsage> usage = new ArrayList<>(data.features().size());
        for (FeatureUsageData feature : data.features()) {
            if (feature != null) {
                usage.add(featureUsage(feature));
            }
        }
        return List.copyOf(usage);
    }

    private static FeatureUsage featureUsage(FeatureUsageData data) {
        FeatureUsageData.FeatureData feature = data.feature();
        FeatureUsageData.PlanData plan = data.plan();
        EntitlementValueType valueType = EntitlementValueType.fromWire(data.allocationType());
        return new FeatureUsage(
                feature == null ? null : feature.id(),
                feature == null ? null : flagKeyOf(feature),
                feature == null ? null : feature.name(),
                feature == null ? null : feature.eventSubtype(),
                Boolean.TRUE.equals(data.access()),
                valueType,
                data.allocation(),
                data.usage(),
                data.softLimit(),
                data.percentUsed(),
                Boolean.TRUE.equals(data.unlimited()) || valueType == EntitlementValueType.UNLIMITED,
                MetricPeriod.fromWire(data.period()),
                MonthReset.fromWire(data.monthReset()),
                instant(data.metricResetAt()),
                data.creditUsed(),
                data.creditRemaining(),
                data.creditConsumptionRate(),
                plan == null ? null : plan.id(),
                plan == null ? null : plan.name());
    }

    /** A feature has (at most) one flag in practice; its key is what flag checks and entitlements call the feature. */
    private static String flagKeyOf(FeatureUsageData.FeatureData feature) {
        if (feature.flags() == null) {
            return null;
        }
        return feature.flags().stream().filter(flag -> flag != null && flag.key() != null)
                .map(FeatureUsageData.FlagData::key).findFirst().orElse(null);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
