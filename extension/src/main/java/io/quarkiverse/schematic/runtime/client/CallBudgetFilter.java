package io.quarkiverse.schematic.runtime.client;

import java.util.List;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import org.jboss.resteasy.reactive.client.impl.RestClientRequestContext;

import io.quarkiverse.schematic.SchematicConnectionException;

/**
 * Counts the attempts of a call against its {@link CallBudget}. HTTP answers are judged by
 * {@link SchematicErrorMapper}; a failure without any answer (connection refused or reset) is judged here, when
 * Fault Tolerance starts an attempt that the budget no longer allows.
 */
public class CallBudgetFilter implements ClientRequestFilter {

    /** Request property holding the number of the current attempt (Integer, from 1). */
    static final String ATTEMPT_PROPERTY = "io.quarkiverse.schematic.attempt";

    @Override
    public void filter(ClientRequestContext request) {
        CallBudget budget = budgetOf(request.getProperty(RestClientRequestContext.INVOKED_METHOD_PARAMETERS_PROP));
        if (budget == null) {
            return;
        }
        int attempt = budget.startAttempt();
        if (attempt > 1 && !budget.allowsRetryAfter(attempt - 1)) {
            throw new SchematicConnectionException(
                    "No answer from Schematic after " + (attempt - 1) + " attempt(s); the request's retry budget is spent",
                    null);
        }
        request.setProperty(ATTEMPT_PROPERTY, attempt);
    }

    /** The budget among the invoked method's parameters, or {@code null}. */
    static CallBudget budgetOf(Object invokedParameters) {
        // Quarkus REST Client stores the invoked method's arguments as a List
        if (invokedParameters instanceof List<?> parameters) {
            for (Object parameter : parameters) {
                if (parameter instanceof CallBudget budget) {
                    return budget;
                }
            }
        }
        return null;
    }
}
