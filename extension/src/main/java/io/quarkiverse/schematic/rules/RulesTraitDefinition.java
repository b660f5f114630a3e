package io.quarkiverse.schematic.rules;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The definition of a company or user trait, as DataStream sends it inside traits and trait conditions
 * ({@code {"id", "comparable_type", "entity_type"}}). Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, fieldVisibility = Visibility.NONE)
public final class RulesTraitDefinition {

    private final String id;
    private final String comparableType;
    private final String entityType;
    final ComparableType comparable;
    final boolean ofCompany;
    final boolean ofUser;

    /**
     * @param id Schematic id of the trait definition
     * @param comparableType how values compare: {@code string}, {@code int}, {@code bool} or {@code date}
     * @param entityType whose trait it is: {@code company} or {@code user}
     */
    @JsonCreator
    public RulesTraitDefinition(@JsonProperty("id") String id, @JsonProperty("comparable_type") String comparableType,
            @JsonProperty("entity_type") String entityType) {
        // one shared instance per id, so that the trait lookups of a check compare references, not characters
        this.id = id == null ? "" : id.intern();
        this.comparableType = comparableType == null ? "" : comparableType;
        this.entityType = entityType == null ? "" : entityType;
        this.comparable = ComparableType.of(comparableType);
        this.ofCompany = "company".equals(entityType);
        this.ofUser = "user".equals(entityType);
    }

    @JsonProperty("id")
    public String id() {
        return id;
    }

    /** {@code string}, {@code int}, {@code bool} or {@code date}; another value makes every comparison false. */
    @JsonProperty("comparable_type")
    public String comparableType() {
        return comparableType;
    }

    /** {@code company} or {@code user}. */
    @JsonProperty("entity_type")
    public String entityType() {
        return entityType;
    }
}
