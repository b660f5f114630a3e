package io.quarkiverse.schematic.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkiverse.schematic.CheckContext;
import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.CompanyFlags;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.ReactiveSchematicService;
import io.quarkiverse.schematic.RequestOptions;
import io.quarkiverse.schematic.SchematicContext;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.User;
import io.quarkiverse.schematic.UserUpsert;
import io.quarkiverse.schematic.runtime.client.CallPolicy;
import io.quarkiverse.schematic.runtime.client.UpsertCompanyRequest;
import io.quarkiverse.schematic.runtime.client.UpsertUserRequest;
import io.quarkiverse.schematic.runtime.flags.FlagEvaluator;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The reactive service: validates arguments, then hands over to the flag evaluator, the event sink or the REST
 * client under this view's {@link CallPolicy}.
 */
public final class DefaultReactiveSchematicService implements ReactiveSchematicService {

    /** How long {@code flush()} waits for the event buffer. */
    static final Duration FLUSH_TIMEOUT = Duration.ofMinutes(1);

    private final SchematicCore core;
    private final CallPolicy policy;

    public DefaultReactiveSchematicService(SchematicCore core, CallPolicy policy) {
        this.core = core;
        this.policy = policy;
    }

    @Override
    public SchematicContext callerContext() {
        return core.callers().current();
    }

    SchematicCore core() {
        return core;
    }

    CallPolicy policy() {
        return policy;
    }

    @Override
    public Uni<FlagCheck> checkFlagDetails(String flag, Map<String, String> company, Map<String, String> user) {
        return core.flags().check(CheckArguments.flag(flag, "flag"), CheckArguments.keys(company, "company"),
                CheckArguments.keys(user, "user"), policy);
    }

    @Override
    public Uni<FlagCheck> checkFlagDetails(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight) {
        return core.flags().preflight(CheckArguments.flag(flag, "flag"), CheckArguments.keys(company, "company"),
                CheckArguments.keys(user, "user"), CheckArguments.preflight(preflight), policy);
    }

    @Override
    public Uni<List<FlagCheck>> checkFlags(Map<String, String> company, Map<String, String> user) {
        return core.flags().checkAll(CheckArguments.keys(company, "company"), CheckArguments.keys(user, "user"),
                policy);
    }

    @Override
    public Uni<CompanyFlags> checkFlagsDetails(Map<String, String> company, Map<String, String> user) {
        return core.flags().checkAllDetails(CheckArguments.keys(company, "company"), CheckArguments.keys(user, "user"),
                policy);
    }

    @Override
    public Uni<List<CompanyFlags>> checkFlagsBulk(List<CheckContext> contexts) {
        return core.flags().checkBulk(CheckArguments.contexts(contexts), policy);
    }

    @Override
    public Uni<List<FlagCheck>> checkFlags(List<String> flags, Map<String, String> company, Map<String, String> user) {
        return core.flags().checkSome(CheckArguments.flags(flags), CheckArguments.keys(company, "company"),
                CheckArguments.keys(user, "user"), policy);
    }

    /** {@link #checkFlagDetails} for a caller that must not wait: see {@link FlagEvaluator#checkWithoutWaiting}. */
    FlagCheck checkFlagDetailsWithoutWaiting(String flag, Map<String, String> company, Map<String, String> user) {
        return core.flags().checkWithoutWaiting(CheckArguments.flag(flag, "flag"),
                CheckArguments.keys(company, "company"), CheckArguments.keys(user, "user"), policy);
    }

    /** {@link #checkFlagDetails(String, Map, Map, Preflight)} for a caller that must not wait. */
    FlagCheck checkFlagDetailsWithoutWaiting(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight) {
        return core.flags().preflightWithoutWaiting(CheckArguments.flag(flag, "flag"),
                CheckArguments.keys(company, "company"), CheckArguments.keys(user, "user"),
                CheckArguments.preflight(preflight));
    }

    /** {@link #checkFlagsDetails(Map, Map)} for a caller that must not wait. */
    CompanyFlags checkFlagsDetailsWithoutWaiting(Map<String, String> company, Map<String, String> user) {
        return core.flags().checkAllWithoutWaiting(CheckArguments.keys(company, "company"),
                CheckArguments.keys(user, "user"));
    }

    /** {@link #checkFlagsBulk(List)} for a caller that must not wait: each context as {@code checkFlagsDetails}. */
    List<CompanyFlags> checkFlagsBulkWithoutWaiting(List<CheckContext> contexts) {
        return CheckArguments.contexts(contexts).stream()
                .map(context -> core.flags().checkAllWithoutWaiting(context.company(), context.user())).toList();
    }

    /** {@link #checkFlags(List, Map, Map)} for a caller that must not wait. */
    List<FlagCheck> checkFlagsWithoutWaiting(List<String> flags, Map<String, String> company,
            Map<String, String> user) {
        return core.flags().checkSomeWithoutWaiting(CheckArguments.flags(flags), CheckArguments.keys(company, "company"),
                CheckArguments.keys(user, "user"), policy);
    }

    @Override
    public Uni<Void> identify(Identify identify) {
        enqueue(identify);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> track(Track track) {
        enqueue(track);
        return Uni.createFrom().voidItem();
    }

    void enqueue(Identify identify) {
        if (identify == null) {
            throw new IllegalArgumentException("identify must not be null");
        }
        core.events().offer("identify", identify, PublicEvents.options(identify));
    }

    void enqueue(Track track) {
        if (track == null) {
            throw new IllegalArgumentException("track must not be null");
        }
        core.events().offer("track", track, PublicEvents.options(track));
    }

    @Override
    public Uni<Company> upsertCompany(CompanyUpsert company) {
        if (company == null) {
            throw new IllegalArgumentException("company must not be null");
        }
        return core.remote("upsertCompany", () -> policy.run("upsertCompany",
                budget -> core.api().upsertCompany(
                        new UpsertCompanyRequest(company.keys(), company.name(), company.traits()), budget))
                .map(Entities::company));
    }

    @Override
    public Uni<User> upsertUser(UserUpsert user) {
        if (user == null) {
            throw new IllegalArgumentException("user must not be null");
        }
        return core.remote("upsertUser", () -> policy.run("upsertUser",
                budget -> core.api().upsertUser(
                        new UpsertUserRequest(user.keys(), user.company(), user.name(), user.traits()), budget))
                .map(Entities::user));
    }

    @Override
    public Uni<Void> flush() {
        return Uni.createFrom().<Void> item(() -> {
            core.events().flush(FLUSH_TIMEOUT);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public ReactiveSchematicService withOptions(RequestOptions options) {
        return new DefaultReactiveSchematicService(core, policyFor(core, options));
    }

    /**
     * The policy of a view with these options.
     *
     * @throws IllegalArgumentException if the options ask for more retries than {@code quarkus.schematic.max-retries}
     */
    static CallPolicy policyFor(SchematicCore core, RequestOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        int maxRetries = options.maxRetries().orElse(core.configuredMaxRetries());
        if (maxRetries > core.configuredMaxRetries()) {
            throw new IllegalArgumentException("options.maxRetries (" + maxRetries
                    + ") exceeds quarkus.schematic.max-retries (" + core.configuredMaxRetries()
                    + "); raise the property to allow more retries");
        }
        return new CallPolicy(maxRetries, options.timeout().orElse(null));
    }
}
