package io.quarkiverse.schematic.testing;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Resets {@link SchematicTestKit} before every {@code @QuarkusTest} method, so a flag set by one test never answers in
 * another. Registered as a service; a test without the kit is not affected.
 */
public class SchematicTestKitReset implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ArcContainer container = Arc.container();
        if (container == null) {
            return;
        }
        try (InstanceHandle<SchematicTestKit> kit = container.instance(SchematicTestKit.class)) {
            if (kit.isAvailable()) {
                kit.get().reset();
            }
        }
    }
}
