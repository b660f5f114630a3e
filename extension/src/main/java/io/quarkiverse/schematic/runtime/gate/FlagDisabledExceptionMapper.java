package io.quarkiverse.schematic.runtime.gate;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import io.quarkiverse.schematic.FlagDisabledException;

/**
 * Answers a {@code @RequiresFlag} refusal with 403 and a problem+json body that names the flag and nothing else: no
 * reason, no ids, no error of the check.
 */
public class FlagDisabledExceptionMapper implements ExceptionMapper<FlagDisabledException> {

    @Override
    public Response toResponse(FlagDisabledException refused) {
        return Problems.problem(Response.Status.FORBIDDEN, "Feature not enabled",
                "The feature '" + refused.flag() + "' is not enabled for this caller", refused.flag());
    }
}
