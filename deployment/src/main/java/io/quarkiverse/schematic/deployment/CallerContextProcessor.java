package io.quarkiverse.schematic.deployment;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.inject.AmbiguousResolutionException;

import org.jboss.jandex.DotName;
import org.jboss.jandex.Type;

import io.quarkiverse.schematic.FlagDisabledException;
import io.quarkiverse.schematic.RequiresFlag;
import io.quarkiverse.schematic.SchematicContextResolver;
import io.quarkiverse.schematic.SchematicFlag;
import io.quarkiverse.schematic.runtime.accesstoken.AccessTokenCache;
import io.quarkiverse.schematic.runtime.accesstoken.AccessTokenRecorder;
import io.quarkiverse.schematic.runtime.accesstoken.AccessTokenResource;
import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkiverse.schematic.runtime.context.CallerContextRecorder;
import io.quarkiverse.schematic.runtime.context.CallerContexts;
import io.quarkiverse.schematic.runtime.context.JwtTokenClaims;
import io.quarkiverse.schematic.runtime.context.RequestHeaders;
import io.quarkiverse.schematic.runtime.context.TokenClaims;
import io.quarkiverse.schematic.runtime.context.VertxRequestHeaders;
import io.quarkiverse.schematic.runtime.gate.FlagDisabledExceptionMapper;
import io.quarkiverse.schematic.runtime.gate.FlagGateInterceptor;
import io.quarkiverse.schematic.runtime.gate.FlagValueProducer;
import io.quarkiverse.schematic.runtime.gate.InvalidUsageException;
import io.quarkiverse.schematic.runtime.gate.InvalidUsageExceptionMapper;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SynthesisFinishedBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BeanResolver;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.resteasy.reactive.spi.AdditionalResourceClassBuildItem;
import io.quarkus.resteasy.reactive.spi.ExceptionMapperBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Build steps of the caller as context: the request context, {@code @RequiresFlag} gates, injected
 * {@code @SchematicFlag FlagValue}s and the token endpoint.
 */
class CallerContextProcessor {

    /** The runtime jar has no index: the interceptor binding and the qualifier must be added for ArC to see them. */
    @BuildStep
    AdditionalIndexedClassesBuildItem annotations() {
        return new AdditionalIndexedClassesBuildItem(RequiresFlag.class.getName(), SchematicFlag.class.getName());
    }

    /**
     * The gate interceptor and the flag-value producer only when the application uses {@code @RequiresFlag} or
     * {@code @SchematicFlag}: an interceptor is never removed as unused, and every bean costs start-up time.
     */
    @BuildStep
    void beans(Capabilities capabilities, CombinedIndexBuildItem index, BuildProducer<AdditionalBeanBuildItem> beans) {
        beans.produce(AdditionalBeanBuildItem.builder()
                .addBeanClasses(CallerContexts.class.getPackageName() + ".RequestCallerContext",
                        CallerContexts.class.getPackageName() + ".CallerContextResolver")
                .addBeanClasses(CallerContexts.class)
                .setUnremovable().build());
        if (SchematicAnnotationProcessor.usesGates(index.getIndex())) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(FlagGateInterceptor.class));
        }
        if (!index.getIndex().getAnnotations(SchematicFlag.class).isEmpty()) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(FlagValueProducer.class));
        }
        if (capabilities.isPresent(Capability.VERTX_HTTP)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(VertxRequestHeaders.class));
        }
        if (capabilities.isPresent(Capability.JWT)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(JwtTokenClaims.class));
        }
    }

    /**
     * The 403 and 400 answers of {@code @RequiresFlag} gates, only when the application has gates (only they throw
     * these exceptions): Quarkus REST loads and creates every registered exception mapper at start-up.
     */
    /**
     * Fails start-up when the configured context mapping needs what the application lacks, decided from the beans the
     * build found, so that the resolver is created with the first request that asks for the context rather than at
     * start. Not checked when the application resolves the context itself: the mapping is then unused.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void checkContextMapping(SynthesisFinishedBuildItem synthesis, CallerContextRecorder recorder) {
        BeanResolver beans = synthesis.getBeanResolver();
        if (!resolvable(beans, SchematicContextResolver.class)) {
            recorder.checkMapping(resolvable(beans, RequestHeaders.class), resolvable(beans, SecurityIdentity.class),
                    resolvable(beans, TokenClaims.class));
        }
    }

    /** What {@code Instance.isResolvable()} answers at runtime for the default qualifier. */
    private static boolean resolvable(BeanResolver beans, Class<?> type) {
        Set<BeanInfo> found = beans.resolveBeans(Type.create(DotName.createSimple(type), Type.Kind.CLASS));
        if (found.isEmpty()) {
            return false;
        }
        try {
            beans.resolveAmbiguity(found);
            return true;
        } catch (AmbiguousResolutionException ambiguous) {
            return false;
        }
    }

    /**
     * The 403 for {@link FlagDisabledException} whenever Quarkus REST is there: applications may throw it themselves
     * (its constructor is public). The answer to a misused usage parameter only when the application has gates, the
     * only thing that throws it: Quarkus REST loads and creates every registered mapper at start.
     */
    @BuildStep
    void refusalAnswer(Capabilities capabilities, CombinedIndexBuildItem index,
            BuildProducer<ExceptionMapperBuildItem> mappers) {
        if (!capabilities.isPresent(Capability.REST)) {
            return;
        }
        mappers.produce(new ExceptionMapperBuildItem(FlagDisabledExceptionMapper.class.getName(),
                FlagDisabledException.class.getName(), jakarta.ws.rs.Priorities.USER, false));
        if (SchematicAnnotationProcessor.usesGates(index.getIndex())) {
            mappers.produce(new ExceptionMapperBuildItem(InvalidUsageExceptionMapper.class.getName(),
                    InvalidUsageException.class.getName(), jakarta.ws.rs.Priorities.USER, false));
        }
    }

    @BuildStep
    void tokenEndpoint(Capabilities capabilities, AccessTokenBuildTimeConfig config,
            BuildProducer<AdditionalIndexedClassesBuildItem> indexed, BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<ValidationErrorBuildItem> errors) {
        Optional<String> path = config.path();
        if (path.isEmpty()) {
            return;
        }
        if (!capabilities.isPresent(Capability.REST)) {
            errors.produce(new ValidationErrorBuildItem(new ConfigurationException(
                    ConfigNames.ACCESS_TOKEN_PATH + " needs Quarkus REST (io.quarkus:quarkus-rest); add the"
                            + " dependency")));
            return;
        }
        indexed.produce(new AdditionalIndexedClassesBuildItem(AccessTokenResource.class.getName()));
        beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(AccessTokenResource.class, AccessTokenCache.class)
                .setUnremovable().build());
    }

    /** The resource needs its class in the index, which the step above adds: registered once it is there. */
    @BuildStep
    void tokenResource(Capabilities capabilities, AccessTokenBuildTimeConfig config, CombinedIndexBuildItem index,
            BuildProducer<AdditionalResourceClassBuildItem> resources) {
        if (config.path().isPresent() && capabilities.isPresent(Capability.REST)) {
            resources.produce(new AdditionalResourceClassBuildItem(
                    index.getIndex().getClassByName(AccessTokenResource.class), config.path().get()));
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void tokenEndpointCompany(AccessTokenBuildTimeConfig config, AccessTokenRecorder recorder) {
        if (config.path().isPresent()) {
            recorder.requireCompanyFromIdentity();
        }
    }
}
