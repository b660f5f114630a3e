package io.quarkiverse.schematic.test.context;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.schematic.SchematicContext;
import io.quarkiverse.schematic.SchematicContextResolver;
import io.quarkus.security.identity.SecurityIdentity;

/** A custom mapping: company from the identity's tenant attribute, user keys {@code email} built from the name. */
@ApplicationScoped
public class TenantResolver implements SchematicContextResolver {

    @Inject
    SecurityIdentity identity;

    @Override
    public SchematicContext resolve() {
        if (identity.isAnonymous()) {
            return SchematicContext.EMPTY;
        }
        String tenant = identity.getAttribute("tenant");
        String name = identity.getPrincipal().getName();
        return SchematicContext.of(tenant == null ? Map.of() : Map.of("id", tenant),
                Map.of("email", name + "@example.com"));
    }
}
