package io.quarkiverse.schematic.webhook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Protects a JAX-RS resource class or method: each request must carry a valid Schematic webhook signature and a recent
 * timestamp, checked with {@code quarkus.schematic.webhook.secret} before the resource runs. A rejected request is
 * answered with 401 (413 when the body is larger than {@code quarkus.schematic.webhook.max-body-size}). The resource
 * still reads the exact raw body, as a {@code String}, {@code byte[]}, {@code InputStream}, JSON object or
 * {@link SchematicWebhookEvent}.
 * <p>
 * Requires Quarkus REST ({@code quarkus-rest}); start-up fails when no secret is configured.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface SchematicWebhook {
}
