package io.quarkiverse.schematic.runtime.context;

import java.security.Principal;
import java.util.Optional;

/** Claims of a JSON Web Token principal; a bean only when the application has SmallRye JWT. */
public interface TokenClaims {

    /** The claim as text, if the principal is a JSON Web Token and has it. */
    Optional<String> claim(Principal principal, String name);
}
