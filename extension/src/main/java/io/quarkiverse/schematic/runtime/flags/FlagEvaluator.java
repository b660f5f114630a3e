package io.quarkiverse.schematic.runtime.flags;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkiverse.schematic.CheckContext;
import io.quarkiverse.schematic.CompanyFlags;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.runtime.client.CallPolicy;
import io.quarkiverse.schematic.runtime.client.CheckFlagBreaker;
import io.quarkiverse.schematic.runtime.client.CheckFlagRequest;
import io.quarkiverse.schematic.runtime.client.Envelope;
import io.quarkiverse.schematic.runtime.client.Failures;
import io.quarkiverse.schematic.runtime.client.FlagsBulkData;
import io.quarkiverse.schematic.runtime.client.FlagsBulkRequest;
import io.quarkiverse.schematic.runtime.client.FlagsCheckData;
import io.quarkiverse.schematic.runtime.client.PreflightBody;
import io.quarkiverse.schematic.runtime.client.SchematicApi;
import io.quarkiverse.schematic.runtime.logging.LogThrottle;
import io.smallrye.mutiny.Uni;

/**
 * Answers flag checks: offline answers, then local evaluation (when on), then the cache (local, then shared), then
 * Schematic, then the flag default. Never fails because of Schematic; callers validate arguments before they get here.
 * <p>
 * The {@code ...WithoutWaiting} methods serve a caller that must not wait for Schematic: the blocking API called on an
 * event-loop thread. They answer from what is at hand (offline defaults, local evaluation, the cache, else flag
 * defaults) and let a single-flag or listed-flags check continue in the background, so that the cache holds the
 * answer next time.
 */
public final class FlagEvaluator {

    static final String OFFLINE_REASON = "Offline mode: flag default";
    static final String FALLBACK_REASON = "Schematic could not answer: flag default";
    static final String NOT_FOUND_ERROR = "Flag not found in Schematic's answer";
    static final String NOT_WAITED_REASON = "Not answered by Schematic on the event loop: flag default";
    static final String NOT_WAITED_ERROR = "A blocking flag check cannot wait for Schematic on an event-loop thread:"
            + " use ReactiveSchematicService there";
    /** Key of a background fetch of every flag: no flag has an empty name. */
    private static final String ALL_FLAGS = "";

    private static final Logger LOG = Logger.getLogger(FlagEvaluator.class);

    /** Requests of a bulk check in flight at once: enough to keep latency down, few enough to spare Schematic. */
    static final int BULK_CONCURRENCY = 4;

    private final SchematicApi api;
    private final FlagCheckCache cache;
    private final FlagDefaults defaults;
    private final boolean offline;
    private final FlagCheckListener listener;
    private final OfflineAnswers offlineAnswers;
    private final LocalAnswers local;
    private final CheckFlagBreaker breaker;
    /** The answer of a check the open breaker refuses, per flag (see {@link #whileBreakerOpen}). */
    private final Map<String, FlagCheck> refusedAnswers = new ConcurrentHashMap<>();
    private final FallbackLog fallbackLog = new FallbackLog();
    private final LogThrottle notWaitedLog = new LogThrottle(Duration.ofMinutes(1));
    /** Background fetches in flight, so that a burst of event-loop checks for one key sends one request. */
    private final Set<FlagCacheKey> fetching = ConcurrentHashMap.newKeySet();

    public FlagEvaluator(SchematicApi api, FlagCheckCache cache, FlagDefaults defaults, boolean offline,
            FlagCheckListener listener, OfflineAnswers offlineAnswers, LocalAnswers local, CheckFlagBreaker breaker) {
        this.api = api;
        this.cache = cache;
        this.defaults = defaults;
        this.offline = offline;
        this.listener = listener;
        this.offlineAnswers = offlineAnswers;
        this.local = local;
        // only Schematic is left to ask after a cache miss when there is neither local evaluation nor a shared cache
        this.breaker = local == LocalAnswers.NONE && cache.shared().isEmpty() ? breaker : CheckFlagBreaker.NONE;
    }

    public FlagDefaults defaults() {
        return defaults;
    }

    public FlagCheckCache cache() {
        return cache;
    }

    /**
     * The answer that needs no waiting (local evaluation, else the cache), or {@code null}. The blocking API calls it
     * first, to answer without creating a {@link Uni}; keys need no validation here, since only validated keys are
     * ever stored.
     */
    public FlagCheck cached(String flag, Map<String, String> company, Map<String, String> user) {
        FlagCheck hit = local.now(flag, company, user);
        if (hit == null) {
            hit = cache.get(flag, company, user);
        }
        if (hit != null) {
            listener.checked(hit);
        }
        return hit;
    }

    /**
     * After {@link #cached} missed: the flag default, at once, while the circuit breaker refuses calls to Schematic,
     * else {@code null}. What Fault Tolerance would answer, without building the call it would refuse; reported as a
     * refused call. Only Schematic is left to ask here (the breaker is not followed with local evaluation or a shared
     * cache), and the flag must be validated.
     */
    public FlagCheck whileBreakerOpen(String flag) {
        if (!breaker.refuses()) {
            return null;
        }
        String error = breaker.refused().getMessage();
        boolean value = defaults.valueOf(flag);
        fallbackLog.fallback(flag, value, error);
        // the answer is the same for every refused check of a flag, so an outage does not allocate one per check
        FlagCheck answer = refusedAnswers.get(flag);
        if (answer == null || answer.value() != value) {
            answer = fallbackAnswer(flag, value, error);
            if (refusedAnswers.size() >= FallbackLog.MAX_TRACKED_FLAGS) {
                refusedAnswers.clear();
            }
            refusedAnswers.put(flag, answer);
        }
        listener.checked(answer);
        return answer;
    }

    public Uni<FlagCheck> check(String flag, Map<String, String> company, Map<String, String> user, CallPolicy policy) {
        if (offline) {
            return offlineCheck(flag, company, user, null);
        }
        FlagCheck hit = atHand(flag, company, user);
        if (hit != null) {
            return Uni.createFrom().item(hit);
        }
        return local.later(flag, company, user)
                .onItem().ifNotNull().invoke(listener::checked)
                .onItem().ifNull().switchTo(() -> askSchematic(flag, company, user, policy));
    }

    /**
     * {@link #check} for a caller that may block (not an event loop) and has just found nothing with {@link #cached}
     * (the blocking API looks there before it validates its arguments): the same answer, with the shared cache awaited
     * on the caller's thread, bounded by its timeout without a timer task per check (see
     * {@link FlagCheckCache#awaitShared}).
     */
    public FlagCheck checkWaitingAfterMiss(String flag, Map<String, String> company, Map<String, String> user,
            CallPolicy policy) {
        if (offline) {
            return offlineChecked(flag, company, user, null);
        }
        FlagCheck answer = whileBreakerOpen(flag);
        if (answer != null) {
            return answer;
        }
        if (local != LocalAnswers.NONE) {
            answer = local.later(flag, company, user).await().indefinitely();
        }
        if (answer == null) {
            answer = cache.awaitShared(flag, company, user);
        }
        if (answer == null) {
            return reported(flag, fetch(flag, company, user, policy)).await().indefinitely();
        }
        listener.checked(answer);
        return answer;
    }

    /** The answer that needs no waiting: {@link #cached}, else {@link #whileBreakerOpen}, else {@code null}. */
    private FlagCheck atHand(String flag, Map<String, String> company, Map<String, String> user) {
        FlagCheck hit = cached(flag, company, user);
        return hit != null ? hit : whileBreakerOpen(flag);
    }

    /** The shared cache, then Schematic, then the flag default. */
    private Uni<FlagCheck> askSchematic(String flag, Map<String, String> company, Map<String, String> user,
            CallPolicy policy) {
        return reported(flag, sharedOrFetch(flag, company, user, policy));
    }

    /** The answer, else the flag default, reported to the listener. */
    private Uni<FlagCheck> reported(String flag, Uni<FlagCheck> answer) {
        return answer.onFailure().recoverWithItem(failure -> fallback(flag, failure)).invoke(listener::checked);
    }

    /** The shared cache's answer (which never fails), else Schematic's. */
    private Uni<FlagCheck> sharedOrFetch(String flag, Map<String, String> company, Map<String, String> user,
            CallPolicy policy) {
        return cache.lookupShared(flag, company, user).onItem().ifNull()
                .switchTo(() -> fetch(flag, company, user, policy));
    }

    /** Asks Schematic and caches the answer. */
    private Uni<FlagCheck> fetch(String flag, Map<String, String> company, Map<String, String> user,
            CallPolicy policy) {
        return ask(flag, new CheckFlagRequest(company, user), policy).invoke(answer -> cache.put(company, user, answer));
    }

    /**
     * {@link #check} for a caller that must not wait: the offline default, the cached answer, else the flag default
     * at once while the shared cache, then Schematic, are asked in the background.
     */
    public FlagCheck checkWithoutWaiting(String flag, Map<String, String> company, Map<String, String> user,
            CallPolicy policy) {
        if (offline) {
            return offlineChecked(flag, company, user, null);
        }
        FlagCheck hit = cached(flag, company, user);
        if (hit != null) {
            return hit;
        }
        warnNotWaited("checkFlag");
        inBackground(flag, company, user, () -> sharedOrFetch(flag, company, user, policy));
        FlagCheck answer = notWaited(flag);
        listener.checked(answer);
        return answer;
    }

    /**
     * A preflight check: local evaluation (when on), else Schematic, else the flag default. Its answer depends on the
     * preflight, so it is never taken from the cache nor stored there.
     */
    public Uni<FlagCheck> preflight(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight, CallPolicy policy) {
        if (offline) {
            return offlineCheck(flag, company, user, preflight);
        }
        FlagCheck local = this.local.now(flag, company, user, preflight);
        if (local != null) {
            listener.checked(local);
            return Uni.createFrom().item(local);
        }
        return this.local.later(flag, company, user, preflight)
                .onItem().ifNull().switchTo(() -> ask(flag, new CheckFlagRequest(company, user,
                        PreflightBody.of(preflight)), policy)
                        .onFailure().recoverWithItem(failure -> fallback(flag, failure)))
                .invoke(listener::checked);
    }

    private Uni<FlagCheck> ask(String flag, CheckFlagRequest request, CallPolicy policy) {
        return policy.run("checkFlag", budget -> api.checkFlag(flag, request, budget))
                .map(envelope -> RemoteAnswers.check(flag, envelope == null ? null : envelope.data(), "checkFlag"));
    }

    private Uni<FlagCheck> offlineCheck(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight) {
        return Uni.createFrom().item(offlineChecked(flag, company, user, preflight));
    }

    /** The offline answer of a single check, reported to the listener. */
    private FlagCheck offlineChecked(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight) {
        FlagCheck answer = offline(flag, company, user, preflight);
        listener.checked(answer);
        return answer;
    }

    /** Every flag for these keys; on failure (or offline) the flags that have a default. */
    public Uni<List<FlagCheck>> checkAll(Map<String, String> company, Map<String, String> user, CallPolicy policy) {
        return checkAllDetails(company, user, policy).map(CompanyFlags::flags);
    }

    /** Every flag for these keys with the plan and credit balances; on failure (or offline) the flag defaults. */
    public Uni<CompanyFlags> checkAllDetails(Map<String, String> company, Map<String, String> user,
            CallPolicy policy) {
        if (offline) {
            return Uni.createFrom().item(() -> offlineAll(company, user));
        }
        // each answer is reported, as the offline and the non-waiting forms do (metrics, Dev UI's recent checks)
        return fetchAll(company, user, policy).onFailure().recoverWithItem(this::fallbackAll)
                .invoke(answers -> answers.flags().forEach(listener::checked));
    }

    /**
     * {@link #checkAllDetails} for a caller that must not wait: the flags that have a default, no plan. Nothing is
     * fetched: the cache cannot tell which flags exist, so a background request could not serve the next call either.
     */
    public CompanyFlags checkAllWithoutWaiting(Map<String, String> company, Map<String, String> user) {
        if (offline) {
            return offlineAll(company, user);
        }
        warnNotWaited("checkFlags");
        List<FlagCheck> answers = each(defaults.all().keySet(), this::notWaited);
        answers.forEach(listener::checked);
        return new CompanyFlags(answers, null, Map.of());
    }

    /**
     * {@link #preflight} for a caller that must not wait: the offline answer, else the local answer at hand, else the
     * flag default. Nothing is fetched in the background, since a preflight answer is never cached.
     */
    public FlagCheck preflightWithoutWaiting(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight) {
        FlagCheck answer;
        if (offline) {
            answer = offline(flag, company, user, preflight);
        } else {
            answer = local.now(flag, company, user, preflight);
            if (answer == null) {
                warnNotWaited("checkFlagDetails");
                answer = notWaited(flag);
            }
        }
        listener.checked(answer);
        return answer;
    }

    /**
     * {@link #checkSome} for a caller that must not wait: each flag from the cache, else its default, while one bulk
     * request in the background fills the cache for the next call.
     */
    public List<FlagCheck> checkSomeWithoutWaiting(List<String> flags, Map<String, String> company,
            Map<String, String> user, CallPolicy policy) {
        if (offline) {
            return each(flags, flag -> offlineChecked(flag, company, user, null));
        }
        boolean missing = false;
        List<FlagCheck> answers = new ArrayList<>(flags.size());
        for (String flag : flags) {
            FlagCheck hit = cache.get(flag, company, user);
            missing |= hit == null;
            answers.add(hit != null ? hit : notWaited(flag));
        }
        if (missing) {
            warnNotWaited("checkFlags");
            inBackground(ALL_FLAGS, company, user, () -> fetchAll(company, user, policy));
        }
        answers.forEach(listener::checked);
        return List.copyOf(answers);
    }

    /**
     * These flags in this order: from the cache when every one is cached, else from one bulk request that refreshes
     * the cache for every flag it returns.
     */
    public Uni<List<FlagCheck>> checkSome(List<String> flags, Map<String, String> company, Map<String, String> user,
            CallPolicy policy) {
        if (offline) {
            return Uni.createFrom().item(() -> each(flags, flag -> offlineChecked(flag, company, user, null)));
        }
        List<FlagCheck> cached = new ArrayList<>(flags.size());
        for (String flag : flags) {
            FlagCheck hit = cache.get(flag, company, user);
            if (hit == null) {
                break;
            }
            cached.add(hit);
        }
        if (cached.size() == flags.size()) {
            cached.forEach(listener::checked);
            return Uni.createFrom().item(List.copyOf(cached));
        }
        return fetchAll(company, user, policy)
                .map(all -> {
                    Map<String, FlagCheck> byFlag = new HashMap<>();
                    all.flags().forEach(answer -> byFlag.put(answer.flag(), answer));
                    return each(flags, flag -> {
                        FlagCheck answer = byFlag.get(flag);
                        return answer != null ? answer : notFound(flag);
                    });
                })
                .onFailure().recoverWithItem(failure -> each(flags, flag -> fallback(flag, failure)))
                .invoke(answers -> answers.forEach(listener::checked));
    }

    /**
     * Every flag for each context, in order: requests of at most {@value FlagsBulkRequest#MAX_CONTEXTS} contexts, at
     * most {@value #BULK_CONCURRENCY} at a time. Each answer fills the cache for its context; the contexts of a
     * request that fails get the flag defaults.
     */
    public Uni<List<CompanyFlags>> checkBulk(List<CheckContext> contexts, CallPolicy policy) {
        if (offline) {
            return Uni.createFrom().item(() -> contexts.stream()
                    .map(context -> offlineAll(context.company(), context.user())).toList());
        }
        if (contexts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<List<CompanyFlags>>> parts = new ArrayList<>();
        for (int from = 0; from < contexts.size(); from += FlagsBulkRequest.MAX_CONTEXTS) {
            List<CheckContext> part = contexts.subList(from,
                    Math.min(contexts.size(), from + FlagsBulkRequest.MAX_CONTEXTS));
            parts.add(fetchBulk(part, policy).onFailure()
                    .recoverWithItem(failure -> part.stream().map(context -> fallbackAll(failure)).toList()));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return Uni.join().all(parts).usingConcurrencyOf(BULK_CONCURRENCY).andFailFast()
                .map(answers -> answers.stream().flatMap(List::stream).toList());
    }

    private Uni<List<CompanyFlags>> fetchBulk(List<CheckContext> part, CallPolicy policy) {
        List<CheckFlagRequest> bodies = part.stream()
                .map(context -> new CheckFlagRequest(context.company(), context.user())).toList();
        return policy.run("checkFlagsBulk", budget -> api.checkFlagsBulk(new FlagsBulkRequest(bodies), budget))
                .map(envelope -> {
                    FlagsBulkData data = envelope == null ? null : envelope.data();
                    if (data == null || data.data() == null || data.data().size() != part.size()) {
                        throw new UnreadableAnswerException("checkFlagsBulk");
                    }
                    List<CompanyFlags> answers = new ArrayList<>(part.size());
                    for (int i = 0; i < part.size(); i++) {
                        answers.add(remembered(part.get(i), data.data().get(i)));
                    }
                    return answers;
                });
    }

    /** The answer of one context, cached; an unreadable one gives that context the defaults. */
    private CompanyFlags remembered(CheckContext context, FlagsCheckData data) {
        try {
            return remember(context.company(), context.user(), RemoteAnswers.flags(data, "checkFlagsBulk"));
        } catch (UnreadableAnswerException unreadable) {
            return fallbackAll(unreadable);
        }
    }

    private Uni<CompanyFlags> fetchAll(Map<String, String> company, Map<String, String> user, CallPolicy policy) {
        return policy.run("checkFlags", budget -> api.checkFlags(new CheckFlagRequest(company, user), budget))
                .map(envelope -> remember(company, user,
                        RemoteAnswers.flags(dataOf(envelope), "checkFlags")));
    }

    private static FlagsCheckData dataOf(Envelope<FlagsCheckData> envelope) {
        return envelope == null ? null : envelope.data();
    }

    private CompanyFlags remember(Map<String, String> company, Map<String, String> user, CompanyFlags answer) {
        for (FlagCheck flag : answer.flags()) {
            cache.put(company, user, flag);
        }
        return answer;
    }

    private CompanyFlags offlineAll(Map<String, String> company, Map<String, String> user) {
        return new CompanyFlags(each(offlineAnswers.flagsWith(defaults.all().keySet()),
                flag -> offline(flag, company, user, null)), null, Map.of());
    }

    private CompanyFlags fallbackAll(Throwable failure) {
        return new CompanyFlags(each(new TreeSet<>(defaults.all().keySet()), flag -> fallback(flag, failure)), null,
                Map.of());
    }

    private FlagCheck offline(String flag, Map<String, String> company, Map<String, String> user, Preflight preflight) {
        FlagCheck answer = offlineAnswers.answer(flag, company, user, preflight);
        if (answer != null) {
            return answer.withSource(FlagSource.OFFLINE);
        }
        return new FlagCheck(flag, defaults.valueOf(flag), OFFLINE_REASON, null, null, null, null, FlagSource.OFFLINE,
                null);
    }

    private FlagCheck fallback(String flag, Throwable failure) {
        boolean value = defaults.valueOf(flag);
        String error = Failures.translate("checkFlag", failure).getMessage();
        fallbackLog.fallback(flag, value, error);
        return fallbackAnswer(flag, value, error);
    }

    private static FlagCheck fallbackAnswer(String flag, boolean value, String error) {
        return new FlagCheck(flag, value, FALLBACK_REASON, null, null, null, null, FlagSource.DEFAULT, error);
    }

    private FlagCheck notWaited(String flag) {
        return new FlagCheck(flag, defaults.valueOf(flag), NOT_WAITED_REASON, null, null, null, null, FlagSource.DEFAULT,
                NOT_WAITED_ERROR);
    }

    private void warnNotWaited(String operation) {
        if (notWaitedLog.allow()) {
            LOG.warnf("SchematicService.%s was called on an event-loop thread (%s), where it must not wait for"
                    + " Schematic: answers the cache does not hold are flag defaults (source DEFAULT), and checks of"
                    + " named flags ask Schematic in the background to fill the cache. Use ReactiveSchematicService on"
                    + " the event loop, or run the caller on a worker thread (@Blocking, @RunOnVirtualThread)",
                    operation, Thread.currentThread().getName());
        }
    }

    /**
     * Runs a fetch that fills the cache without anybody waiting for it; at most one per flag and keys at a time, and
     * none when the cache is off (it would fill nothing).
     */
    private void inBackground(String flag, Map<String, String> company, Map<String, String> user,
            Supplier<Uni<?>> fetch) {
        FlagCacheKey key = FlagCacheKey.stored(flag, company, user);
        if (!cache.enabled() || !fetching.add(key)) {
            return;
        }
        fetch.get().onTermination().invoke(() -> fetching.remove(key)).subscribe().with(
                answered -> {
                },
                failure -> LOG.debugf("Background flag check for an event-loop caller failed: %s",
                        Failures.translate("checkFlag", failure).getMessage()));
    }

    private FlagCheck notFound(String flag) {
        return new FlagCheck(flag, defaults.valueOf(flag), FALLBACK_REASON, null, null, null, null, FlagSource.DEFAULT,
                NOT_FOUND_ERROR);
    }

    private static List<FlagCheck> each(Iterable<String> flags, Function<String, FlagCheck> answer) {
        List<FlagCheck> answers = new ArrayList<>();
        flags.forEach(flag -> answers.add(answer.apply(flag)));
        return List.copyOf(answers);
    }
}
