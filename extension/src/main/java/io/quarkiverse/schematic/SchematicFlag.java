package io.quarkiverse.schematic;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

/**
 * Injects a live flag: {@code @Inject @SchematicFlag("beta") FlagValue beta;}. Each {@link FlagValue#get()} checks the
 * flag again for the current {@linkplain SchematicContext caller}, so the value is never stale.
 * <p>
 * Only {@link FlagValue} can be injected: a {@code boolean} or {@code Boolean} would be evaluated once, when the bean
 * is created, and keep that value; the build fails with a message saying so.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD })
public @interface SchematicFlag {

    /** The flag key, e.g. {@code "beta"}. */
    @Nonbinding
    String value();
}
