package io.quarkiverse.schematic.runtime.flags;

import java.util.Map;

/**
 * Cache key of one flag check: the flag and the company and user keys, whatever the order of the map entries.
 * <p>
 * Two forms share one equality: a <em>lookup</em> key wraps the caller's maps as they are (a check that hits the
 * cache copies nothing), a <em>stored</em> key owns flat arrays of the entries (a caller changing its map later
 * cannot corrupt the cache). Equality uses {@link Map#get} on the lookup side, which allocates nothing, unlike
 * {@code Map.equals}; the hash is {@link Map#hashCode()}'s, which ignores entry order.
 */
final class FlagCacheKey {

    private final String flag;
    private final Map<String, String> companyMap;
    private final Map<String, String> userMap;
    private final String[] company;
    private final String[] user;
    private final int hash;

    private FlagCacheKey(String flag, Map<String, String> companyMap, Map<String, String> userMap, String[] company,
            String[] user, int hash) {
        this.flag = flag;
        this.companyMap = companyMap;
        this.userMap = userMap;
        this.company = company;
        this.user = user;
        this.hash = hash;
    }

    /** A key for looking up, wrapping the caller's maps. */
    static FlagCacheKey lookup(String flag, Map<String, String> company, Map<String, String> user) {
        return new FlagCacheKey(flag, company, user, null, null, hash(flag, company.hashCode(), user.hashCode()));
    }

    /** A key for storing, with its own copy of the entries. */
    static FlagCacheKey stored(String flag, Map<String, String> company, Map<String, String> user) {
        String[] companyEntries = flatten(company);
        String[] userEntries = flatten(user);
        return new FlagCacheKey(flag, null, null, companyEntries, userEntries,
                hash(flag, entriesHash(companyEntries), entriesHash(userEntries)));
    }

    private static int hash(String flag, int companyHash, int userHash) {
        return (flag.hashCode() * 31 + companyHash) * 31 + userHash;
    }

    private static String[] flatten(Map<String, String> keys) {
        String[] entries = new String[keys.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> entry : keys.entrySet()) {
            entries[i++] = entry.getKey();
            entries[i++] = entry.getValue();
        }
        return entries;
    }

    /** Same value as {@link Map#hashCode()} of the map these entries came from. */
    private static int entriesHash(String[] entries) {
        int hash = 0;
        for (int i = 0; i < entries.length; i += 2) {
            hash += entries[i].hashCode() ^ entries[i + 1].hashCode();
        }
        return hash;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof FlagCacheKey that) || hash != that.hash || !flag.equals(that.flag)) {
            return false;
        }
        // the hit path: Caffeine compares the caller's lookup key with a stored one; kept this small so that the JIT
        // inlines it into the look-up (then the lookup key is never allocated)
        if (company == null && that.company != null) {
            return entriesMatch(that.company, companyMap) && entriesMatch(that.user, userMap);
        }
        return sameKeysOtherForms(that);
    }

    /** Two stored keys, two lookup keys, or a stored key against a lookup one: off the hit path. */
    private boolean sameKeysOtherForms(FlagCacheKey that) {
        return sameKeys(this.company, this.companyMap, that.company, that.companyMap)
                && sameKeys(this.user, this.userMap, that.user, that.userMap);
    }

    private static boolean sameKeys(String[] entries, Map<String, String> map, String[] otherEntries,
            Map<String, String> otherMap) {
        if (entries != null && otherEntries != null) {
            return entriesMatch(entries, asMap(otherEntries));
        }
        if (entries != null) {
            return entriesMatch(entries, otherMap);
        }
        if (otherEntries != null) {
            return entriesMatch(otherEntries, map);
        }
        return map.equals(otherMap);
    }

    private static boolean entriesMatch(String[] entries, Map<String, String> map) {
        if (map.size() * 2 != entries.length) {
            return false;
        }
        for (int i = 0; i < entries.length; i += 2) {
            if (!entries[i + 1].equals(map.get(entries[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Two stored keys meet only when Caffeine compares its own entries, which is rare: a copy is fine there. */
    private static Map<String, String> asMap(String[] entries) {
        Map<String, String> map = new java.util.HashMap<>(entries.length);
        for (int i = 0; i < entries.length; i += 2) {
            map.put(entries[i], entries[i + 1]);
        }
        return map;
    }

    @Override
    public String toString() {
        return "FlagCacheKey[" + flag + "]";
    }
}
