package io.quarkiverse.schematic.runtime.datastream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.runtime.client.FlagCheckBody;

/**
 * The local answers computed for one cached company (or, for checks without a company, one cached user): a plain
 * check's answer depends only on the flag, the company and the user (the engine reads no clock for the value, reason,
 * rule and entitlement it reports), so while none of them changed, the next check of the same flag gets the same
 * immutable {@link FlagCheck} and {@code flag_check} body without running the engine.
 * <p>
 * A few slots ({@value #SLOTS}), each holding the last answer of a flag (and user) that hashes there: a slot is
 * overwritten by a colliding check, which then evaluates again. Lock-free: a slot is written with one reference store
 * of an immutable {@link Answer} (final fields, so a reader that sees it sees it whole); a reader that sees an older
 * answer or none evaluates again. What an answer depends on is checked on every read: the flag by the
 * {@link FlagStore#version() version of the flag set}, the company by living in its {@link CachedEntity}, the user by
 * its stamp.
 */
final class AnswerMemo {

    /** A power of two; 8 answers per company bound the memo to a few hundred bytes per cached entity. */
    static final int SLOTS = 8;

    private final Answer[] slots = new Answer[SLOTS];

    /** The memoized answer of this flag for this flag set and user, or {@code null}. */
    Answer find(String flag, long flagsVersion, long userStamp) {
        Answer answer = slots[slot(flag, userStamp)];
        return answer != null && answer.flagsVersion == flagsVersion && answer.userStamp == userStamp
                && answer.check.flag().equals(flag) ? answer : null;
    }

    void put(Answer answer) {
        slots[slot(answer.check.flag(), answer.userStamp)] = answer;
    }

    static int slot(String flag, long userStamp) {
        int hash = flag.hashCode() ^ Long.hashCode(userStamp);
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }

    /**
     * One memoized answer: the check's result, the {@code flag_check} body of the keys it was first asked with (a
     * copy, so that a caller changing its map later changes nothing here), and what it is valid for.
     */
    static final class Answer {
        final FlagCheck check;
        final FlagCheckBody body;
        final long flagsVersion;
        final long userStamp;

        Answer(FlagCheck check, FlagCheckBody body, long flagsVersion, long userStamp) {
            this.check = check;
            this.body = body;
            this.flagsVersion = flagsVersion;
            this.userStamp = userStamp;
        }

        /**
         * The event body for a check with these keys: the memoized one when they equal the keys it carries (no
         * allocation), else the same answer with the caller's own keys.
         */
        FlagCheckBody bodyFor(Map<String, String> company, Map<String, String> user) {
            Map<String, String> companyKeys = company.isEmpty() ? null : company;
            Map<String, String> userKeys = user.isEmpty() ? null : user;
            if (Objects.equals(companyKeys, body.reqCompany()) && Objects.equals(userKeys, body.reqUser())) {
                return body;
            }
            return new FlagCheckBody(body.flagKey(), body.value(), body.reason(), body.flagId(), body.ruleId(),
                    body.companyId(), body.userId(), companyKeys, userKeys, body.error(), null);
        }

        /** An immutable copy of a caller's keys, {@code null} when empty. */
        static Map<String, String> copy(Map<String, String> keys) {
            if (keys.isEmpty()) {
                return null;
            }
            for (Map.Entry<String, String> key : keys.entrySet()) {
                if (key.getKey() == null || key.getValue() == null) {
                    // unvalidated keys of a cached check may hold a null, which Map.copyOf refuses
                    return Collections.unmodifiableMap(new LinkedHashMap<>(keys));
                }
            }
            return Map.copyOf(keys);
        }
    }
}
