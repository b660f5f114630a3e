package io.quarkiverse.schematic.runtime.webhook;

import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem responses for rejected deliveries. They are the same whatever the reason, so a caller learns
 * nothing about which check failed; the reason is logged instead.
 */
final class WebhookProblems {

    private static final String PROBLEM_JSON = "application/problem+json";

    private WebhookProblems() {
    }

    static Response unauthorized() {
        return problem(Response.Status.UNAUTHORIZED, "Webhook signature verification failed");
    }

    static Response tooLarge() {
        return problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The webhook body is larger than accepted");
    }

    static Response badRequest() {
        return problem(Response.Status.BAD_REQUEST, "The webhook body is not a JSON object");
    }

    private static Response problem(Response.Status status, String detail) {
        String json = "{\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.getStatusCode()
                + ",\"detail\":\"" + detail + "\"}";
        return Response.status(status).type(PROBLEM_JSON).entity(json).build();
    }
}
