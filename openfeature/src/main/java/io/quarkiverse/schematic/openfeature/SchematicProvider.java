package io.quarkiverse.schematic.openfeature;

import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;

import org.jboss.logging.Logger;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEventDetails;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.RuleType;
import io.quarkiverse.schematic.SchematicService;

/**
 * An OpenFeature provider that answers boolean flags with {@link SchematicService#checkFlagDetails}. Schematic flags
 * are boolean: string, integer, double and object evaluations answer the caller's default with
 * {@link ErrorCode#TYPE_MISMATCH}. The evaluation context becomes company and user keys by {@link ContextMapping}.
 * <p>
 * Reasons: a check Schematic answered (remotely, from the cache or from local rules) is
 * {@link Reason#TARGETING_MATCH} when a rule decided it and {@link Reason#DEFAULT} when the flag's default rule did;
 * {@link Reason#UNKNOWN} when Schematic did not say which rule. An answer from the configured default because
 * Schematic could not answer ({@link FlagSource#DEFAULT}) is an {@link ErrorCode#GENERAL} error, so the OpenFeature
 * client answers the call site's default. Offline mode ({@link FlagSource#OFFLINE}) is {@link Reason#STATIC}: the
 * configured default, deliberately, without error. The variant is {@code on} or {@code off}; the flag metadata carries
 * Schematic's ids, rule type, source and entitlement figures (keys in {@link FlagMetadataKeys}).
 */
public class SchematicProvider extends EventProvider {

    /** The provider's name in OpenFeature's metadata. */
    public static final String NAME = "Schematic";
    /** The variant of a flag that is on. */
    public static final String VARIANT_ON = "on";
    /** The variant of a flag that is off. */
    public static final String VARIANT_OFF = "off";

    private static final Logger LOG = Logger.getLogger(SchematicProvider.class);
    private static final Metadata METADATA = () -> NAME;
    private static final String NOT_BOOLEAN = "Schematic flags are boolean";

    private final SchematicService schematic;
    private final ContextMapping mapping;

    public SchematicProvider(SchematicService schematic, ContextMapping mapping) {
        this.schematic = Objects.requireNonNull(schematic, "schematic");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    @Override
    public Metadata getMetadata() {
        return METADATA;
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        ContextMapping.Keys keys = mapping.map(ctx);
        if (!keys.valid()) {
            return error(defaultValue, ErrorCode.INVALID_CONTEXT, keys.invalid());
        }
        FlagCheck check = schematic.checkFlagDetails(key, keys.company(), keys.user());
        ImmutableMetadata metadata = FlagMetadataKeys.of(check);
        if (check.source() == FlagSource.DEFAULT) {
            return ProviderEvaluation.<Boolean> builder().value(defaultValue).reason(Reason.ERROR.name())
                    .errorCode(ErrorCode.GENERAL).errorMessage(check.error()).flagMetadata(metadata).build();
        }
        return ProviderEvaluation.<Boolean> builder().value(check.value())
                .variant(check.value() ? VARIANT_ON : VARIANT_OFF).reason(reason(check).name())
                .flagMetadata(metadata).build();
    }

    /** OpenFeature's reason for an answer Schematic gave (not for {@link FlagSource#DEFAULT}, which is an error). */
    static Reason reason(FlagCheck check) {
        if (check.source() == FlagSource.OFFLINE) {
            return Reason.STATIC;
        }
        if (check.ruleType() == null) {
            return Reason.UNKNOWN;
        }
        return check.ruleType() == RuleType.DEFAULT ? Reason.DEFAULT : Reason.TARGETING_MATCH;
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        return error(defaultValue, ErrorCode.TYPE_MISMATCH, NOT_BOOLEAN);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return error(defaultValue, ErrorCode.TYPE_MISMATCH, NOT_BOOLEAN);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return error(defaultValue, ErrorCode.TYPE_MISMATCH, NOT_BOOLEAN);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        return error(defaultValue, ErrorCode.TYPE_MISMATCH, NOT_BOOLEAN);
    }

    private static <T> ProviderEvaluation<T> error(T defaultValue, ErrorCode code, String message) {
        return ProviderEvaluation.<T> builder().value(defaultValue).reason(Reason.ERROR.name()).errorCode(code)
                .errorMessage(message).build();
    }

    /**
     * Tells OpenFeature's event handlers that these flags changed ({@code PROVIDER_CONFIGURATION_CHANGED} with
     * {@code flagsChanged}), for example when local evaluation received new rules. Does nothing for an empty set, and
     * never throws: a handler's failure is the SDK's to report.
     */
    public void flagsChanged(Set<String> flags) {
        if (flags == null || flags.isEmpty()) {
            return;
        }
        try {
            emitProviderConfigurationChanged(ProviderEventDetails.builder().flagsChanged(new ArrayList<>(flags))
                    .message("Schematic flags changed").build());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not tell OpenFeature that flags %s changed", flags);
        }
    }
}
