package io.quarkiverse.schematic;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Runs the annotated method (or every business method of the annotated class) only when the flag is on for the
 * {@linkplain SchematicContext caller}. When it is off the method does not run: a CDI caller gets a
 * {@link FlagDisabledException}, a JAX-RS (Quarkus REST) caller a {@code 403} answer with an
 * {@code application/problem+json} body that names the flag and nothing else.
 * <p>
 * The check is an ordinary flag check ({@link SchematicService#checkFlagForCaller}): when Schematic cannot answer it
 * uses the cache, then the flag's default. Methods returning {@code Uni} or {@code CompletionStage} are checked
 * without blocking, through {@link ReactiveSchematicService}. A method-level annotation replaces the class-level one.
 * <p>
 * Misuse fails the build: a blank flag name, an annotation on a private or static method. A flag name that is not
 * among the flags the configuration knows ({@code quarkus.schematic.flag-defaults}, the dev service's flags) is
 * reported at build time.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RequiresFlag {

    /** The flag key, e.g. {@code "new-dashboard"}. */
    @Nonbinding
    String value();
}
