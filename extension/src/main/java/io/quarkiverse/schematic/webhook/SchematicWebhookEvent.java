package io.quarkiverse.schematic.webhook;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A verified webhook delivery from Schematic.
 * <p>
 * Schematic sends {@code {"action": "company.updated", "account_id": ..., "environment_id": ..., "object_type": ...,
 * "body": {...}}}; {@link #type()} is the action and {@link #data()} the body ({@code type}/{@code data} are accepted
 * too). Typed accessors read the common company, user, plan and entitlement events; everything else stays available in
 * {@link #data()} and {@link #payload()}.
 * <p>
 * Observe deliveries to the built-in endpoint ({@code quarkus.schematic.webhook.path}) with
 * {@code void onEvent(@Observes SchematicWebhookEvent event)}, or take it as the body parameter of a resource
 * annotated with {@link SchematicWebhook}. Immutable.
 */
public final class SchematicWebhookEvent {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final Set<String> COMPANY_EVENTS = Set.of("company.created", "company.updated", "company.deleted");
    private static final Set<String> USER_EVENTS = Set.of("user.created", "user.updated", "user.deleted");
    private static final Set<String> PLAN_EVENTS = Set.of("plan.created", "plan.updated", "plan.deleted");

    private final Map<String, Object> payload;
    private final Map<String, Object> data;
    private final String type;
    private final Instant deliveredAt;
    private final byte[] rawBody;

    private SchematicWebhookEvent(Map<String, Object> payload, Instant deliveredAt, byte[] rawBody) {
        this.payload = payload;
        Map<String, Object> body = WebhookData.object(payload, "body", "data");
        this.data = body == null ? Map.of() : body;
        String action = WebhookData.string(payload, "action", "type");
        this.type = action == null ? "" : action;
        this.deliveredAt = deliveredAt;
        this.rawBody = rawBody;
    }

    /**
     * Parses a webhook body. Does not verify it: use {@link WebhookVerifier#verifyAndParse} for deliveries.
     *
     * @throws WebhookPayloadException when the body is not a JSON object
     */
    public static SchematicWebhookEvent parse(byte[] body) {
        return parse(body, null);
    }

    /**
     * Parses a webhook body and the value of its {@value WebhookVerifier#TIMESTAMP_HEADER} header (may be
     * {@code null}).
     *
     * @throws WebhookPayloadException when the body is not a JSON object
     */
    public static SchematicWebhookEvent parse(byte[] body, String timestampHeader) {
        byte[] copy = body.clone();
        Map<String, Object> payload;
        try {
            payload = JSON.readValue(copy, OBJECT);
        } catch (IOException e) {
            // Jackson's message quotes part of the body, which may hold customer data, so it is not passed on.
            throw new WebhookPayloadException("The webhook body is not a JSON object");
        }
        if (payload == null) {
            throw new WebhookPayloadException("The webhook body is not a JSON object");
        }
        return new SchematicWebhookEvent(WebhookData.freeze(payload), epochSeconds(timestampHeader), copy);
    }

    private static Instant epochSeconds(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The event type, e.g. {@code company.updated} or {@code entitlement.limit.reached}; empty if absent. */
    public String type() {
        return type;
    }

    /** The top-level {@code id} of the event, when present. */
    public Optional<String> id() {
        return Optional.ofNullable(WebhookData.string(payload, "id"));
    }

    /** The Schematic account the event happened in. */
    public Optional<String> accountId() {
        return Optional.ofNullable(WebhookData.string(payload, "account_id"));
    }

    /** The Schematic environment the event happened in. */
    public Optional<String> environmentId() {
        return Optional.ofNullable(WebhookData.string(payload, "environment_id"));
    }

    /** The kind of object in {@link #data()}, as Schematic names it. */
    public Optional<String> objectType() {
        return Optional.ofNullable(WebhookData.string(payload, "object_type"));
    }

    /** When the event happened: the top-level {@code created_at} (ISO-8601), when present. */
    public Optional<Instant> createdAt() {
        String createdAt = WebhookData.string(payload, "created_at");
        if (createdAt == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(createdAt).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** When Schematic sent the delivery: its {@value WebhookVerifier#TIMESTAMP_HEADER} header, when known. */
    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    /** The object the event is about ({@code body}, or {@code data}); empty if absent. Unmodifiable. */
    public Map<String, Object> data() {
        return data;
    }

    /** The whole parsed JSON object. Unmodifiable. */
    public Map<String, Object> payload() {
        return payload;
    }

    /** The body exactly as received (a copy). */
    public byte[] rawBody() {
        return rawBody.clone();
    }

    /**
     * The company of a {@code company.created/updated/deleted} event, or the {@code company} object nested in other
     * events (usage triggers, plan changes, overrides).
     */
    public Optional<WebhookCompany> company() {
        return entity("company", COMPANY_EVENTS).map(WebhookCompany::from);
    }

    /** The user of a {@code user.created/updated/deleted} event, or a nested {@code user} object. */
    public Optional<WebhookUser> user() {
        return entity("user", USER_EVENTS).map(WebhookUser::from);
    }

    /** The plan of a {@code plan.created/updated/deleted} event, or a nested {@code plan} object. */
    public Optional<WebhookPlan> plan() {
        return entity("plan", PLAN_EVENTS).map(WebhookPlan::from);
    }

    /** The entitlement of a {@code plan.entitlement.*} event or the usage of an {@code entitlement.*} event. */
    public Optional<WebhookEntitlement> entitlement() {
        if (type.startsWith("plan.entitlement.")) {
            return Optional.of(WebhookEntitlement.fromPlanEntitlement(data));
        }
        if (type.startsWith("entitlement.")) {
            return Optional.of(WebhookEntitlement.fromUsage(data));
        }
        return Optional.empty();
    }

    private Optional<Map<String, Object>> entity(String nestedName, Set<String> ownEvents) {
        if (ownEvents.contains(type)) {
            return Optional.of(data);
        }
        return Optional.ofNullable(WebhookData.object(data, nestedName));
    }

    @Override
    public String toString() {
        return "SchematicWebhookEvent[type=" + type + id().map(id -> ", id=" + id).orElse("") + ", bytes="
                + rawBody.length + "]";
    }
}
