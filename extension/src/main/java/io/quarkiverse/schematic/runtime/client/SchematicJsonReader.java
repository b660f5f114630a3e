package io.quarkiverse.schematic.runtime.client;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.common.providers.serialisers.AbstractJsonMessageBodyReader;
import org.jboss.resteasy.reactive.common.util.EmptyInputStream;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.arc.Arc;

/**
 * Reads the answers of the two Schematic clients (the DTOs of this package) with the application's
 * {@code ObjectMapper}, as the REST Client's Jackson reader does (same handling of an empty body and of unreadable
 * JSON), but with one {@code ObjectReader} per answer type, built on the first answer of that type: the REST Client's
 * reader derives one from the answer's generic type and the method's annotations on every call (issue #10).
 * Registered for the REST Client as a whole by the deployment module ({@code SchematicProcessor.clientJson}), not with
 * {@code @RegisterProvider}: readers of a client's own make the REST Client copy all its readers on every call. Any
 * other type than our DTOs goes to the REST Client's reader.
 */
public class SchematicJsonReader extends AbstractJsonMessageBodyReader {

    /** Ahead of the REST Client's Jackson reader: the REST Client tries the reader of the lower priority first. */
    public static final int PRIORITY = Priorities.USER - 1000;

    private static final Logger LOG = Logger.getLogger(SchematicJsonReader.class);

    /** One per answer type of the client interfaces: a handful. */
    private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return SchematicJsonWriter.isClientDto(type) && super.isReadable(type, genericType, annotations, mediaType);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream in) throws IOException {
        if (in instanceof EmptyInputStream) {
            return null;
        }
        Type answerType = genericType == null ? type : genericType;
        ObjectReader reader = readers.get(answerType);
        if (reader == null) {
            reader = readers.computeIfAbsent(answerType, this::newReader);
        }
        try {
            return reader.readValue(in);
        } catch (JsonParseException e) {
            // as the REST Client's Jackson reader answers unreadable JSON
            LOG.debug("Server returned invalid json data", e);
            throw new ClientWebApplicationException(e, Response.Status.OK);
        }
    }

    private ObjectReader newReader(Type answerType) {
        // the application's mapper, taken with the first answer: a first call that cannot connect needs no Jackson
        ObjectMapper mapper = Arc.container().instance(ObjectMapper.class).get();
        return mapper.readerFor(mapper.getTypeFactory().constructType(answerType));
    }
}
