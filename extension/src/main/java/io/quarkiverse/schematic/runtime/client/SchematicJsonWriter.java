package io.quarkiverse.schematic.runtime.client;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkus.arc.Arc;

/**
 * Writes the request bodies of the two Schematic clients (the DTOs of this package) with the application's
 * {@code ObjectMapper}, as the REST Client's Jackson writer does, but with one {@code ObjectWriter}, built with the
 * first body (a first call that cannot connect needs no Jackson, as with the REST Client's writer): the REST Client's
 * writer looks up {@code @JsonView} on the invoked method's parameters by reflection on every call, about 10 % of an
 * uncached check's allocation (issue #10). Our DTOs have no views, so the JSON is the same. Registered for the REST
 * Client as a whole by the deployment module, like {@link SchematicJsonReader} (not with {@code @RegisterProvider},
 * which makes the REST Client copy all its writers on every call); any other type goes to the REST Client's writer.
 */
@Produces(MediaType.APPLICATION_JSON)
public class SchematicJsonWriter implements MessageBodyWriter<Object> {

    /**
     * Ahead of the REST Client's Jackson writer, which is registered for the same media type: the REST Client tries
     * the writer of the higher priority first (for readers it is the other way round, see {@link SchematicJsonReader}).
     */
    public static final int PRIORITY = Priorities.USER + 1000;

    private static final String OWN_PACKAGE = SchematicJsonWriter.class.getPackageName();

    /** Built with the first body; racing threads build equal writers. */
    private volatile ObjectWriter writer;

    /** Whether {@code type} is one of the clients' DTOs, which this writer and {@link SchematicJsonReader} handle. */
    static boolean isClientDto(Class<?> type) {
        return type.getPackageName().equals(OWN_PACKAGE);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isClientDto(type);
    }

    @Override
    public void writeTo(Object body, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        ObjectWriter json = writer;
        if (json == null) {
            json = Arc.container().instance(ObjectMapper.class).get().writer();
            writer = json;
        }
        out.write(json.writeValueAsBytes(body));
    }
}
