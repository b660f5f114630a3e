package io.quarkiverse.schematic.runtime.datastream;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesEngine;
import io.quarkiverse.schematic.rules.RulesFlag;
import io.quarkiverse.schematic.rules.RulesResult;
import io.quarkiverse.schematic.rules.RulesUser;
import io.quarkiverse.schematic.runtime.client.FlagCheckBody;
import io.quarkiverse.schematic.runtime.events.EventOptions;
import io.quarkiverse.schematic.runtime.events.EventSink;
import io.quarkiverse.schematic.runtime.flags.LocalAnswers;
import io.smallrye.mutiny.Uni;

/**
 * Answers single-flag checks with {@link RulesEngine} from what the DataStream replicated (here, or into Redis by
 * Schematic's replicator), and tells Schematic about each answer with a {@code flag_check} event, as Schematic's SDKs
 * do (Schematic did not evaluate the check, so it would not know about it otherwise). A preflight check is evaluated
 * the same way, with the preflight's size added to the usage the rules compare, and its event says
 * {@code preflight: true}.
 * <p>
 * Gives no answer (and the check asks the REST API) when the flag is not replicated, when a company or user is not
 * cached and does not arrive within {@code entity-wait-timeout}, when the connection is down and an entity is missing,
 * or when the engine finds the flag's data inconsistent.
 * <p>
 * A plain check of entities in this instance's own DataStream replica is memoized (see {@link AnswerMemo}): the
 * answer and its event body are kept with the cached company (or user) and given again, without running the engine,
 * until the flag set, the company or the user changes. Every check still enqueues its own {@code flag_check} event.
 * Preflight checks, and entities read from Redis, are evaluated every time.
 */
final class LocalFlagEvaluator implements LocalAnswers {

    private static final Logger LOG = Logger.getLogger(LocalFlagEvaluator.class);

    /** This instance's DataStream replica, or the replicator's Redis. */
    private final EntitySource dataStream;
    /** The DataStream replica whose cached entities carry memos of their answers, or {@code null}. */
    private final DataStreamClient replica;
    private final EventSink events;

    /**
     * @param replica the DataStream replica among {@code dataStream}'s sources whose answers are memoized, or
     *        {@code null} for none (replicator mode)
     */
    LocalFlagEvaluator(EntitySource dataStream, DataStreamClient replica, EventSink events) {
        this.dataStream = dataStream;
        this.replica = replica;
        this.events = events;
    }

    @Override
    public FlagCheck now(String flag, Map<String, String> company, Map<String, String> user, Preflight preflight) {
        return fromCache(flag, company, user, preflight, true);
    }

    /**
     * The answer from the caches as they are now, or {@code null} when the flag, the company or the user is not
     * cached; with {@code requestMissing}, a missing company or user is requested.
     */
    private FlagCheck fromCache(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight, boolean requestMissing) {
        if (preflight == null && replica != null && !(company.isEmpty() && user.isEmpty())) {
            CachedEntity<RulesCompany> cachedCompany = company.isEmpty() ? null : replica.cachedCompany(company);
            CachedEntity<RulesUser> cachedUser = user.isEmpty() ? null : replica.cachedUser(user);
            if ((company.isEmpty() || cachedCompany != null) && (user.isEmpty() || cachedUser != null)) {
                return memoized(flag, cachedCompany, cachedUser, company, user);
            }
        }
        RulesFlag rules = dataStream.flag(flag);
        if (rules == null) {
            return null;
        }
        RulesCompany cachedCompany = company.isEmpty() ? null : dataStream.company(company);
        RulesUser cachedUser = user.isEmpty() ? null : dataStream.user(user);
        boolean companyMissing = !company.isEmpty() && cachedCompany == null;
        boolean userMissing = !user.isEmpty() && cachedUser == null;
        if (requestMissing && companyMissing) {
            requestIfConnected(company, true);
        }
        if (requestMissing && userMissing) {
            requestIfConnected(user, false);
        }
        return companyMissing || userMissing ? null
                : answer(flag, rules, cachedCompany, cachedUser, company, user, preflight);
    }

    /** Asks for a missing entity now, so that {@link #later} or the next check find it. */
    private void requestIfConnected(Map<String, String> keys, boolean company) {
        if (dataStream.connected() && requestable(keys)) {
            if (company) {
                dataStream.requestCompany(keys);
            } else {
                dataStream.requestUser(keys);
            }
        }
    }

    /** The blocking API asks {@link #now} before it validates the keys: never request what validation will refuse. */
    private static boolean requestable(Map<String, String> keys) {
        for (Map.Entry<String, String> key : keys.entrySet()) {
            if (key.getKey() == null || key.getKey().isBlank() || key.getValue() == null || key.getValue().isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Uni<FlagCheck> later(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight) {
        if (!dataStream.connected()) {
            return Uni.createFrom().nullItem();
        }
        // requested even when held, so that a flag read from Redis is still fresh when the company arrives
        CompletableFuture<RulesFlag> flagArrival = dataStream.requestFlag(flag);
        if (flagArrival.isDone() && dataStream.flag(flag) == null) {
            // a flag the source does not have: Schematic answers at once, without waiting for the company
            return Uni.createFrom().nullItem();
        }
        CompletableFuture<RulesCompany> companyArrival = company.isEmpty() || dataStream.company(company) != null
                ? CompletableFuture.completedFuture(null)
                : dataStream.requestCompany(company);
        CompletableFuture<RulesUser> userArrival = user.isEmpty() || dataStream.user(user) != null
                ? CompletableFuture.completedFuture(null)
                : dataStream.requestUser(user);
        // completes when everything arrived (and was cached), or at the latest when the requests time out; no thread
        // waits meanwhile
        return Uni.createFrom().completionStage(CompletableFuture.allOf(flagArrival, companyArrival, userArrival)
                .handle((ignored, failure) -> fromCache(flag, company, user, preflight, false)));
    }

    /**
     * A plain check of cached entities (the company's, else the user's memo): the memoized answer while flag set,
     * company and user are unchanged, else the engine's, memoized.
     */
    private FlagCheck memoized(String flag, CachedEntity<RulesCompany> company, CachedEntity<RulesUser> user,
            Map<String, String> companyKeys, Map<String, String> userKeys) {
        AnswerMemo memo = company != null ? company.memo : user.memo;
        long userStamp = company != null && user != null ? user.stamp : 0;
        // read before the flag: an answer stored at this version was computed from the flag as it is at this version
        // or later, and any later change raises the version
        long flagsVersion = replica.flagsVersion();
        AnswerMemo.Answer answer = memo.find(flag, flagsVersion, userStamp);
        if (answer == null) {
            RulesFlag rules = replica.flag(flag);
            RulesResult result = rules == null ? null
                    : evaluate(flag, rules, company == null ? null : company.entity,
                            user == null ? null : user.entity, null);
            if (result == null) {
                return null;
            }
            answer = new AnswerMemo.Answer(check(flag, result),
                    body(flag, result, AnswerMemo.Answer.copy(companyKeys), AnswerMemo.Answer.copy(userKeys), null),
                    flagsVersion, userStamp);
            memo.put(answer);
        }
        events.offer(FlagCheckBody.TYPE, answer.bodyFor(companyKeys, userKeys), EventOptions.NONE);
        return answer.check;
    }

    private FlagCheck answer(String flag, RulesFlag rules, RulesCompany company, RulesUser user,
            Map<String, String> companyKeys, Map<String, String> userKeys, Preflight preflight) {
        RulesResult result = evaluate(flag, rules, company, user, preflight);
        if (result == null) {
            return null;
        }
        events.offer(FlagCheckBody.TYPE, body(flag, result, companyKeys.isEmpty() ? null : companyKeys,
                userKeys.isEmpty() ? null : userKeys, preflight), EventOptions.NONE);
        return check(flag, result);
    }

    /** The engine's result, or {@code null} when it finds the flag's data inconsistent. */
    private static RulesResult evaluate(String flag, RulesFlag rules, RulesCompany company, RulesUser user,
            Preflight preflight) {
        try {
            return RulesEngine.checkFlag(rules, company, user, preflight);
        } catch (RuntimeException inconsistent) {
            LOG.debugf("Local evaluation of flag '%s' failed, asking Schematic instead: %s", flag,
                    inconsistent.getMessage());
            return null;
        }
    }

    /** The {@code flag_check} event body; keys {@code null} when the check had none. */
    private static FlagCheckBody body(String flag, RulesResult result, Map<String, String> companyKeys,
            Map<String, String> userKeys, Preflight preflight) {
        return new FlagCheckBody(flag, result.value(), result.reason(), result.flagId(), result.ruleId(),
                result.companyId(), result.userId(), companyKeys, userKeys, result.error(),
                preflight == null ? null : Boolean.TRUE);
    }

    private static FlagCheck check(String flag, RulesResult result) {
        return new FlagCheck(flag, result.value(), result.reason(), result.flagId(), result.companyId(),
                result.userId(), result.ruleId(), FlagSource.LOCAL, result.error(), result.ruleType(),
                result.entitlement());
    }
}
