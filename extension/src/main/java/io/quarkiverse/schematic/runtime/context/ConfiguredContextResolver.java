package io.quarkiverse.schematic.runtime.context;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.inject.Instance;

import io.quarkiverse.schematic.SchematicContext;
import io.quarkiverse.schematic.SchematicContextResolver;
import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkiverse.schematic.runtime.config.SchematicConfig.ContextConfig;
import io.quarkiverse.schematic.runtime.config.SchematicConfig.KeyMappingConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The mapping of {@code quarkus.schematic.context.*}: each of company and user keys is one key whose value comes from a
 * JWT claim, a {@code SecurityIdentity} attribute, a request header or the principal name. A source that has no value
 * for this request gives no keys.
 */
final class ConfiguredContextResolver implements SchematicContextResolver {

    private final Function<Request, Optional<String>> company;
    private final String companyKey;
    private final Function<Request, Optional<String>> user;
    private final String userKey;
    private final Instance<SecurityIdentity> identity;

    ConfiguredContextResolver(ContextConfig config, Instance<SecurityIdentity> identity,
            Optional<RequestHeaders> headers, Optional<TokenClaims> claims) {
        this.identity = identity;
        this.company = source(config.company(), ConfigNames.CONTEXT_COMPANY, identity, headers, claims);
        this.companyKey = config.company().keyName();
        this.user = source(config.user(), ConfigNames.CONTEXT_USER, identity, headers, claims);
        this.userKey = config.user().keyName();
    }

    /** What one request offers, looked up only when a source needs it. */
    private static final class Request {
        private final Instance<SecurityIdentity> identityBean;
        private SecurityIdentity identity;

        Request(Instance<SecurityIdentity> identityBean) {
            this.identityBean = identityBean;
        }

        /** The authenticated caller, or nothing for an anonymous one. */
        Optional<SecurityIdentity> identity() {
            if (identity == null) {
                identity = identityBean.get();
            }
            return identity.isAnonymous() ? Optional.empty() : Optional.of(identity);
        }
    }

    /**
     * Throws when the mapping needs what the application lacks: at start-up from {@code CallerContextRecorder}, with
     * the beans the build found, and again when the resolver is created.
     *
     * @param headers whether the application serves HTTP requests whose headers can be read
     * @param identity whether Quarkus security provides the caller's identity
     * @param claims whether quarkus-smallrye-jwt provides token claims
     */
    static void check(ContextConfig config, boolean headers, boolean identity, boolean claims) {
        check(config.company(), ConfigNames.CONTEXT_COMPANY, headers, identity, claims);
        check(config.user(), ConfigNames.CONTEXT_USER, headers, identity, claims);
    }

    private static void check(KeyMappingConfig mapping, String prefix, boolean headers, boolean identity,
            boolean claims) {
        if (mapping.header().isPresent()) {
            if (!headers) {
                throw new ConfigurationException(prefix + ".header needs an HTTP server in the application (e.g."
                        + " quarkus-rest)");
            }
            return;
        }
        boolean needsIdentity = mapping.claim().isPresent() || mapping.attribute().isPresent() || mapping.principal();
        if (needsIdentity && !identity) {
            throw new ConfigurationException(prefix + " reads the caller's identity, which needs Quarkus security in"
                    + " the application (e.g. quarkus-rest with an authentication mechanism)");
        }
        if (mapping.claim().isPresent() && !claims) {
            throw new ConfigurationException(prefix + ".claim needs quarkus-smallrye-jwt in the application");
        }
    }

    private static Function<Request, Optional<String>> source(KeyMappingConfig mapping, String prefix,
            Instance<SecurityIdentity> identity, Optional<RequestHeaders> headers, Optional<TokenClaims> claims) {
        check(mapping, prefix, headers.isPresent(), identity.isResolvable(), claims.isPresent());
        if (mapping.header().isPresent()) {
            String name = mapping.header().get();
            RequestHeaders available = headers.get();
            return request -> available.header(name);
        }
        if (mapping.claim().isPresent()) {
            String name = mapping.claim().get();
            TokenClaims available = claims.get();
            return request -> request.identity().flatMap(caller -> available.claim(caller.getPrincipal(), name));
        }
        if (mapping.attribute().isPresent()) {
            String name = mapping.attribute().get();
            return request -> request.identity().map(caller -> caller.getAttribute(name)).map(Object::toString);
        }
        if (mapping.principal()) {
            return request -> request.identity().map(caller -> caller.getPrincipal().getName());
        }
        return request -> Optional.empty();
    }

    @Override
    public SchematicContext resolve() {
        Request request = new Request(identity);
        return new SchematicContext(keys(companyKey, company.apply(request)), keys(userKey, user.apply(request)));
    }

    private static Map<String, String> keys(String name, Optional<String> value) {
        return value.filter(text -> !text.isBlank()).map(text -> Map.of(name, text)).orElse(Map.of());
    }
}
