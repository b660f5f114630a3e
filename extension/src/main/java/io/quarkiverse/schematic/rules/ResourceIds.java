package io.quarkiverse.schematic.rules;

import java.util.List;
import java.util.Set;

/**
 * The {@code resource_ids} of a condition as a check asks them: "is this id one of them?". Conditions list a few ids
 * (companies, plans, billing products), for which a scan of an array of interned ids beats a hash set: plan, plan
 * version, billing product and base plan ids are interned on the company's side too, so a match is found by
 * reference and a miss by the strings' cached hash codes. Long lists are looked up in a set.
 */
final class ResourceIds {

    /** Up to this many ids are scanned; more are hashed. */
    static final int SCANNED = 8;

    private final String[] ids;
    private final Set<String> set;

    ResourceIds(List<String> ids) {
        boolean scanned = ids.size() <= SCANNED;
        this.ids = scanned ? Interned.array(ids) : new String[0];
        this.set = scanned ? null : Set.copyOf(ids);
    }

    boolean contains(String id) {
        if (id == null) {
            return false;
        }
        if (set != null) {
            return set.contains(id);
        }
        int hash = id.hashCode(); // cached by String: a miss costs a comparison of two ints
        for (String candidate : ids) {
            if (candidate == id || (candidate.hashCode() == hash && candidate.equals(id))) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of {@code candidates} is among these ids. */
    boolean containsAny(String[] candidates) {
        for (String candidate : candidates) {
            if (contains(candidate)) {
                return true;
            }
        }
        return false;
    }
}
