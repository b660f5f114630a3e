package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /company-traits} and {@code POST /user-traits}: sets ({@code set}) or adds to ({@code incr}) one
 * trait of the company or user with these keys, atomically on Schematic's side. Exactly one of {@code set} and
 * {@code incr} is present; {@code update_only} only when true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraitUpdateRequest(Map<String, String> keys, String trait, String set, Long incr,
        @JsonProperty("update_only") Boolean updateOnly) {
}
