package io.quarkiverse.schematic.docs.snippets.webhooks;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkiverse.schematic.webhook.SchematicWebhookEvent;
import io.quarkiverse.schematic.webhook.WebhookEntitlement;

// tag::webhooks-observer[]
@ApplicationScoped
public class PlanSync {

    void onEvent(@Observes SchematicWebhookEvent event) {
        switch (event.type()) {
            case "company.plan_changed" -> event.company().ifPresent(company -> refreshPlan(company.keys()));
            case "entitlement.limit.reached" -> event.entitlement().ifPresent(this::alert);
            default -> {
            }
        }
    }

    private void refreshPlan(Map<String, String> companyKeys) {
        // your code: reload what the company may use
    }

    private void alert(WebhookEntitlement usage) {
        // your code: usage.featureId(), usage.usage(), usage.allocation()
    }
}
// end::webhooks-observer[]
