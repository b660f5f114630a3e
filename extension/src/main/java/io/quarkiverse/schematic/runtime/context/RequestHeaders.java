package io.quarkiverse.schematic.runtime.context;

import java.util.Optional;

/** The headers of the current HTTP request; a bean only when the application serves HTTP (Vert.x HTTP). */
public interface RequestHeaders {

    /** The first value of this header in the current request, if there is a current HTTP request and it has one. */
    Optional<String> header(String name);
}
