package io.quarkiverse.schematic.runtime.devui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.runtime.datastream.DataStreamStatus;
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkiverse.schematic.runtime.events.EventStats;
import io.smallrye.common.annotation.Blocking;

/**
 * JSON-RPC methods behind the Schematic card of the Dev UI: the configuration in effect (API key masked), the flags of
 * the dev service with a toggle, the usage of its metered features with a reset, the application's recent flag
 * checks, local evaluation (the DataStream's or the replicator's state and what this process holds), the event buffer and what
 * the dev service
 * received. Everything about the dev service goes over HTTP to its admin endpoints (see {@link DevServiceProtocol}),
 * hence {@code @Blocking}: the Dev UI then calls those methods on a worker thread, never on the event loop.
 */
@Singleton
public class SchematicDevUiService {

    static final int SHOWN_ENTITIES = 100;

    private final SchematicConfig config;
    private final SchematicCore core;
    private final RecentFlagChecks recentChecks;
    private final DevServiceClient devService;
    private final LocalEvaluation local;

    @Inject
    public SchematicDevUiService(SchematicConfig config, SchematicCore core, RecentFlagChecks recentChecks,
            LocalEvaluation local) {
        this.config = config;
        this.core = core;
        this.recentChecks = recentChecks;
        this.local = local;
        this.devService = DevServiceProtocol.inUse(config) ? new DevServiceClient(config.baseUrl()) : null;
    }

    public boolean isDevServiceRunning() {
        return devService != null;
    }

    /** The effective {@code quarkus.schematic.*} values as name/value rows; the API key is never included. */
    public List<Map<String, String>> getConfiguration() {
        List<Map<String, String>> rows = new ArrayList<>();
        row(rows, "api-key", apiKeyState());
        row(rows, "base-url", config.baseUrl());
        row(rows, "event-capture-url", config.eventCaptureUrl());
        row(rows, "offline", config.offline());
        row(rows, "timeout", config.timeout());
        row(rows, "max-retries", config.maxRetries());
        row(rows, "retry-delay", config.retryDelay());
        row(rows, "flag-defaults", config.flagDefaults());
        row(rows, "cache.enabled", config.cache().enabled());
        row(rows, "cache.max-size", config.cache().maxSize());
        row(rows, "cache.ttl", config.cache().ttl());
        row(rows, "circuit-breaker.enabled", config.circuitBreaker().enabled());
        row(rows, "events.flush-interval", config.events().flushInterval());
        row(rows, "events.max-batch-size", config.events().maxBatchSize());
        row(rows, "events.capacity", config.events().capacity());
        row(rows, "local-evaluation.enabled", local.status().enabled());
        row(rows, "local-evaluation.url", local.status().url());
        row(rows, "local-evaluation.entity-wait-timeout", config.localEvaluation().entityWaitTimeout());
        row(rows, "local-evaluation.cache-ttl", config.localEvaluation().cacheTtl());
        row(rows, "local-evaluation.max-companies", config.localEvaluation().maxCompanies());
        row(rows, "local-evaluation.max-users", config.localEvaluation().maxUsers());
        return rows;
    }

    private String apiKeyState() {
        if (config.apiKey().filter(key -> !key.isBlank()).isEmpty()) {
            return "not set";
        }
        return DevServiceProtocol.inUse(config) ? "dev service key" : "set (hidden)";
    }

    private static void row(List<Map<String, String>> rows, String property, Object value) {
        rows.add(Map.of("property", ConfigNames.property(property), "value", String.valueOf(value)));
    }

    /** The dev service's flags with their current values and per-company/user overrides; empty without it. */
    @Blocking
    public Object getFlags() {
        return devService == null ? List.of() : devService.get(DevServiceProtocol.FLAGS);
    }

    /**
     * Sets the value the dev service answers for a flag and forgets cached checks, so that the next check sees it.
     */
    @Blocking
    public Object setFlag(String flag, boolean value) {
        requireDevService("flags are managed in Schematic");
        devService.put(DevServiceProtocol.FLAGS + "/" + segment(flag), Map.of("value", value));
        core.flags().cache().clear();
        return getFlags();
    }

    /** The metered features of the dev service with each company's usage against its allocation; empty without it. */
    @Blocking
    public Object getUsage() {
        return devService == null ? List.of() : devService.get(DevServiceProtocol.USAGE);
    }

    /**
     * Forgets the usage of one metered feature (every feature when {@code feature} is null or blank) and the cached
     * checks, so that the next check sees the usage start from zero.
     */
    @Blocking
    public Object resetUsage(String feature) {
        requireDevService("usage is metered in Schematic");
        Object usage = devService.delete(feature == null || feature.isBlank() ? DevServiceProtocol.USAGE
                : DevServiceProtocol.USAGE + "/" + segment(feature));
        core.flags().cache().clear();
        return usage;
    }

    private void requireDevService(String otherwise) {
        if (devService == null) {
            throw new IllegalStateException("The Schematic dev service is not running: " + otherwise);
        }
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The application's last flag checks, newest first, whatever answered them. */
    public List<Map<String, Object>> getRecentChecks() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RecentFlagChecks.SeenCheck seen : recentChecks.newestFirst()) {
            FlagCheck check = seen.check();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", DateTimeFormatter.ISO_INSTANT.format(seen.at()));
            row.put("flag", check.flag());
            row.put("value", check.value());
            row.put("source", check.source().name());
            row.put("reason", check.reason());
            row.put("companyId", check.companyId());
            row.put("userId", check.userId());
            row.put("error", check.error());
            row.put("ruleType", check.ruleType() == null ? null : check.ruleType().name());
            row.put("usage", usageOf(check.entitlement()));
            rows.add(row);
        }
        return rows;
    }

    /** "usage / allocation" of an entitlement ("usage (unlimited)", "usage" without allocation), or {@code null}. */
    private static String usageOf(Entitlement entitlement) {
        if (entitlement == null) {
            return null;
        }
        if (entitlement.unlimited()) {
            return entitlement.usage() + " (unlimited)";
        }
        return entitlement.allocation() == null ? String.valueOf(entitlement.usage())
                : entitlement.usage() + " / " + entitlement.allocation();
    }

    /** The flag checks the dev service answered, with the company and user keys they carried; empty without it. */
    @Blocking
    public Object getDevServiceChecks() {
        return devService == null ? List.of() : devService.get(DevServiceProtocol.CHECKS);
    }

    /**
     * Local evaluation: the DataStream's state and counters, and the keys of what it caches (at most
     * {@value #SHOWN_ENTITIES} of each kind).
     */
    public Map<String, Object> getDataStream() {
        DataStreamStatus status = local.status();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("state", status.state());
        view.put("url", status.url());
        view.put("flagCount", status.flags());
        view.put("companyCount", status.companies());
        view.put("userCount", status.users());
        view.put("pendingRequests", status.pendingRequests());
        view.put("reconnects", status.reconnects());
        view.put("entityWaitTimeouts", status.entityWaitTimeouts());
        view.put("ignoredMessages", status.ignoredMessages());
        local.held().ifPresent(held -> {
            view.put("flags", held.flagKeys().stream().limit(SHOWN_ENTITIES).toList());
            view.put("companies", held.companies().stream().limit(SHOWN_ENTITIES)
                    .map(company -> Map.of("id", company.id(), "keys", company.keys())).toList());
            view.put("users", held.users().stream().limit(SHOWN_ENTITIES)
                    .map(user -> Map.of("id", user.id(), "keys", user.keys())).toList());
        });
        return view;
    }

    /** Counters of the event buffer. */
    public EventStats getEventStats() {
        return core.events().stats();
    }

    /** The identify/track events the dev service received, newest first; empty without it. */
    @Blocking
    public Object getRecentEvents() {
        return devService == null ? List.of() : devService.get(DevServiceProtocol.EVENTS);
    }

    /** Companies and users upserted into the dev service. */
    @Blocking
    public Object getEntities() {
        return devService == null ? Map.of("companies", List.of(), "users", List.of())
                : devService.get(DevServiceProtocol.ENTITIES);
    }
}
