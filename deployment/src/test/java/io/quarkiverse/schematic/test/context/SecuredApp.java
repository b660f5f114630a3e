package io.quarkiverse.schematic.test.context;

import java.util.Arrays;

import io.quarkiverse.schematic.test.SchematicStub;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application on the Schematic stub with HTTP basic authentication: alice (tenant acme), bob (tenant globex) and
 * carol (no tenant), each with her name as password; {@link TenantAugmentor} sets the {@code tenant} attribute.
 */
final class SecuredApp {

    private SecuredApp() {
    }

    static QuarkusUnitTest app(Class<?>... classes) {
        Class<?>[] all = Arrays.copyOf(classes, classes.length + 2);
        all[classes.length] = SecuredApp.class;
        all[classes.length + 1] = TenantAugmentor.class;
        return SchematicStub.app(all)
                .overrideConfigKey("quarkus.http.test-port", "0")
                .overrideConfigKey("quarkus.http.auth.basic", "true")
                .overrideConfigKey("quarkus.security.users.embedded.enabled", "true")
                .overrideConfigKey("quarkus.security.users.embedded.plain-text", "true")
                .overrideConfigKey("quarkus.security.users.embedded.users.alice", "alice")
                .overrideConfigKey("quarkus.security.users.embedded.users.bob", "bob")
                .overrideConfigKey("quarkus.security.users.embedded.users.carol", "carol");
    }
}
