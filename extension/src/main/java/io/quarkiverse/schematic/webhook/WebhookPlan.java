package io.quarkiverse.schematic.webhook;

import java.util.Map;

/**
 * The plan a webhook event is about. Fields Schematic did not send are {@code null}.
 *
 * @param id Schematic's id of the plan, e.g. {@code plan_...}
 * @param name display name
 * @param description description of the plan
 * @param planType kind of plan, e.g. {@code plan} or {@code add_on}
 */
public record WebhookPlan(String id, String name, String description, String planType) {

    static WebhookPlan from(Map<String, Object> plan) {
        return new WebhookPlan(WebhookData.string(plan, "id"), WebhookData.string(plan, "name"),
                WebhookData.string(plan, "description"), WebhookData.string(plan, "plan_type"));
    }
}
