package io.quarkiverse.schematic.test.context;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Gives authenticated test users a {@code tenant} attribute, as an application's augmentor would. */
@ApplicationScoped
public class TenantAugmentor implements SecurityIdentityAugmentor {

    /** alice and bob have companies; carol has none. */
    static final Map<String, String> TENANTS = Map.of("alice", "acme", "bob", "globex");

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !TENANTS.containsKey(identity.getPrincipal().getName())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute("tenant", TENANTS.get(identity.getPrincipal().getName())).build());
    }
}
