package io.quarkiverse.schematic.runtime.datastream;

/**
 * The entity types of DataStream messages, with their wire names.
 */
enum EntityType {
    FLAGS("rulesengine.Flags"),
    FLAG("rulesengine.Flag"),
    COMPANIES("rulesengine.Companies"),
    COMPANY("rulesengine.Company"),
    USERS("rulesengine.Users"),
    USER("rulesengine.User");

    private static final EntityType[] ALL = values();

    final String wireName;

    EntityType(String wireName) {
        this.wireName = wireName;
    }

    /** The type of this wire name, or {@code null} for a name this client does not know. */
    static EntityType fromWire(String name) {
        for (EntityType type : ALL) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
