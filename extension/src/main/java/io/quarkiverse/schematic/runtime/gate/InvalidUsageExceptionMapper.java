package io.quarkiverse.schematic.runtime.gate;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Answers a missing or negative usage of a preflight gate with 400 and a problem+json body naming the parameter. */
public class InvalidUsageExceptionMapper implements ExceptionMapper<InvalidUsageException> {

    @Override
    public Response toResponse(InvalidUsageException invalid) {
        return Problems.problem(Response.Status.BAD_REQUEST, "Invalid usage", invalid.getMessage(), "parameter",
                invalid.parameter());
    }
}
