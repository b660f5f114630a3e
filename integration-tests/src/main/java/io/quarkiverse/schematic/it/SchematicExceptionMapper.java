package io.quarkiverse.schematic.it;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.quarkiverse.schematic.SchematicException;
import io.quarkiverse.schematic.SchematicHttpException;
import io.quarkiverse.schematic.SchematicOfflineException;

/**
 * How the demo turns a failed upsert into an HTTP answer.
 */
@Provider
public class SchematicExceptionMapper implements ExceptionMapper<SchematicException> {

    @Override
    public Response toResponse(SchematicException failure) {
        int status = failure instanceof SchematicOfflineException ? 503
                : failure instanceof SchematicHttpException http && http.statusCode() < 500 ? 400 : 502;
        return Response.status(status).entity(failure.getMessage()).build();
    }
}
