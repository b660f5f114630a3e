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
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.User;
import io.quarkiverse.schematic.UserUpsert;

/**
 * The blocking service. A check that the cache answers returns on the caller's thread without touching Mutiny;
 * everything else waits for the reactive service, whose timeouts bound the wait.
 */
public final class DefaultSchematicService implements SchematicService {

    private final DefaultReactiveSchematicService reactive;

    public DefaultSchematicService(DefaultReactiveSchematicService reactive) {
        this.reactive = reactive;
    }

    @Override
    public FlagCheck checkFlagDetails(String flag, Map<String, String> company, Map<String, String> user) {
        if (flag != null && !flag.isBlank()) {
            FlagCheck hit = reactive.core().flags().cached(flag, orEmpty(company), orEmpty(user));
            if (hit != null) {
                return hit;
            }
        }
        return reactive.checkFlagDetails(flag, company, user).await().indefinitely();
    }

    private static Map<String, String> orEmpty(Map<String, String> keys) {
        return keys == null ? Map.of() : keys;
    }

    @Override
    public FlagCheck checkFlagDetails(String flag, Map<String, String> company, Map<String, String> user,
            Preflight preflight) {
        return reactive.checkFlagDetails(flag, company, user, preflight).await().indefinitely();
    }

    @Override
    public List<FlagCheck> checkFlags(Map<String, String> company, Map<String, String> user) {
        return reactive.checkFlags(company, user).await().indefinitely();
    }

    @Override
    public CompanyFlags checkFlagsDetails(Map<String, String> company, Map<String, String> user) {
        return reactive.checkFlagsDetails(company, user).await().indefinitely();
    }

    @Override
    public List<CompanyFlags> checkFlagsBulk(List<CheckContext> contexts) {
        return reactive.checkFlagsBulk(contexts).await().indefinitely();
    }

    @Override
    public List<FlagCheck> checkFlags(List<String> flags, Map<String, String> company, Map<String, String> user) {
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
        return reactive.upsertCompany(company).await().indefinitely();
    }

    @Override
    public User upsertUser(UserUpsert user) {
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
        reactive.core().events().flush(DefaultReactiveSchematicService.FLUSH_TIMEOUT);
    }

    @Override
    public SchematicService withOptions(RequestOptions options) {
        return new DefaultSchematicService(new DefaultReactiveSchematicService(reactive.core(),
                DefaultReactiveSchematicService.policyFor(reactive.core(), options)));
    }
}
