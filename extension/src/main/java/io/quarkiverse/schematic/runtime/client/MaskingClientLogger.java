package io.quarkiverse.schematic.runtime.client;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.ClientLogger;
import org.jboss.resteasy.reactive.client.logging.DefaultClientLogger;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * REST Client request/response logging ({@code quarkus.rest-client.schematic*.logging.scope}) of the two Schematic
 * clients, in the format of the REST Client's own logger, but with the secrets that travel in bodies masked: the API
 * key inside every captured event ({@code "api_key"}) and temporary access tokens ({@code "token"}). Headers named in
 * {@code logging.masked-headers} (the extension puts the API key header there) are masked as usual.
 * <p>
 * A body is masked before it is cut to {@code logging.body-limit}, so a cut can never leave part of a secret behind.
 */
public final class MaskingClientLogger implements ClientLogger {

    /** The REST Client's own category, so that logging configuration written for it applies here too. */
    private static final Logger LOG = Logger.getLogger(DefaultClientLogger.class);
    private static final String MASK = "****";
    /** A JSON string member named {@code api_key} or {@code token}; group 1 is everything before the value. */
    private static final Pattern SECRET_MEMBER = Pattern
            .compile("(\"(?:api_key|token)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    private volatile int bodySize;
    private volatile Set<String> maskedHeaders = Set.of();

    @Override
    public void setBodySize(int bodySize) {
        this.bodySize = bodySize;
    }

    @Override
    public void setMaskedHeaders(Set<String> maskedHeaders) {
        this.maskedHeaders = maskedHeaders.stream().map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void logRequest(HttpClientRequest request, Buffer body, boolean omitBody) {
        if (omitBody) {
            LOG.infof("Request: %s %s Headers[%s], Body omitted", request.getMethod(), request.absoluteURI(),
                    headers(request.headers()));
        } else if (body == null || body.length() == 0) {
            LOG.infof("Request: %s %s Headers[%s], Empty body", request.getMethod(), request.absoluteURI(),
                    headers(request.headers()));
        } else {
            LOG.infof("Request: %s %s Headers[%s], Body:\n%s", request.getMethod(), request.absoluteURI(),
                    headers(request.headers()), body(body));
        }
    }

    @Override
    public void logResponse(HttpClientResponse response, boolean redirect) {
        response.bodyHandler(body -> LOG.infof("%s: %s %s, Status[%d %s], Headers[%s], Body:\n%s",
                redirect ? "Redirect" : "Response", response.request().getMethod(), response.request().absoluteURI(),
                response.statusCode(), response.statusMessage(), headers(response.headers()), body(body)));
    }

    /** The body as text with every secret member masked, then cut to the configured size (0: no limit). */
    String body(Buffer body) {
        if (body == null) {
            return "";
        }
        String masked = masked(body.toString());
        return bodySize > 0 && masked.length() > bodySize ? masked.substring(0, bodySize) : masked;
    }

    static String masked(String text) {
        return SECRET_MEMBER.matcher(text).replaceAll("$1\"" + MASK + "\"");
    }

    private String headers(MultiMap headers) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> header : headers) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            boolean masked = maskedHeaders.contains(header.getKey().toLowerCase(Locale.ROOT));
            text.append(header.getKey()).append('=').append(masked ? MASK : header.getValue());
        }
        return text.toString();
    }
}
