package io.quarkiverse.schematic.deployment;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;
import org.jboss.logging.Logger;

import io.quarkiverse.schematic.FlagValue;
import io.quarkiverse.schematic.RequiresFlag;
import io.quarkiverse.schematic.SchematicFlag;
import io.quarkiverse.schematic.deployment.devservices.SchematicDevServicesConfig;
import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkiverse.schematic.runtime.gate.GateRecorder;
import io.quarkiverse.schematic.runtime.gate.UsageParameters;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;

/**
 * Build-time checks of {@code @RequiresFlag} and {@code @SchematicFlag}: misuse fails the build with an
 * {@link InvalidSchematicAnnotationException} naming the method or injection point; a gate on a flag the
 * configuration does not know is reported.
 */
class SchematicAnnotationProcessor {

    private static final Logger LOG = Logger.getLogger(SchematicAnnotationProcessor.class);
    private static final DotName REQUIRES_FLAG = DotName.createSimple(RequiresFlag.class);
    private static final DotName SCHEMATIC_FLAG = DotName.createSimple(SchematicFlag.class);
    private static final DotName FLAG_VALUE = DotName.createSimple(FlagValue.class);
    private static final Set<String> USAGE_TYPES = Set.of("long", "int", Long.class.getName(), Integer.class.getName());

    @BuildStep
    void gates(CombinedIndexBuildItem combined, SchematicDevServicesConfig devServices,
            BuildProducer<ValidationErrorBuildItem> errors) {
        IndexView index = combined.getIndex();
        Set<String> known = knownFlags(devServices);
        for (AnnotationInstance gate : index.getAnnotations(REQUIRES_FLAG)) {
            AnnotationTarget target = gate.target();
            String where = describe(target);
            String flag = value(gate);
            if (flag.isBlank()) {
                errors.produce(misuse("@RequiresFlag on " + where + " has a blank flag name"));
                continue;
            }
            String usageParam = usageParam(gate);
            if (target.kind() == AnnotationTarget.Kind.METHOD) {
                MethodInfo method = target.asMethod();
                if (Modifier.isPrivate(method.flags()) || Modifier.isStatic(method.flags())) {
                    errors.produce(misuse("@RequiresFlag on " + where + " cannot work: the method is "
                            + (Modifier.isPrivate(method.flags()) ? "private" : "static")
                            + " and is not intercepted; make it a non-private instance method"));
                    continue;
                }
                if (!usageParam.isEmpty() && usagePosition(method, usageParam) < 0) {
                    errors.produce(misuse("@RequiresFlag(usageParam = \"" + usageParam + "\") on " + where
                            + " names no long, int, Long or Integer parameter of the method (parameters: "
                            + parameters(method) + ")"));
                    continue;
                }
            } else if (!usageParam.isEmpty()) {
                errors.produce(misuse("@RequiresFlag(usageParam = \"" + usageParam + "\") on " + where
                        + " cannot work on a class: put it on the method that has the parameter"));
                continue;
            }
            if (!known.isEmpty() && !known.contains(flag)) {
                LOG.warnf("@RequiresFlag(\"%s\") on %s names a flag that is neither in %s nor in %s (known: %s):"
                        + " check the flag key", flag, where, ConfigNames.FLAG_DEFAULTS, ConfigNames.DEVSERVICES_FLAGS,
                        String.join(", ", known));
            }
        }
    }

    /** Whether the application has {@code @RequiresFlag} gates, which need the interceptor and its beans. */
    static boolean usesGates(IndexView index) {
        return !index.getAnnotations(REQUIRES_FLAG).isEmpty();
    }

    /**
     * The position of each preflight gate's usage parameter, for the interceptor (misuse is reported above); nothing
     * without gates.
     */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void usageParameters(CombinedIndexBuildItem combined, GateRecorder recorder,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        if (!usesGates(combined.getIndex())) {
            return;
        }
        Map<String, Integer> positions = new HashMap<>();
        for (AnnotationInstance gate : combined.getIndex().getAnnotations(REQUIRES_FLAG)) {
            String usageParam = usageParam(gate);
            if (usageParam.isEmpty() || gate.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = gate.target().asMethod();
            int position = usagePosition(method, usageParam);
            if (position >= 0) {
                positions.put(UsageParameters.key(method.declaringClass().name().toString(), method.name(),
                        method.parameterTypes().stream().map(SchematicAnnotationProcessor::typeName).toList()),
                        position);
            }
        }
        beans.produce(SyntheticBeanBuildItem.configure(UsageParameters.class).scope(Singleton.class).unremovable()
                .supplier(recorder.usageParameters(positions)).done());
    }

    /**
     * Runs before ArC resolves injection points (it produces a bean item), so a {@code @SchematicFlag boolean} fails
     * with the reason, not as an unsatisfied dependency.
     */
    @BuildStep
    void injectedFlags(CombinedIndexBuildItem combined, BuildProducer<AdditionalBeanBuildItem> beans) {
        List<String> errors = new ArrayList<>();
        for (AnnotationInstance qualifier : combined.getIndex().getAnnotations(SCHEMATIC_FLAG)) {
            AnnotationTarget target = qualifier.target();
            Type type;
            if (target.kind() == AnnotationTarget.Kind.FIELD) {
                type = target.asField().type();
            } else if (target.kind() == AnnotationTarget.Kind.METHOD_PARAMETER) {
                type = target.asMethodParameter().type();
            } else {
                continue;
            }
            String where = describe(target);
            if (value(qualifier).isBlank()) {
                errors.add("@SchematicFlag on " + where + " has a blank flag name");
            } else if (!type.name().equals(FLAG_VALUE)) {
                String why = isBoolean(type)
                        ? " would be checked once, when the bean is created, and go stale: inject FlagValue and call"
                                + " get() where the value is needed"
                        : " is not supported: inject FlagValue";
                errors.add("@SchematicFlag " + type + " on " + where + why);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSchematicAnnotationException(String.join("\n", errors));
        }
    }

    private static String usageParam(AnnotationInstance gate) {
        AnnotationValue value = gate.value("usageParam");
        return value == null ? "" : value.asString();
    }

    /** The position of the numeric parameter of this name, or -1. */
    private static int usagePosition(MethodInfo method, String name) {
        for (int i = 0; i < method.parametersCount(); i++) {
            if (name.equals(method.parameterName(i))) {
                return USAGE_TYPES.contains(method.parameterType(i).name().toString()) ? i : -1;
            }
        }
        return -1;
    }

    private static String parameters(MethodInfo method) {
        List<String> described = new ArrayList<>();
        for (int i = 0; i < method.parametersCount(); i++) {
            described.add(method.parameterType(i).name().withoutPackagePrefix() + " " + method.parameterName(i));
        }
        return described.isEmpty() ? "none" : String.join(", ", described);
    }

    /** The erased type as {@link Class#getTypeName()} spells it, for {@link UsageParameters#key}. */
    private static String typeName(Type type) {
        if (type.kind() == Type.Kind.ARRAY) {
            return typeName(type.asArrayType().elementType()) + "[]".repeat(type.asArrayType().deepDimensions());
        }
        return type.name().toString();
    }

    private static boolean isBoolean(Type type) {
        String name = type.name().toString();
        return name.equals("boolean") || name.equals(Boolean.class.getName());
    }

    /**
     * The flags the configuration knows at build time: their defaults and the dev service's answers. Empty when it
     * knows none, and then nothing can be reported.
     */
    private static Set<String> knownFlags(SchematicDevServicesConfig devServices) {
        Set<String> known = new TreeSet<>(devServices.flags().keySet());
        devServices.companies().values().forEach(company -> known.addAll(company.flags().keySet()));
        devServices.users().values().forEach(user -> known.addAll(user.flags().keySet()));
        String prefix = ConfigNames.FLAG_DEFAULTS + ".";
        for (String property : ConfigProvider.getConfig().getPropertyNames()) {
            if (property.startsWith(prefix)) {
                known.add(unquoted(property.substring(prefix.length())));
            }
        }
        return known;
    }

    private static String unquoted(String key) {
        return key.length() > 1 && key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
    }

    private static String value(AnnotationInstance annotation) {
        AnnotationValue value = annotation.value();
        return value == null ? "" : value.asString();
    }

    private static String describe(AnnotationTarget target) {
        return switch (target.kind()) {
            case CLASS -> target.asClass().name().toString();
            case METHOD -> target.asMethod().declaringClass().name() + "#" + target.asMethod().name() + "()";
            case FIELD -> target.asField().declaringClass().name() + "#" + target.asField().name();
            case METHOD_PARAMETER -> target.asMethodParameter().method().declaringClass().name() + "#"
                    + target.asMethodParameter().method().name() + "() parameter "
                    + target.asMethodParameter().position();
            default -> target.toString();
        };
    }

    private static ValidationErrorBuildItem misuse(String message) {
        return new ValidationErrorBuildItem(new InvalidSchematicAnnotationException(message));
    }
}
