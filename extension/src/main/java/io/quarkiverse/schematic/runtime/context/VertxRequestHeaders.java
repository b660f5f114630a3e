package io.quarkiverse.schematic.runtime.context;

import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/** Request headers from the Vert.x request of the current request context (REST endpoints and routes alike). */
@Singleton
public class VertxRequestHeaders implements RequestHeaders {

    private final CurrentVertxRequest request;

    VertxRequestHeaders(CurrentVertxRequest request) {
        this.request = request;
    }

    @Override
    public Optional<String> header(String name) {
        RoutingContext current = request.getCurrent();
        return current == null ? Optional.empty() : Optional.ofNullable(current.request().getHeader(name));
    }
}
