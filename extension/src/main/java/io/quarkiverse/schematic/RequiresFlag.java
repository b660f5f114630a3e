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
 * <h2>Preflight form</h2>
 * For a metered feature, {@code @RequiresFlag(value = "exports", usageParam = "rows")} asks whether an action of the
 * size given by the method parameter {@code rows} (a {@code long}, {@code int}, {@code Long} or {@code Integer}) would
 * be allowed: a preflight check ({@link SchematicService#checkFlagForCaller(String, Preflight)} with
 * {@link Preflight#usage(long)}), never cached. A {@code null} or negative value refuses the call with an
 * {@link IllegalArgumentException} naming the parameter; a JAX-RS caller gets {@code 400} with a problem+json body.
 * <p>
 * <strong>The usage is asserted by whoever supplies the argument.</strong> When it comes from the request (typically a
 * {@code @QueryParam}) the client chooses it and can send a small number to pass the gate. That makes the gate a good
 * pre-check for the user experience (refuse early, before work is done), not an enforcement: meter what was really
 * used with {@link SchematicService#track} and enforce the limit where the real size is known. Prefer a boxed
 * {@code Long}/{@code Integer} for a request parameter: JAX-RS passes {@code 0} for a missing primitive one.
 * <p>
 * Misuse fails the build: a blank flag name, an annotation on a private or static method, a {@code usageParam} on a
 * class or naming no numeric parameter of the method. A flag name that is not among the flags the configuration knows
 * ({@code quarkus.schematic.flag-defaults}, the dev service's flags) is reported at build time.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RequiresFlag {

    /** The flag key, e.g. {@code "new-dashboard"}. */
    @Nonbinding
    String value();

    /**
     * The name of the method parameter holding the size of the action, for a preflight check; empty (the default)
     * for a plain flag check. See the class documentation: the value is asserted by the caller.
     */
    @Nonbinding
    String usageParam() default "";
}
