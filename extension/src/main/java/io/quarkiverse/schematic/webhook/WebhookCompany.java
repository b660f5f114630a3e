package io.quarkiverse.schematic.webhook;

import java.util.Map;

/**
 * The company a webhook event is about. Fields Schematic did not send are {@code null} (maps are empty).
 *
 * @param id Schematic's id of the company, e.g. {@code comp_...}
 * @param name display name
 * @param keys the company's keys, e.g. {@code {"id": "acme"}}
 * @param traits the company's traits
 */
public record WebhookCompany(String id, String name, Map<String, String> keys, Map<String, Object> traits) {

    static WebhookCompany from(Map<String, Object> company) {
        return new WebhookCompany(WebhookData.string(company, "id"), WebhookData.string(company, "name"),
                WebhookData.keys(company), WebhookData.traits(company));
    }
}
