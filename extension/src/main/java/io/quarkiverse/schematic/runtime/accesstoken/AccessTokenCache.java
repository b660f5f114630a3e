package io.quarkiverse.schematic.runtime.accesstoken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkiverse.schematic.AccessToken;
import io.quarkiverse.schematic.ReactiveSchematicAccounts;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.smallrye.mutiny.Uni;

/**
 * One token per company, reused until {@code quarkus.schematic.access-token.expiry-margin} before it expires. Bounded:
 * beyond {@link #MAX_COMPANIES} companies the least recently used are forgotten (and get a new token when asked).
 */
@Singleton
public class AccessTokenCache {

    static final int MAX_COMPANIES = 10_000;

    private final ReactiveSchematicAccounts accounts;
    private final Duration margin;
    private final Clock clock = Clock.systemUTC();
    private final Cache<Map<String, String>, AccessToken> tokens = Caffeine.newBuilder().maximumSize(MAX_COMPANIES)
            .build();

    AccessTokenCache(ReactiveSchematicAccounts accounts, SchematicConfig config) {
        this.accounts = accounts;
        this.margin = config.accessToken().expiryMargin();
    }

    /** A token for this company that stays valid for at least the margin: the cached one or a new one. */
    public Uni<AccessToken> token(Map<String, String> company) {
        AccessToken cached = tokens.getIfPresent(company);
        if (cached != null && usable(cached)) {
            return Uni.createFrom().item(cached);
        }
        // Two first requests of one company at once may both issue a token: harmless, the later one is kept.
        return accounts.issueAccessToken(company).invoke(issued -> tokens.put(company, issued));
    }

    private boolean usable(AccessToken token) {
        Instant now = clock.instant();
        return token.expiresAt() != null && now.plus(margin).isBefore(token.expiresAt());
    }
}
