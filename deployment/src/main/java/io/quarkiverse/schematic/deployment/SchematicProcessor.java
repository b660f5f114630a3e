package io.quarkiverse.schematic.deployment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.spi.RestClientListener;

import io.quarkiverse.schematic.WarningTier;
import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesCompanyMetric;
import io.quarkiverse.schematic.rules.RulesCondition;
import io.quarkiverse.schematic.rules.RulesConditionGroup;
import io.quarkiverse.schematic.rules.RulesEntitlement;
import io.quarkiverse.schematic.rules.RulesFlag;
import io.quarkiverse.schematic.rules.RulesRule;
import io.quarkiverse.schematic.rules.RulesSubscription;
import io.quarkiverse.schematic.rules.RulesTrait;
import io.quarkiverse.schematic.rules.RulesTraitDefinition;
import io.quarkiverse.schematic.rules.RulesUser;
import io.quarkiverse.schematic.runtime.SchematicProducer;
import io.quarkiverse.schematic.runtime.SchematicRecorder;
import io.quarkiverse.schematic.runtime.client.AccessTokenData;
import io.quarkiverse.schematic.runtime.client.AccessTokenRequest;
import io.quarkiverse.schematic.runtime.client.ApiKeyRefusals;
import io.quarkiverse.schematic.runtime.client.CallBudgetFilter;
import io.quarkiverse.schematic.runtime.client.CapturedEvent;
import io.quarkiverse.schematic.runtime.client.CheckFlagRequest;
import io.quarkiverse.schematic.runtime.client.EntityData;
import io.quarkiverse.schematic.runtime.client.Envelope;
import io.quarkiverse.schematic.runtime.client.EventBatch;
import io.quarkiverse.schematic.runtime.client.EventCaptureApi;
import io.quarkiverse.schematic.runtime.client.FeatureUsageData;
import io.quarkiverse.schematic.runtime.client.FeatureUsageListData;
import io.quarkiverse.schematic.runtime.client.FlagCheckBody;
import io.quarkiverse.schematic.runtime.client.FlagCheckData;
import io.quarkiverse.schematic.runtime.client.FlagsBulkData;
import io.quarkiverse.schematic.runtime.client.FlagsBulkRequest;
import io.quarkiverse.schematic.runtime.client.FlagsCheckData;
import io.quarkiverse.schematic.runtime.client.IdentifyBody;
import io.quarkiverse.schematic.runtime.client.KeysRequest;
import io.quarkiverse.schematic.runtime.client.PreflightBody;
import io.quarkiverse.schematic.runtime.client.RetryableFailure;
import io.quarkiverse.schematic.runtime.client.SchematicApi;
import io.quarkiverse.schematic.runtime.client.SchematicBackoff;
import io.quarkiverse.schematic.runtime.client.SchematicClientListener;
import io.quarkiverse.schematic.runtime.client.SchematicErrorMapper;
import io.quarkiverse.schematic.runtime.client.SchematicJsonReader;
import io.quarkiverse.schematic.runtime.client.SchematicJsonWriter;
import io.quarkiverse.schematic.runtime.client.TrackBody;
import io.quarkiverse.schematic.runtime.client.TraitUpdateRequest;
import io.quarkiverse.schematic.runtime.client.UpsertCompanyRequest;
import io.quarkiverse.schematic.runtime.client.UpsertUserRequest;
import io.quarkiverse.schematic.runtime.client.WireTimeDeserializer;
import io.quarkiverse.schematic.runtime.config.SchematicConfigBuilder;
import io.quarkiverse.schematic.runtime.datastream.ClientMessage;
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkiverse.schematic.runtime.datastream.ServerMessage;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigBuilderBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ServiceProviderBuildItem;
import io.quarkus.resteasy.reactive.spi.MessageBodyReaderBuildItem;
import io.quarkus.resteasy.reactive.spi.MessageBodyWriterBuildItem;

/**
 * Build steps of the core extension: feature, beans, configuration bridge, start-up validation, native
 * registrations.
 */
public class SchematicProcessor {

    public static final String FEATURE = "schematic";

    /** Classes Jackson (de)serializes or Fault Tolerance instantiates reflectively. */
    static final Class<?>[] REFLECTIVE_CLASSES = {
            Envelope.class, CheckFlagRequest.class, PreflightBody.class, PreflightBody.EventUsage.class,
            FlagCheckData.class, RulesEntitlement.class, WarningTier.class, FlagsCheckData.class,
            FlagsCheckData.PlanData.class, FlagsCheckData.CreditBalanceData.class, FlagsBulkRequest.class,
            FlagsBulkData.class, EntityData.class,
            EntityData.KeyData.class, UpsertCompanyRequest.class, UpsertUserRequest.class, EventBatch.class,
            CapturedEvent.class, IdentifyBody.class, IdentifyBody.CompanyBody.class, TrackBody.class,
            RetryableFailure.class, SchematicBackoff.class, FlagCheckBody.class, WireTimeDeserializer.class,
            // local evaluation: DataStream messages and the entities they carry
            ServerMessage.class, ClientMessage.class, ClientMessage.Request.class, RulesFlag.class, RulesRule.class,
            RulesCondition.class, RulesConditionGroup.class, RulesTraitDefinition.class, RulesCompany.class,
            RulesCompanyMetric.class, RulesEntitlement.class, WarningTier.class, RulesTrait.class,
            RulesSubscription.class, RulesUser.class };

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem beans() {
        return AdditionalBeanBuildItem.builder().addBeanClasses(SchematicProducer.class, ApiKeyRefusals.class,
                LocalEvaluation.class)
                .setUnremovable().build();
    }

    /** The REST client interfaces and their providers live in the runtime jar, which has no index of its own. */
    @BuildStep
    AdditionalIndexedClassesBuildItem restClients() {
        return new AdditionalIndexedClassesBuildItem(SchematicApi.class.getName(), EventCaptureApi.class.getName(),
                SchematicErrorMapper.class.getName(), CallBudgetFilter.class.getName());
    }

    /**
     * Our JSON reader and writer, for the REST Client as a whole rather than with {@code @RegisterProvider} on our
     * interfaces: a client with readers or writers of its own makes the REST Client copy every registered reader
     * (writer) into a new map on each call to pick one, a few KB per call (issue #10). They handle only the DTOs of our
     * clients' package and leave any other type to the REST Client's Jackson providers, which they precede (not
     * built-in).
     */
    @BuildStep
    void clientJson(BuildProducer<AdditionalBeanBuildItem> beans, BuildProducer<MessageBodyReaderBuildItem> readers,
            BuildProducer<MessageBodyWriterBuildItem> writers) {
        beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(SchematicJsonReader.class, SchematicJsonWriter.class)
                .setUnremovable().build());
        readers.produce(new MessageBodyReaderBuildItem.Builder(SchematicJsonReader.class.getName(), Object.class.getName())
                .setMediaTypeStrings(List.of(MediaType.APPLICATION_JSON)).setRuntimeType(RuntimeType.CLIENT)
                .setPriority(SchematicJsonReader.PRIORITY).build());
        writers.produce(new MessageBodyWriterBuildItem.Builder(SchematicJsonWriter.class.getName(), Object.class.getName())
                .setMediaTypeStrings(List.of(MediaType.APPLICATION_JSON)).setRuntimeType(RuntimeType.CLIENT)
                .setPriority(SchematicJsonWriter.PRIORITY).build());
    }

    @BuildStep
    RunTimeConfigBuilderBuildItem clientConfig() {
        return new RunTimeConfigBuilderBuildItem(SchematicConfigBuilder.class);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void validateConfig(SchematicRecorder recorder) {
        recorder.validateConfig();
    }

    @BuildStep
    ReflectiveClassBuildItem reflection() {
        return ReflectiveClassBuildItem.builder(withSuperclasses(REFLECTIVE_CLASSES)).constructors().methods().fields()
                .build();
    }

    /**
     * The names of these classes and of their superclasses of this extension: Jackson reads the accessors a
     * (possibly package-private) superclass declares, such as the id every rules entity inherits.
     */
    static String[] withSuperclasses(Class<?>[] classes) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            for (Class<?> c = type; c != null && c.getName().startsWith("io.quarkiverse.schematic."); c = c
                    .getSuperclass()) {
                names.add(c.getName());
            }
        }
        return names.toArray(new String[0]);
    }

    /** The DTOs of the account calls ({@code SchematicAccounts}): access tokens, feature usage, deletes, traits. */
    static final Class<?>[] ACCOUNT_CLASSES = {
            AccessTokenRequest.class, AccessTokenData.class, FeatureUsageListData.class, FeatureUsageData.class,
            FeatureUsageData.FeatureData.class, FeatureUsageData.FlagData.class, FeatureUsageData.PlanData.class,
            KeysRequest.class, TraitUpdateRequest.class };

    @BuildStep
    ReflectiveClassBuildItem accountReflection() {
        return ReflectiveClassBuildItem.builder(ACCOUNT_CLASSES).constructors().methods().fields().build();
    }

    /** The REST Client finds listeners with the ServiceLoader: a native image needs the service registered. */
    @BuildStep
    ServiceProviderBuildItem clientListener() {
        return new ServiceProviderBuildItem(RestClientListener.class.getName(), SchematicClientListener.class.getName());
    }
}
