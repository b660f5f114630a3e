package io.quarkiverse.schematic.test.context;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.schematic.RequiresFlag;

/** A CDI bean with a gated method. */
@ApplicationScoped
public class GatedReports {

    @RequiresFlag("reports")
    public String monthly() {
        return "monthly report";
    }

    @RequiresFlag(value = "exports", usageParam = "rows")
    public String export(long rows) {
        return "exported " + rows;
    }
}
