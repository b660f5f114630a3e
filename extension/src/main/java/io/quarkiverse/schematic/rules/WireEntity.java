package io.quarkiverse.schematic.rules;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What every DataStream entity with an identity carries: its id and the Schematic account and environment it belongs
 * to. A missing value reads as the empty string, as Go's zero value.
 */
abstract class WireEntity {

    private final String id;
    private final String accountId;
    private final String environmentId;

    WireEntity(String id, String accountId, String environmentId) {
        this.id = id == null ? "" : id;
        this.accountId = accountId == null ? "" : accountId;
        this.environmentId = environmentId == null ? "" : environmentId;
    }

    /** Schematic's id; never {@code null}. */
    @JsonProperty("id")
    public String id() {
        return id;
    }

    /** Never {@code null}. */
    @JsonProperty("account_id")
    public String accountId() {
        return accountId;
    }

    /** Never {@code null}. */
    @JsonProperty("environment_id")
    public String environmentId() {
        return environmentId;
    }
}
