package io.quarkiverse.schematic.rules;

import java.util.List;

/**
 * Shared instances of the ids and keys many entities repeat (plans, plan versions, billing products, trait
 * definitions, credit types, metered events, flag and feature keys): one copy in memory however many companies name
 * them, and comparisons that find a match by reference. Never used for ids of single companies or users, which would only fill
 * the string table.
 */
final class Interned {

    private Interned() {
    }

    static String of(String id) {
        return id == null ? null : id.intern();
    }

    /** The interned ids, in order. */
    static String[] array(List<String> ids) {
        String[] interned = new String[ids.size()];
        for (int i = 0; i < interned.length; i++) {
            interned[i] = ids.get(i).intern();
        }
        return interned;
    }
}
