package io.quarkiverse.schematic.deployment;

import java.lang.reflect.Modifier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.WarningTier;
import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkiverse.schematic.runtime.config.SchematicFixedConfig;
import io.quarkiverse.schematic.runtime.sharedcache.CachedAnswer;
import io.quarkiverse.schematic.runtime.sharedcache.RedisConnection;
import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanGizmoAdaptor;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.gizmo.ClassCreator;
import io.quarkus.gizmo.FieldCreator;
import io.quarkus.gizmo.MethodCreator;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Redis for the shared flag-check cache ({@code quarkus.schematic.cache.backend=redis}) and for replicator mode
 * ({@code quarkus.schematic.local-evaluation.replicator.enabled=true}).
 * <p>
 * The Redis extension creates a client only for the names that beans inject, so this step generates the one bean
 * that injects the configured client ({@link RedisConnection}); the runtime finds it and builds the Redis cache or
 * reads the replicator's keys. The Redis classes are named as strings: this module must load without the optional
 * Redis client.
 */
class SharedCacheProcessor {

    static final String CONNECTION_CLASS = "io.quarkiverse.schematic.runtime.sharedcache.GeneratedRedisConnection";
    private static final String DATA_SOURCE = "io.quarkus.redis.datasource.ReactiveRedisDataSource";
    private static final String CLIENT_NAME = "io.quarkus.redis.client.RedisClientName";

    @BuildStep
    void redisConnection(SchematicBuildTimeConfig config, SchematicFixedConfig fixed, Capabilities capabilities,
            BuildProducer<GeneratedBeanBuildItem> generated, BuildProducer<UnremovableBeanBuildItem> unremovable,
            BuildProducer<ReflectiveClassBuildItem> reflection) {
        boolean sharedCache = config.cache().backend() == SchematicBuildTimeConfig.CacheBackend.REDIS;
        boolean replicator = fixed.localEvaluation().replicator().enabled();
        if (!sharedCache && !replicator) {
            return;
        }
        if (!capabilities.isPresent(Capability.REDIS_CLIENT)) {
            throw new ConfigurationException(sharedCache
                    ? ConfigNames.CACHE_BACKEND + "=redis needs the Redis client: add the io.quarkus:quarkus-redis-client"
                            + " extension to the application, or remove the property to cache flag checks in each process"
                    : ConfigNames.REPLICATOR_ENABLED + "=true needs the Redis client (the replicator writes into"
                            + " Redis): add the io.quarkus:quarkus-redis-client extension to the application, or remove"
                            + " the property to evaluate locally over this instance's own DataStream connection");
        }
        try (ClassCreator connection = ClassCreator.builder()
                .classOutput(new GeneratedBeanGizmoAdaptor(generated))
                .className(CONNECTION_CLASS)
                .interfaces(RedisConnection.class)
                .build()) {
            connection.addAnnotation(Singleton.class);
            FieldCreator field = connection.getFieldCreator("dataSource", DATA_SOURCE).setModifiers(0);
            field.addAnnotation(Inject.class);
            config.cache().redis().clientName()
                    .ifPresent(name -> field.addAnnotation(CLIENT_NAME).addValue("value", name));
            try (MethodCreator getter = connection.getMethodCreator("dataSource", DATA_SOURCE)
                    .setModifiers(Modifier.PUBLIC)) {
                getter.returnValue(getter.readInstanceField(field.getFieldDescriptor(),
                        getter.getThis()));
            }
            try (MethodCreator shared = connection.getMethodCreator("sharedCache", boolean.class)
                    .setModifiers(Modifier.PUBLIC)) {
                shared.returnValue(shared.load(sharedCache));
            }
        }
        unremovable.produce(UnremovableBeanBuildItem.beanTypes(RedisConnection.class));
        reflection.produce(ReflectiveClassBuildItem.builder(CachedAnswer.class, Entitlement.class, WarningTier.class)
                .constructors().methods().fields().build());
    }
}
