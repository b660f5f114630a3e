package io.quarkiverse.schematic.runtime.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyWriter;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.common.providers.serialisers.AbstractJsonMessageBodyReader;
import org.jboss.resteasy.reactive.common.util.EmptyInputStream;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkus.arc.Arc;

/**
 * Writes the request bodies and reads the answers of the two Schematic clients (the DTOs of this package) with the
 * application's {@code ObjectMapper}, as the REST Client's Jackson provider does, but with a writer and a reader per
 * answer type built once. The REST Client's provider looks up {@code @JsonView} on the invoked method's parameters by
 * reflection and derives a reader for the answer type on every call, about 10 % of an uncached check's allocation
 * (issue #10); our DTOs have no views, so the JSON is the same. Registered with {@code @RegisterProvider} on the client
 * interfaces only, ahead of the default provider; any other type goes to the default provider.
 */
public class SchematicJsonBodies extends AbstractJsonMessageBodyReader implements MessageBodyWriter<Object> {

    private static final Logger LOG = Logger.getLogger(SchematicJsonBodies.class);
    private static final String OWN_PACKAGE = SchematicJsonBodies.class.getPackageName();

    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    /** One per answer type of the client interfaces: a handful. */
    private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    /** Created by the REST Client when it builds a client, with CDI running. */
    public SchematicJsonBodies() {
        mapper = Arc.container().instance(ObjectMapper.class).get();
        writer = mapper.writer();
    }

    private static boolean ours(Class<?> type) {
        return type.getPackageName().equals(OWN_PACKAGE);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ours(type);
    }

    @Override
    public void writeTo(Object body, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(writer.writeValueAsBytes(body));
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ours(type) && super.isReadable(type, genericType, annotations, mediaType);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream in) throws IOException {
        if (in instanceof EmptyInputStream) {
            return null;
        }
        try {
            return readers.computeIfAbsent(genericType == null ? type : genericType,
                    answerType -> mapper.readerFor(mapper.getTypeFactory().constructType(answerType))).readValue(in);
        } catch (JsonParseException e) {
            // as the REST Client's Jackson reader answers unreadable JSON
            LOG.debug("Server returned invalid json data", e);
            throw new ClientWebApplicationException(e, Response.Status.OK);
        }
    }
}
