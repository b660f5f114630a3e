package io.quarkiverse.schematic.runtime.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestFilter;

import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.webhook.SchematicWebhook;
import io.quarkiverse.schematic.webhook.WebhookVerificationException;
import io.quarkiverse.schematic.webhook.WebhookVerificationException.Reason;
import io.quarkiverse.schematic.webhook.WebhookVerifier;
import io.quarkus.runtime.BlockingOperationControl;

/**
 * Verifies each request to a resource annotated with {@link SchematicWebhook} before the resource runs: 401 for a
 * missing or wrong signature or a stale timestamp, 413 for an oversized body. The body is read here, bounded, and put
 * back as an in-memory stream, so the resource reads exactly the bytes that were verified.
 * <p>
 * Quarkus REST runs request filters on the thread the resource will run on. On a worker thread the body is read
 * with a blocking read; on the I/O thread (non-blocking resources) the request is suspended while the body arrives.
 */
@Singleton
public class WebhookRequestFilter implements ResteasyReactiveContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(WebhookRequestFilter.class);

    // Quarkus REST creates filters at static init, before runtime configuration exists: resolved on first use.
    private final Provider<WebhookVerifier> verifierProvider;
    private final Provider<SchematicConfig> configProvider;
    private volatile Settings settings;

    public WebhookRequestFilter(Provider<WebhookVerifier> verifier, Provider<SchematicConfig> config) {
        this.verifierProvider = verifier;
        this.configProvider = config;
    }

    private record Settings(WebhookVerifier verifier, long maxBodySize) {
    }

    private Settings settings() {
        Settings resolved = settings;
        if (resolved == null) {
            // A race only resolves the same values twice.
            resolved = new Settings(verifierProvider.get(),
                    configProvider.get().webhook().maxBodySize().asLongValue());
            settings = resolved;
        }
        return resolved;
    }

    @Override
    public void filter(ResteasyReactiveContainerRequestContext request) {
        String signature = request.getHeaderString(WebhookVerifier.SIGNATURE_HEADER);
        String timestamp = request.getHeaderString(WebhookVerifier.TIMESTAMP_HEADER);
        // Unsigned requests are turned away before anything of their body is read.
        if (isBlank(signature)) {
            reject(request, Reason.MISSING_SIGNATURE);
            return;
        }
        if (isBlank(timestamp)) {
            reject(request, Reason.MISSING_TIMESTAMP);
            return;
        }
        long maxBodySize = settings().maxBodySize();
        if (request.getLength() > maxBodySize) {
            tooLarge(request, maxBodySize);
            return;
        }
        Delivery delivery = new Delivery(request, signature, timestamp, maxBodySize);
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        // A body another filter already put in memory can be read on any thread.
        if (BlockingOperationControl.isBlockingAllowed() || context.hasInputStream()) {
            accept(delivery, readBlocking(request, maxBodySize));
        } else {
            request.suspend();
            AsyncBody.read(context.serverRequest(), maxBodySize, body -> {
                if (accept(delivery, body)) {
                    request.resume();
                }
            });
        }
    }

    private record Delivery(ResteasyReactiveContainerRequestContext request, String signature, String timestamp,
            long maxBodySize) {
    }

    private static byte[] readBlocking(ResteasyReactiveContainerRequestContext request, long maxBodySize) {
        try {
            return BoundedBody.read(request.getEntityStream(), maxBodySize);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the webhook body", e);
        }
    }

    /** Lets the request through with the verified body, or aborts it; {@code body} is null when too large. */
    private boolean accept(Delivery delivery, byte[] body) {
        if (body == null) {
            tooLarge(delivery.request(), delivery.maxBodySize());
            return false;
        }
        try {
            settings().verifier().verify(body, delivery.signature(), delivery.timestamp());
        } catch (WebhookVerificationException e) {
            reject(delivery.request(), e.reason());
            return false;
        }
        delivery.request().setEntityStream(new ByteArrayInputStream(body));
        return true;
    }

    private static void reject(ResteasyReactiveContainerRequestContext request, Reason reason) {
        // A wrong signature or a stale timestamp usually means a misconfigured secret, a clock problem or a replay,
        // which operators need to see; unsigned or garbled requests are mostly noise from scanners.
        boolean noteworthy = reason == Reason.SIGNATURE_MISMATCH || reason == Reason.TIMESTAMP_OUTSIDE_TOLERANCE;
        LOG.logf(noteworthy ? Logger.Level.WARN : Logger.Level.DEBUG, "Rejected a Schematic webhook delivery to %s: %s",
                request.getUriInfo().getPath(), reason);
        request.abortWith(WebhookProblems.unauthorized());
    }

    private static void tooLarge(ResteasyReactiveContainerRequestContext request, long maxBodySize) {
        LOG.debugf("Rejected a Schematic webhook delivery to %s: body larger than %d bytes",
                request.getUriInfo().getPath(), maxBodySize);
        request.abortWith(WebhookProblems.tooLarge());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
