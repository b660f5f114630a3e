package io.quarkiverse.schematic.runtime.replicator;

import java.util.Locale;

/**
 * The Redis keys Schematic's replicator ({@code schematic-replicator}) writes, and its SDKs read, for one cache
 * version (the {@code cache_version} of the replicator's readiness answer, a hash of its rules engine's data model):
 * <ul>
 * <li>{@code schematic:flags:<version>:<flag key, lower case>}: the flag (JSON);</li>
 * <li>{@code schematic:company:<version>:<id>}: the company (JSON), {@code schematic:user:<version>:<id>} the user;</li>
 * <li>{@code schematic:company:<version>:<key name, lower case>:<key value, lower case>}: the id of the company known
 * by that key (a JSON string), the same for users.</li>
 * </ul>
 */
final class ReplicatorKeys {

    static final String PREFIX = "schematic";
    static final String FLAGS = "flags";
    static final String COMPANY = "company";
    static final String USER = "user";

    private final String version;
    private final String flagPrefix;
    private final String companyPrefix;
    private final String userPrefix;

    ReplicatorKeys(String version) {
        this.version = version;
        this.flagPrefix = PREFIX + ":" + FLAGS + ":" + version + ":";
        this.companyPrefix = PREFIX + ":" + COMPANY + ":" + version + ":";
        this.userPrefix = PREFIX + ":" + USER + ":" + version + ":";
    }

    String version() {
        return version;
    }

    String flag(String key) {
        return flagPrefix + key.toLowerCase(Locale.ROOT);
    }

    /** The key of the entity with this id ({@link #COMPANY} or {@link #USER}); ids keep their case. */
    String entity(String type, String id) {
        return prefix(type) + id;
    }

    /** The key of the id of the entity known by this key/value pair, both without case. */
    String lookup(String type, String key, String value) {
        return prefix(type) + key.toLowerCase(Locale.ROOT) + ":" + value.toLowerCase(Locale.ROOT);
    }

    private String prefix(String type) {
        return COMPANY.equals(type) ? companyPrefix : userPrefix;
    }
}
