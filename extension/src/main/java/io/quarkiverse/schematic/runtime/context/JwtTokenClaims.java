package io.quarkiverse.schematic.runtime.context;

import java.security.Principal;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads a claim from the {@link JsonWebToken} that SmallRye JWT makes the principal. */
@Singleton
public class JwtTokenClaims implements TokenClaims {

    @Override
    public Optional<String> claim(Principal principal, String name) {
        if (principal instanceof JsonWebToken token) {
            Object value = token.getClaim(name);
            if (value instanceof jakarta.json.JsonString text) {
                return Optional.of(text.getString());
            }
            return value == null ? Optional.empty() : Optional.of(value.toString());
        }
        return Optional.empty();
    }
}
