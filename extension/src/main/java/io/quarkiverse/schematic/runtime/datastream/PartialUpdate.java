package io.quarkiverse.schematic.runtime.datastream;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesUser;

/**
 * Applies a {@code partial} DataStream message (only the fields that changed) to a cached company or user, on their
 * JSON form, the way Schematic's SDKs merge:
 * <ul>
 * <li>{@code keys} and a company's {@code credit_balances} are merged (entries added or replaced, none removed);</li>
 * <li>a company's {@code metrics} are upserted by event subtype, period and month reset;</li>
 * <li>every other field sent replaces the cached one;</li>
 * <li>partials do not carry refreshed entitlements, so unless the partial sends {@code entitlements} itself, each
 * cached entitlement takes its {@code credit_remaining} from a changed balance of its credit and its {@code usage}
 * from a changed metric of its event, period and month reset, as the server would have computed them.</li>
 * </ul>
 */
final class PartialUpdate {

    private static final String DEFAULT_PERIOD = "all_time";
    private static final String DEFAULT_MONTH_RESET = "first_of_month";
    /** A metric without a value counts as none used. */
    private static final JsonNode NO_USAGE = LongNode.valueOf(0);

    private final ObjectMapper json;

    PartialUpdate(ObjectMapper json) {
        this.json = json;
    }

    RulesCompany company(RulesCompany cached, ObjectNode partial) throws JsonProcessingException {
        ObjectNode merged = json.valueToTree(cached);
        boolean metricsChanged = false;
        JsonNode balances = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = partial.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "keys" -> mergeObject(merged, field.getKey(), field.getValue());
                case "credit_balances" -> {
                    mergeObject(merged, field.getKey(), field.getValue());
                    balances = field.getValue();
                }
                case "metrics" -> metricsChanged = upsertMetrics(merged, field.getValue());
                default -> merged.set(field.getKey(), field.getValue());
            }
        }
        if (!partial.has("entitlements") && (metricsChanged || balances != null)) {
            refreshEntitlements(merged, metricsChanged, balances);
        }
        return json.treeToValue(merged, RulesCompany.class);
    }

    RulesUser user(RulesUser cached, ObjectNode partial) throws JsonProcessingException {
        ObjectNode merged = json.valueToTree(cached);
        for (Iterator<Map.Entry<String, JsonNode>> fields = partial.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("keys")) {
                mergeObject(merged, field.getKey(), field.getValue());
            } else {
                merged.set(field.getKey(), field.getValue());
            }
        }
        return json.treeToValue(merged, RulesUser.class);
    }

    /** Adds or replaces the entries of an object field; a non-object value replaces the field. */
    private static void mergeObject(ObjectNode target, String name, JsonNode entries) {
        JsonNode existing = target.get(name);
        if (!entries.isObject() || existing == null || !existing.isObject()) {
            target.set(name, entries);
            return;
        }
        ((ObjectNode) existing).setAll((ObjectNode) entries);
    }

    /** Replaces the metrics with the same subtype, period and month reset, appends the others; whether any applied. */
    private static boolean upsertMetrics(ObjectNode target, JsonNode metrics) {
        if (!metrics.isArray()) {
            return false;
        }
        JsonNode existing = target.get("metrics");
        ArrayNode result = existing != null && existing.isArray() ? (ArrayNode) existing : target.putArray("metrics");
        for (JsonNode metric : metrics) {
            String key = metricKey(metric, "event_subtype", "period", "month_reset");
            int index = indexOf(result, key);
            if (index >= 0) {
                result.set(index, metric);
            } else {
                result.add(metric);
            }
        }
        target.set("metrics", result);
        return true;
    }

    private static int indexOf(ArrayNode metrics, String key) {
        for (int i = 0; i < metrics.size(); i++) {
            if (metricKey(metrics.get(i), "event_subtype", "period", "month_reset").equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static void refreshEntitlements(ObjectNode company, boolean metricsChanged, JsonNode balances) {
        JsonNode entitlements = company.get("entitlements");
        if (entitlements == null || !entitlements.isArray()) {
            return;
        }
        Map<String, JsonNode> metricValues = new HashMap<>();
        if (metricsChanged) {
            for (JsonNode metric : company.withArray("metrics")) {
                JsonNode value = metric.get("value");
                metricValues.put(metricKey(metric, "event_subtype", "period", "month_reset"),
                        value == null || value.isNull() ? NO_USAGE : value);
            }
        }
        for (JsonNode node : entitlements) {
            if (!(node instanceof ObjectNode entitlement)) {
                continue;
            }
            String creditId = text(entitlement, "credit_id", "");
            if (balances != null && balances.isObject() && !creditId.isEmpty() && balances.has(creditId)) {
                entitlement.set("credit_remaining", balances.get(creditId));
            }
            String event = text(entitlement, "event_name", "");
            if (metricsChanged && !event.isEmpty()) {
                JsonNode usage = metricValues.get(metricKey(entitlement, "event_name", "metric_period", "month_reset"));
                if (usage != null) {
                    entitlement.set("usage", usage);
                }
            }
        }
    }

    /** Subtype, period and month reset, with the server's defaults for a missing period or reset. */
    private static String metricKey(JsonNode node, String subtypeField, String periodField, String resetField) {
        return text(node, subtypeField, "") + '\0' + text(node, periodField, DEFAULT_PERIOD) + '\0'
                + text(node, resetField, DEFAULT_MONTH_RESET);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        String text = value == null || value.isNull() ? "" : value.asText("");
        return text.isEmpty() ? fallback : text;
    }
}
