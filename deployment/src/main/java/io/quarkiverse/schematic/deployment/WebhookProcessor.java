package io.quarkiverse.schematic.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;

import io.quarkiverse.schematic.runtime.webhook.BuiltInWebhookResource;
import io.quarkiverse.schematic.runtime.webhook.SchematicWebhookEventReader;
import io.quarkiverse.schematic.runtime.webhook.WebhookRecorder;
import io.quarkiverse.schematic.runtime.webhook.WebhookRequestFilter;
import io.quarkiverse.schematic.runtime.webhook.WebhookVerifierProducer;
import io.quarkiverse.schematic.webhook.SchematicWebhook;
import io.quarkiverse.schematic.webhook.SchematicWebhookEvent;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.resteasy.reactive.spi.AdditionalResourceClassBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerRequestFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.MessageBodyReaderBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Build steps of webhook reception: the injectable verifier, and, when Quarkus REST serves HTTP and something receives
 * webhooks (an {@code @SchematicWebhook} resource or the built-in endpoint), the {@code SchematicWebhookEvent} body
 * reader, the verifying filter, the endpoint and the start-up check for the secret.
 */
class WebhookProcessor {

    private static final DotName SCHEMATIC_WEBHOOK = DotName.createSimple(SchematicWebhook.class);

    @BuildStep
    AdditionalBeanBuildItem verifier() {
        return AdditionalBeanBuildItem.builder().addBeanClass(WebhookVerifierProducer.class).build();
    }

    /** Quarkus REST recognises a name binding only when the annotation is in the index. */
    @BuildStep
    void index(Capabilities capabilities, WebhookBuildTimeConfig config,
            BuildProducer<AdditionalIndexedClassesBuildItem> indexed) {
        if (capabilities.isPresent(Capability.REST)) {
            indexed.produce(new AdditionalIndexedClassesBuildItem(SchematicWebhook.class.getName()));
            if (config.path().isPresent()) {
                indexed.produce(new AdditionalIndexedClassesBuildItem(BuiltInWebhookResource.class.getName()));
            }
        }
    }

    /**
     * Only when something receives webhooks: Quarkus REST creates every registered filter at start-up, whether or not
     * a resource is bound to it.
     */
    @BuildStep
    void filter(Capabilities capabilities, WebhookBuildTimeConfig config, CombinedIndexBuildItem index,
            BuildProducer<ContainerRequestFilterBuildItem> filters) {
        if (capabilities.isPresent(Capability.REST) && !receivers(config, index).isEmpty()) {
            filters.produce(new ContainerRequestFilterBuildItem.Builder(WebhookRequestFilter.class.getName())
                    .setNameBindingNames(Set.of(SchematicWebhook.class.getName()))
                    .setPriority(Priorities.AUTHENTICATION)
                    .build());
        }
    }

    /**
     * Only when something receives webhooks (the reader serves the body parameters of webhook resources): Quarkus REST
     * loads and creates every registered reader at start-up.
     */
    @BuildStep
    void eventReader(Capabilities capabilities, WebhookBuildTimeConfig config, CombinedIndexBuildItem index,
            BuildProducer<MessageBodyReaderBuildItem> readers, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.REST) && !receivers(config, index).isEmpty()) {
            readers.produce(new MessageBodyReaderBuildItem.Builder(SchematicWebhookEventReader.class.getName(),
                    SchematicWebhookEvent.class.getName())
                    .setMediaTypeStrings(List.of(MediaType.WILDCARD))
                    .setRuntimeType(RuntimeType.SERVER)
                    .build());
            beans.produce(AdditionalBeanBuildItem.unremovableOf(SchematicWebhookEventReader.class));
        }
    }

    @BuildStep
    void builtInEndpoint(Capabilities capabilities, WebhookBuildTimeConfig config, CombinedIndexBuildItem index,
            BuildProducer<AdditionalResourceClassBuildItem> resources, BuildProducer<AdditionalBeanBuildItem> beans) {
        Optional<String> path = config.path();
        if (path.isPresent() && capabilities.isPresent(Capability.REST)) {
            resources.produce(new AdditionalResourceClassBuildItem(
                    index.getIndex().getClassByName(BuiltInWebhookResource.class), path.get()));
            beans.produce(AdditionalBeanBuildItem.unremovableOf(BuiltInWebhookResource.class));
        }
    }

    /**
     * Without Quarkus REST the filter is not installed, so annotated resources would run unverified: fail the build
     * instead.
     */
    @BuildStep
    void requireRest(Capabilities capabilities, WebhookBuildTimeConfig config, CombinedIndexBuildItem index,
            BuildProducer<ValidationErrorBuildItem> errors) {
        if (capabilities.isPresent(Capability.REST)) {
            return;
        }
        List<String> receivers = receivers(config, index);
        if (!receivers.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(new ConfigurationException(
                    "Schematic webhook verification needs Quarkus REST (io.quarkus:quarkus-rest) for "
                            + String.join(", ", receivers) + "; add the dependency")));
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void requireSecret(Capabilities capabilities, WebhookBuildTimeConfig config, CombinedIndexBuildItem index,
            WebhookRecorder recorder) {
        List<String> receivers = receivers(config, index);
        if (capabilities.isPresent(Capability.REST) && !receivers.isEmpty()) {
            recorder.requireSecret(receivers);
        }
    }

    /** Where deliveries are received: annotated resources and the built-in endpoint, named for error messages. */
    private static List<String> receivers(WebhookBuildTimeConfig config, CombinedIndexBuildItem index) {
        List<String> receivers = new ArrayList<>();
        for (AnnotationInstance annotation : index.getIndex().getAnnotations(SCHEMATIC_WEBHOOK)) {
            AnnotationTarget target = annotation.target();
            if (target.kind() == AnnotationTarget.Kind.CLASS) {
                String name = target.asClass().name().toString();
                if (!name.equals(BuiltInWebhookResource.class.getName())) {
                    receivers.add(name);
                }
            } else if (target.kind() == AnnotationTarget.Kind.METHOD) {
                receivers.add(target.asMethod().declaringClass().name() + "#" + target.asMethod().name());
            }
        }
        config.path().ifPresent(path -> receivers.add("the built-in endpoint " + path));
        return receivers;
    }
}
