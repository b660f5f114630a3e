package io.quarkiverse.schematic.webhook;

import java.util.Map;

/**
 * The user a webhook event is about. Fields Schematic did not send are {@code null} (maps are empty).
 *
 * @param id Schematic's id of the user, e.g. {@code user_...}
 * @param name display name
 * @param keys the user's keys, e.g. {@code {"email": "jane@acme.com"}}
 * @param traits the user's traits
 */
public record WebhookUser(String id, String name, Map<String, String> keys, Map<String, Object> traits) {

    static WebhookUser from(Map<String, Object> user) {
        return new WebhookUser(WebhookData.string(user, "id"), WebhookData.string(user, "name"),
                WebhookData.keys(user), WebhookData.traits(user));
    }
}
