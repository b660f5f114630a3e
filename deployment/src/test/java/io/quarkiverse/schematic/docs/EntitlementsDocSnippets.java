package io.quarkiverse.schematic.docs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkiverse.schematic.CheckContext;
import io.quarkiverse.schematic.CompanyFlags;
import io.quarkiverse.schematic.CompanyPlan;
import io.quarkiverse.schematic.CreditBalance;
import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.TrialStatus;

/**
 * The Java snippets of docs/entitlements.md, each between {@code tag::name[]} and {@code end::name[]} markers, compiled
 * here and run against the dev service by {@code DevServiceTest.theDocumentedPatternsWorkAgainstTheDevService}. Keep
 * the page and this class in step.
 */
public class EntitlementsDocSnippets {

    private final SchematicService schematic;

    public EntitlementsDocSnippets(SchematicService schematic) {
        this.schematic = schematic;
    }

    // tag::gate-by-plan[]
    public boolean canUseAdvancedReports(Map<String, String> company, Map<String, String> user) {
        // the plan grants the feature: a plan entitlement rule in Schematic turns the flag on
        return schematic.checkFlag("advanced-reports", company, user);
    }

    public String planBadge(Map<String, String> company) {
        CompanyFlags all = schematic.checkFlagsDetails(company, Map.of()); // one request: flags, plan, credits
        CompanyPlan plan = all.plan();
        if (plan == null) {
            return "No plan";
        }
        if (plan.trialStatus() == TrialStatus.ACTIVE) {
            return plan.name() + " (trial until " + plan.trialEndDate() + ")";
        }
        CreditBalance credits = all.creditBalances().get("ai-credits");
        return credits == null ? plan.name() : plan.name() + ", " + credits.remaining() + " AI credits left";
    }
    // end::gate-by-plan[]

    // tag::usage-label[]
    public String usageLabel(Map<String, String> company) {
        FlagCheck check = schematic.checkFlagDetails("api-calls", company, Map.of());
        Entitlement entitlement = check.entitlement();
        if (entitlement == null) {
            return check.value() ? "Included" : "Not in your plan";
        }
        if (entitlement.unlimited()) {
            return entitlement.usage() + " API calls (unlimited)";
        }
        String label = entitlement.usage() + " of " + entitlement.allocation() + " API calls used";
        if (entitlement.overSoftLimit()) {
            label += " - consider upgrading";
        }
        return entitlement.metricResetAt() == null ? label : label + ", resets " + entitlement.metricResetAt();
    }
    // end::usage-label[]

    // tag::preflight[]
    /** Runs a batch of API calls only if the company stays below its allocation after them. */
    public boolean runBatch(Map<String, String> company, Map<String, String> user, List<String> calls) {
        // the size comes from our own data, never from the caller's request: Schematic trusts it as given
        boolean allowed = schematic.checkFlag("api-calls", company, user, Preflight.usage(calls.size()));
        if (!allowed) {
            return false; // e.g. answer 402 with a link to the upgrade page
        }
        // ... run the calls, then meter what was used:
        schematic.track(Track.event("api-call").company(company).user(user).quantity(calls.size()));
        return true;
    }
    // end::preflight[]

    // tag::meter[]
    /** Called once per API request; a retried request carries the same id and is counted once. */
    public void recordApiCall(Map<String, String> company, String requestId) {
        schematic.track(Track.event("api-call").company(company).idempotencyKey("api-call-" + requestId));
    }
    // end::meter[]

    // tag::backfill[]
    public record UsageRecord(String id, Map<String, String> company, long quantity, Instant at) {
    }

    /** Imports usage recorded before the application used Schematic: counted at its time, not billed. */
    public void importHistory(List<UsageRecord> records) {
        for (UsageRecord record : records) {
            schematic.track(Track.event("api-call").company(record.company()).quantity(record.quantity())
                    .sentAt(record.at()).trustedClientClock(true).backfill(true)
                    .idempotencyKey("import-" + record.id())); // a re-run of the import counts nothing twice
        }
        schematic.flush();
    }
    // end::backfill[]

    // tag::bulk[]
    /** The companies of a list that have used up their API calls, in one request per 100 companies. */
    public List<String> overTheLimit(List<String> companyIds) {
        List<CheckContext> contexts = companyIds.stream().map(id -> CheckContext.company(Map.of("id", id))).toList();
        List<CompanyFlags> answers = schematic.checkFlagsBulk(contexts); // one answer per context, in order
        List<String> over = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (!answers.get(i).value("api-calls")) {
                over.add(companyIds.get(i));
            }
        }
        return over;
    }
    // end::bulk[]
}
