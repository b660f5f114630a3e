package io.quarkiverse.schematic.runtime;

import java.util.List;
import java.util.Map;

import io.quarkiverse.schematic.CheckContext;
import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.CompanyFlags;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.RequestOptions;
import io.quarkiverse.schematic.SchematicContext;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.User;
import io.quarkiverse.schematic.UserUpsert;
import io.quarkiverse.schematic.runtime.flags.FlagEvaluator;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The blocking service. A check that the cache answers returns on the caller's thread without touching Mutiny;
 * everything else waits for the reactive service, whose timeouts bound the wait.
 * <p>
 * Except on a thread that must not block (a Vert.x event loop): there a flag check answers from what it has at hand
 * (see {@code FlagEvaluator.checkWithoutWaiting}) instead of failing in Mutiny's {@code await}, and upserts and
 * {@code flush()}, which have no sensible answer without Schematic, fail at once with an
 * {@link IllegalStateException} that names the reactive alternative.
 */
public final class DefaultSchematicService implements SchematicService {

    private final DefaultReactiveSchematicService reactive;
    /** Held directly: the cache-hit path reads one field, not three. */
    private final FlagEvaluator flags;

    public DefaultSchematicService(DefaultReactiveSchematicService reactive) {
        this.reactive = reactive;
        this.flags = reactive.core().flags();
    }

    @Override
    public FlagCheck checkFlagDetails(String flag, Map<String, String> company, Map<String, String> user) {
        // a blank flag is never cached nor evaluated locally, so it misses here and fails its validation below
        if (flag != null) {
            FlagCheck hit = flags.cached(flag, orEmpty(company), orEmpty(user));
            if (hit != null) {
                return hit;
            }
        }
        if (!Infrastructure.canCallerThreadBeBlocked()) {
            return reactive.checkFlagDetailsWithoutWaiting(flag, company, user);
        }
        String checkedFlag = CheckArguments.flag(flag, "flag");
        Map<String, String> checkedCompany = CheckArguments.keys(company, "company");
        Map<String, String> checkedUser = CheckArguments.keys(user, "user");
        // cached() missed above (validation does not change the arguments): while the breaker is open the answer is
        // at hand, else this thread waits, with no Uni built for the cache or the breaker
        return flags.checkWaitingAfterMiss(checkedFlag, checkedCompany, checkedUser, reactive.policy());
    }

    private static Map<String, String> orEmpty(Map<String, String> keys) {
        return keys == null ? Map.of() : keys;
    }

    @Override
    public FlagCheck checkFlagDetails(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight) {
        if (!Infrastructure.canCallerThreadBeBlocked()) {
            return reactive.checkFlagDetailsWithoutWaiting(flag, company, user, preflight);
        }
        return reactive.checkFlagDetails(flag, company, user, preflight).await().indefinitely();
    }

    @Override
    public SchematicContext callerContext() {
        return reactive.callerContext();
    }

    @Override
    public List<FlagCheck> checkFlags(Map<String, String> company, Map<String, String> user) {
        if (!Infrastructure.canCallerThreadBeBlocked()) {
            return reactive.checkFlagsDetailsWithoutWaiting(company, user).flags();
        }
        return reactive.checkFlags(company, user).await().indefinitely();
    }

    @Override
    public CompanyFlags checkFlagsDetails(Map<String, String> company, Map<String, String> user) {
        if (!Infrastructure.canCallerThreadBeBlocked()) {
            return reactive.checkFlagsDetailsWithoutWaiting(company, user);
        }
        return reactive.checkFlagsDetails(company, user).await().indefinitely();
    }

    @Override
    public List<CompanyFlags> checkFlagsBulk(List<CheckContext> contexts) {
        if (!Infrastructure.canCallerThreadBeBlocked()) {
            return reactive.checkFlagsBulkWithoutWaiting(contexts);
        }
        return reactive.checkFlagsBulk(contexts).await().indefinitely();
    }

    @Override
    public List<FlagCheck> checkFlags(List<String> flags, Map<String, String> company, Map<String, String> user) {
        if (!Infrastructure.canCallerThreadBeBlocked()) {
            return reactive.checkFlagsWithoutWaiting(flags, company, user);
        }
        return reactive.checkFlags(flags, company, user).await().indefinitely();
    }

    @Override
    public void identify(Identify identify) {
        reactive.enqueue(identify);
    }

    @Override
    public void track(Track track) {
        reactive.enqueue(track);
    }

    @Override
    public Company upsertCompany(CompanyUpsert company) {
        requireBlockingAllowed("upsertCompany");
        return reactive.upsertCompany(company).await().indefinitely();
    }

    @Override
    public User upsertUser(UserUpsert user) {
        requireBlockingAllowed("upsertUser");
        return reactive.upsertUser(user).await().indefinitely();
    }

    @Override
    public void setFlagDefault(String flag, boolean value) {
        reactive.core().flags().defaults().set(CheckArguments.flag(flag, "flag"), value);
    }

    @Override
    public void removeFlagDefault(String flag) {
        reactive.core().flags().defaults().remove(CheckArguments.flag(flag, "flag"));
    }

    @Override
    public void flush() {
        requireBlockingAllowed("flush");
        reactive.core().events().flush(DefaultReactiveSchematicService.FLUSH_TIMEOUT);
    }

    /** Fails at once where waiting is forbidden, rather than inside Mutiny or by stalling an event loop. */
    private static void requireBlockingAllowed(String operation) {
        if (!Infrastructure.canCallerThreadBeBlocked()) {
            throw new IllegalStateException("SchematicService." + operation + " waits for Schematic and must not run on"
                    + " an event-loop thread (" + Thread.currentThread().getName() + "): use ReactiveSchematicService."
                    + operation + " there, or run the caller on a worker thread (@Blocking, @RunOnVirtualThread)");
        }
    }

    @Override
    public SchematicService withOptions(RequestOptions options) {
        return new DefaultSchematicService(new DefaultReactiveSchematicService(reactive.core(),
                DefaultReactiveSchematicService.policyFor(reactive.core(), options)));
    }
}
