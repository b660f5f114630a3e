package io.quarkiverse.schematic.runtime.gate;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Singleton;

import io.quarkiverse.schematic.FlagValue;
import io.quarkiverse.schematic.SchematicFlag;
import io.quarkiverse.schematic.SchematicService;

/** Produces {@code @SchematicFlag("...") FlagValue} for any flag name (the qualifier's value is non-binding). */
@Singleton
public class FlagValueProducer {

    @Produces
    @Dependent
    @SchematicFlag("")
    FlagValue flag(InjectionPoint injectionPoint, SchematicService schematic) {
        String flag = injectionPoint.getQualifiers().stream().filter(SchematicFlag.class::isInstance)
                .map(SchematicFlag.class::cast).findFirst().orElseThrow().value();
        return new CallerFlagValue(flag, schematic);
    }
}
