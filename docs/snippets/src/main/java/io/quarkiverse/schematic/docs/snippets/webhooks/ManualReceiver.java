package io.quarkiverse.schematic.docs.snippets.webhooks;

import java.util.function.Function;

import io.quarkiverse.schematic.webhook.SchematicWebhookEvent;
import io.quarkiverse.schematic.webhook.WebhookPayloadException;
import io.quarkiverse.schematic.webhook.WebhookVerificationException;
import io.quarkiverse.schematic.webhook.WebhookVerifier;

// tag::webhooks-manual[]
public class ManualReceiver {

    private final WebhookVerifier verifier;

    public ManualReceiver(String secret) {
        this.verifier = WebhookVerifier.create(secret); // 5 minute tolerance
        // .withTolerance(Duration.ofMinutes(10)), .withoutTimestampCheck(), .withPreviousSecret(old)
    }

    /** The status to answer a delivery with: its exact body bytes, its headers from whatever server you use. */
    public int receive(byte[] rawBody, Function<String, String> header) {
        try {
            SchematicWebhookEvent event = verifier.verifyAndParse(rawBody,
                    header.apply(WebhookVerifier.SIGNATURE_HEADER),
                    header.apply(WebhookVerifier.TIMESTAMP_HEADER));
            handle(event);
            return 200;
        } catch (WebhookVerificationException e) {
            // e.reason(): MISSING_SIGNATURE, MISSING_TIMESTAMP, MALFORMED_SIGNATURE, SIGNATURE_MISMATCH,
            //             MALFORMED_TIMESTAMP, TIMESTAMP_OUTSIDE_TOLERANCE
            return 401;
        } catch (WebhookPayloadException e) {
            // verified, but not a JSON object
            return 400;
        }
    }

    private void handle(SchematicWebhookEvent event) {
        // your code
    }
}
// end::webhooks-manual[]
