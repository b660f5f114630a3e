package io.quarkiverse.schematic.runtime.client;

import java.time.Clock;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.client.impl.RestClientRequestContext;

import io.quarkiverse.schematic.SchematicClientErrorException;
import io.quarkiverse.schematic.SchematicHttpException;
import io.quarkus.rest.client.reactive.runtime.ResteasyReactiveResponseExceptionMapper;

/**
 * Turns every HTTP error answer of Schematic into a {@link SchematicHttpException} carrying the status and the body:
 * {@link SchematicClientErrorException} for 4xx that will not change on retry; for 408, 429 and 5xx a
 * {@link SchematicHttpException} wrapped in the internal {@link TransientHttpException}, which adds the
 * {@code Retry-After} delay and whether the call's budget allows a retry.
 */
public class SchematicErrorMapper implements ResteasyReactiveResponseExceptionMapper<RuntimeException> {

    /** Longest body kept in an exception: enough for an error message, bounded for a huge error page. */
    static final int MAX_BODY_CHARS = 2048;

    @Override
    public RuntimeException toThrowable(Response response, RestClientRequestContext context) {
        int status = response.getStatus();
        String operation = context.getInvokedMethod() == null ? "Schematic call" : context.getInvokedMethod().getName();
        String body = readBody(response);
        if (status == 408 || status == 429 || status >= 500) {
            Object attempt = context.getProperties().get(CallBudgetFilter.ATTEMPT_PROPERTY);
            CallBudget budget = CallBudgetFilter.budgetOf(
                    context.getProperties().get(RestClientRequestContext.INVOKED_METHOD_PARAMETERS_PROP));
            boolean retryAllowed = budget == null || !(attempt instanceof Integer number) || budget.allowsRetryAfter(number);
            return new TransientHttpException(new SchematicHttpException(operation, status, body),
                    RetryAfter.parse(response.getHeaderString("Retry-After"), Clock.systemUTC()), retryAllowed);
        }
        return new SchematicClientErrorException(operation, status, body);
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    private static String readBody(Response response) {
        if (!response.hasEntity()) {
            return "";
        }
        try {
            String body = response.readEntity(String.class);
            if (body == null) {
                return "";
            }
            return body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) + "..." : body;
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
