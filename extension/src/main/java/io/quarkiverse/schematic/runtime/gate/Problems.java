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
        JsonObject body = new JsonObject().put("title", title).put("status", status.getStatusCode())
                .put("detail", detail);
        if (flag != null) {
            body.put("flag", flag);
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body.encode()).build();
    }
}
