package io.quarkiverse.schematic.runtime.gate;

import jakarta.ws.rs.core.Response;

import io.vertx.core.json.JsonObject;

/** {@code application/problem+json} answers of the extension's HTTP parts (gates, token endpoint). */
public final class Problems {

    static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    /** A problem answer; {@code flag} is added as a member when not null. */
    public static Response problem(Response.Status status, String title, String detail, String flag) {
        return problem(status, title, detail, "flag", flag);
    }

    /** A problem answer with one extension member, added when its value is not null. */
    static Response problem(Response.Status status, String title, String detail, String member, String value) {
        JsonObject body = new JsonObject().put("title", title).put("status", status.getStatusCode())
                .put("detail", detail);
        if (value != null) {
            body.put(member, value);
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body.encode()).build();
    }
}
