package io.quarkiverse.schematic.runtime.flags;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.runtime.client.CallPolicy;
import io.quarkiverse.schematic.runtime.client.CheckFlagRequest;
import io.quarkiverse.schematic.runtime.client.Envelope;
import io.quarkiverse.schematic.runtime.client.Failures;
import io.quarkiverse.schematic.runtime.client.FlagCheckData;
import io.quarkiverse.schematic.runtime.client.FlagsCheckData;
import io.quarkiverse.schematic.runtime.client.SchematicApi;
import io.smallrye.mutiny.Uni;

/**
 * Answers flag checks: offline defaults, then local evaluation (when on), then the cache, then Schematic, then the
 * flag default. Never fails because of Schematic; callers validate arguments before they get here.
 */
public final class FlagEvaluator {

    static final String OFFLINE_REASON = "Offline mode: flag default";
    static final String FALLBACK_REASON = "Schematic could not answer: flag default";
    static final String NOT_FOUND_ERROR = "Flag not found in Schematic's answer";

    private final SchematicApi api;
    private final FlagCheckCache cache;
    private final FlagDefaults defaults;
    private final boolean offline;
    private final FlagCheckListener listener;
    private final LocalAnswers local;
    private final FallbackLog fallbackLog = new FallbackLog();

    public FlagEvaluator(SchematicApi api, FlagCheckCache cache, FlagDefaults defaults, boolean offline,
            FlagCheckListener listener) {
        this(api, cache, defaults, offline, listener, LocalAnswers.NONE);
    }

    public FlagEvaluator(SchematicApi api, FlagCheckCache cache, FlagDefaults defaults, boolean offline,
            FlagCheckListener listener, LocalAnswers local) {
        this.api = api;
        this.cache = cache;
        this.defaults = defaults;
        this.offline = offline;
        this.listener = listener;
        this.local = local;
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

    public Uni<FlagCheck> check(String flag, Map<String, String> company, Map<String, String> user, CallPolicy policy) {
        if (offline) {
            FlagCheck answer = offline(flag);
            listener.checked(answer);
            return Uni.createFrom().item(answer);
        }
        FlagCheck hit = cached(flag, company, user);
        if (hit != null) {
            return Uni.createFrom().item(hit);
        }
        return local.later(flag, company, user)
                .onItem().ifNotNull().invoke(listener::checked)
                .onItem().ifNull().switchTo(() -> askSchematic(flag, company, user, policy));
    }

    private Uni<FlagCheck> askSchematic(String flag, Map<String, String> company, Map<String, String> user,
            CallPolicy policy) {
        return policy.run("checkFlag", budget -> api.checkFlag(flag, new CheckFlagRequest(company, user), budget))
                .map(envelope -> remote(flag, envelope == null ? null : envelope.data()))
                .invoke(answer -> cache.put(company, user, answer))
                .onFailure().recoverWithItem(failure -> fallback(flag, failure))
                .invoke(listener::checked);
    }

    /** Every flag for these keys; on failure (or offline) the flags that have a default. */
    public Uni<List<FlagCheck>> checkAll(Map<String, String> company, Map<String, String> user, CallPolicy policy) {
        if (offline) {
            return Uni.createFrom().item(() -> each(defaults.all().keySet(), this::offline));
        }
        return fetchAll(company, user, policy)
                .map(all -> List.copyOf(all.values()))
                .onFailure().recoverWithItem(failure -> each(defaults.all().keySet(), flag -> fallback(flag, failure)));
    }

    /**
     * These flags in this order: from the cache when every one is cached, else from one bulk request that refreshes
     * the cache for every flag it returns.
     */
    public Uni<List<FlagCheck>> checkSome(List<String> flags, Map<String, String> company, Map<String, String> user,
            CallPolicy policy) {
        if (offline) {
            return Uni.createFrom().item(() -> each(flags, this::offline));
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
                .map(all -> each(flags, flag -> {
                    FlagCheck answer = all.get(flag);
                    return answer != null ? answer : notFound(flag);
                }))
                .onFailure().recoverWithItem(failure -> each(flags, flag -> fallback(flag, failure)))
                .invoke(answers -> answers.forEach(listener::checked));
    }

    private Uni<Map<String, FlagCheck>> fetchAll(Map<String, String> company, Map<String, String> user,
            CallPolicy policy) {
        return policy.run("checkFlags", budget -> api.checkFlags(new CheckFlagRequest(company, user), budget))
                .map(FlagEvaluator::flagsOf)
                .map(data -> {
                    Map<String, FlagCheck> byFlag = new HashMap<>();
                    for (FlagCheckData flag : data) {
                        FlagCheck answer = remote(flag == null ? null : flag.flag(), flag);
                        byFlag.put(answer.flag(), answer);
                        cache.put(company, user, answer);
                    }
                    return byFlag;
                });
    }

    private static List<FlagCheckData> flagsOf(Envelope<FlagsCheckData> envelope) {
        if (envelope == null || envelope.data() == null || envelope.data().flags() == null) {
            throw new UnreadableAnswerException("checkFlags");
        }
        return envelope.data().flags();
    }

    private static FlagCheck remote(String flag, FlagCheckData data) {
        if (flag == null || data == null || data.value() == null) {
            throw new UnreadableAnswerException("checkFlag");
        }
        return new FlagCheck(flag, data.value(), data.reason(), data.flagId(), data.companyId(), data.userId(),
                data.ruleId(), FlagSource.REMOTE, data.error());
    }

    private FlagCheck offline(String flag) {
        return new FlagCheck(flag, defaults.valueOf(flag), OFFLINE_REASON, null, null, null, null, FlagSource.OFFLINE,
                null);
    }

    private FlagCheck fallback(String flag, Throwable failure) {
        boolean value = defaults.valueOf(flag);
        String error = Failures.translate("checkFlag", failure).getMessage();
        fallbackLog.fallback(flag, value, error);
        return new FlagCheck(flag, value, FALLBACK_REASON, null, null, null, null, FlagSource.DEFAULT, error);
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
