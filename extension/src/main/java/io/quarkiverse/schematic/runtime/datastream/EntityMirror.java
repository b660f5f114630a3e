package io.quarkiverse.schematic.runtime.datastream;

import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesFlag;
import io.quarkiverse.schematic.rules.RulesUser;

/**
 * Told by the {@link DataStreamClient} about every flag, company and user it stores or removes as the DataStream
 * says, so that a copy elsewhere (Redis, for the other instances of a fleet) follows. Called on the thread that
 * applies messages, in order; must not block.
 */
public interface EntityMirror {

    /** No copy anywhere: direct mode without Redis. */
    EntityMirror NONE = new EntityMirror() {
    };

    default void stored(RulesFlag flag) {
    }

    /** The flag with this key was deleted. */
    default void flagRemoved(String key) {
    }

    /** The company, as now held (a partial update already applied). */
    default void stored(RulesCompany company) {
    }

    /** The company with this id was deleted; {@code removed} is the copy this instance held, or {@code null}. */
    default void companyRemoved(String id, RulesCompany removed) {
    }

    default void stored(RulesUser user) {
    }

    /** Like {@link #companyRemoved} for a user. */
    default void userRemoved(String id, RulesUser removed) {
    }
}
