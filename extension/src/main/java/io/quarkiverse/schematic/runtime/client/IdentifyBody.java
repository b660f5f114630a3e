package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkiverse.schematic.Identify;

/**
 * Body of an {@code identify} event.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IdentifyBody(Map<String, String> keys, String name, Map<String, Object> traits, CompanyBody company) {

    /** The wire body of an identify event the application built; without company keys no company is sent. */
    public static IdentifyBody of(Identify identify) {
        CompanyBody company = identify.companyKeys().isEmpty() ? null
                : new CompanyBody(identify.companyKeys(), identify.companyName(), identify.companyTraits());
        return new IdentifyBody(identify.keys(), identify.name(), identify.traits(), company);
    }

    /** The company part of an identify event. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CompanyBody(Map<String, String> keys, String name, Map<String, Object> traits) {
    }
}
