package io.quarkiverse.schematic.docs.snippets.requestcontext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.schematic.FlagDisabledException;
import io.quarkiverse.schematic.RequiresFlag;

/** Gates on a resource class and on a CDI bean, for docs/request-context.md. */
public final class Reports {

    private Reports() {
    }

    // tag::gate-class[]
    @Path("/exports")
    @RequiresFlag("exports") // every method of the resource
    public static class ExportResource {

        @GET
        public String list() {
            return "exports";
        }
    }
    // end::gate-class[]

    // tag::gate-bean[]
    @ApplicationScoped
    public static class MonthlyReports {

        @RequiresFlag("monthly-reports") // throws FlagDisabledException when off for the caller
        public String build() {
            return "report";
        }
    }

    static String tryReport(MonthlyReports reports) {
        try {
            return reports.build();
        } catch (FlagDisabledException refused) {
            return "not available: " + refused.flag();
        }
    }
    // end::gate-bean[]
}
