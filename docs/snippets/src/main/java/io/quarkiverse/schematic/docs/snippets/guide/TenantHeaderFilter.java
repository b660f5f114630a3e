package io.quarkiverse.schematic.docs.snippets.guide;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

// tag::guide-client-filter[]
public class TenantHeaderFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().add("X-Tenant", "blue");
    }
}
// end::guide-client-filter[]
