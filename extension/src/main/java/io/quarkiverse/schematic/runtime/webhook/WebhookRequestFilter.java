package io.quarkiverse.schematic.runtime.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestFilter;

import io.quarkiverse.schematic.runtime.SchematicConfig;
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

    private final WebhookVerifier verifier;
    private final long maxBodySize;

    public WebhookRequestFilter(WebhookVerifier verifier, SchematicConfig config) {
        this.verifier = verifier;
        this.maxBodySize = config.webhook().maxBodySize().asLongValue();
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
        if (request.getLength() > maxBodySize) {
            tooLarge(request);
            return;
        }
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        if (BlockingOperationControl.isBlockingAllowed() || context.hasInputStream()) {
            accept(request, readBlocking(request), signature, timestamp);
        } else {
            request.suspend();
            AsyncBody.read(context.serverRequest(), maxBodySize, body -> {
                if (accept(request, body, signature, timestamp)) {
                    request.resume();
                }
            });
        }
    }

    private byte[] readBlocking(ResteasyReactiveContainerRequestContext request) {
        try {
            return BoundedBody.read(request.getEntityStream(), maxBodySize);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the webhook body", e);
        }
    }

    /** Lets the request through with the verified body, or aborts it; {@code body} is null when too large. */
    private boolean accept(ResteasyReactiveContainerRequestContext request, byte[] body, String signature,
            String timestamp) {
        if (body == null) {
            tooLarge(request);
            return false;
        }
        try {
            verifier.verify(body, signature, timestamp);
        } catch (WebhookVerificationException e) {
            reject(request, e.reason());
            return false;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        return true;
    }

    private void reject(ResteasyReactiveContainerRequestContext request, Reason reason) {
        // A wrong signature or a stale timestamp usually means a misconfigured secret, a clock problem or a replay,
        // which operators need to see; unsigned or garbled requests are mostly noise from scanners.
        boolean noteworthy = reason == Reason.SIGNATURE_MISMATCH || reason == Reason.TIMESTAMP_OUTSIDE_TOLERANCE;
        LOG.logf(noteworthy ? Logger.Level.WARN : Logger.Level.DEBUG, "Rejected a Schematic webhook delivery to %s: %s",
                request.getUriInfo().getPath(), reason);
        request.abortWith(WebhookProblems.unauthorized());
    }

    private void tooLarge(ResteasyReactiveContainerRequestContext request) {
        LOG.debugf("Rejected a Schematic webhook delivery to %s: body larger than %d bytes",
                request.getUriInfo().getPath(), maxBodySize);
        request.abortWith(WebhookProblems.tooLarge());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
