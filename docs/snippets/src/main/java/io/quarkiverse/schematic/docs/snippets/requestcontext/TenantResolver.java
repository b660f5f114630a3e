package io.quarkiverse.schematic.docs.snippets.requestcontext;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.schematic.SchematicContext;
import io.quarkiverse.schematic.SchematicContextResolver;
import io.quarkus.security.identity.SecurityIdentity;

// tag::custom-resolver[]
@ApplicationScoped
public class TenantResolver implements SchematicContextResolver {

    @Inject
    SecurityIdentity identity;

    @Override
    public SchematicContext resolve() { // once per request; must not block
        if (identity.isAnonymous()) {
            return SchematicContext.EMPTY;
        }
        String tenant = identity.getAttribute("tenant");
        String email = identity.getAttribute("email");
        return SchematicContext.of(tenant == null ? Map.of() : Map.of("id", tenant, "region", "eu"),
                email == null ? Map.of() : Map.of("email", email));
    }
}
// end::custom-resolver[]
