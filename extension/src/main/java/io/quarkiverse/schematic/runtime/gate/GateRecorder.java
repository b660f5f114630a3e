package io.quarkiverse.schematic.runtime.gate;

import java.util.Map;
import java.util.function.Supplier;

import io.quarkus.runtime.annotations.Recorder;

/** Hands the usage parameters the build resolved to the {@code @RequiresFlag} interceptor. */
@Recorder
public class GateRecorder {

    public Supplier<UsageParameters> usageParameters(Map<String, Integer> positions) {
        UsageParameters parameters = new UsageParameters(positions);
        return () -> parameters;
    }
}
