package io.quarkiverse.schematic.webhook;

import java.util.Map;

/**
 * The entitlement a webhook event is about: a plan entitlement ({@code plan.entitlement.*} events) or a company's
 * usage of an entitled feature ({@code entitlement.*} limit and warning events). Fields the event does not carry are
 * {@code null}.
 *
 * @param id Schematic's id of the plan entitlement
 * @param featureId the entitled feature
 * @param planId the plan granting the entitlement
 * @param valueType how the entitlement is valued, e.g. {@code boolean}, {@code numeric}, {@code unlimited}
 * @param valueBool the value of a boolean entitlement
 * @param valueNumeric the value (limit) of a numeric entitlement
 * @param usage the company's current usage (usage events)
 * @param allocation the company's allocation (usage events)
 */
public record WebhookEntitlement(String id, String featureId, String planId, String valueType, Boolean valueBool,
        Long valueNumeric, Long usage, Long allocation) {

    static WebhookEntitlement fromPlanEntitlement(Map<String, Object> entitlement) {
        return new WebhookEntitlement(WebhookData.string(entitlement, "id"),
                WebhookData.string(entitlement, "feature_id"), WebhookData.string(entitlement, "plan_id"),
                WebhookData.string(entitlement, "value_type"), WebhookData.bool(entitlement, "value_bool"),
                WebhookData.number(entitlement, "value_numeric"), null, null);
    }

    // Usage events name their fields in PascalCase ("Feature", "Usage", "Allocation"); snake_case is accepted too.
    static WebhookEntitlement fromUsage(Map<String, Object> usage) {
        Map<String, Object> feature = WebhookData.object(usage, "Feature", "feature");
        String featureId = feature == null ? WebhookData.string(usage, "feature_id")
                : WebhookData.string(feature, "id");
        return new WebhookEntitlement(null, featureId, null, null, null, null,
                WebhookData.number(usage, "Usage", "usage"), WebhookData.number(usage, "Allocation", "allocation"));
    }
}
