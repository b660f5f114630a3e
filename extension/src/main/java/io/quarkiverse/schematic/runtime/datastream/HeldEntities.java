package io.quarkiverse.schematic.runtime.datastream;

import java.util.List;
import java.util.Set;

import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesUser;

/**
 * What this process holds for local evaluation, as the Dev UI lists it: the DataStream client's caches in direct
 * mode, the near caches in replicator mode.
 */
public interface HeldEntities {

    /** The keys of the flags held, sorted. */
    Set<String> flagKeys();

    /** The companies held (a snapshot, each once). */
    List<RulesCompany> companies();

    /** The users held (a snapshot, each once). */
    List<RulesUser> users();
}
