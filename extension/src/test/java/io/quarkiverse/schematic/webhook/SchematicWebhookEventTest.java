package io.quarkiverse.schematic.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Parsing of webhook bodies into {@link SchematicWebhookEvent} and its typed accessors.
 */
class SchematicWebhookEventTest {

    private static SchematicWebhookEvent parse(String json) {
        return SchematicWebhookEvent.parse(json.getBytes(UTF_8), "1767323045");
    }

    @Test
    void readsSchematicsEnvelope() {
        SchematicWebhookEvent event = parse("{\"action\":\"company.updated\",\"account_id\":\"acct_1\","
                + "\"environment_id\":\"env_1\",\"object_type\":\"company\",\"id\":\"evt_1\","
                + "\"created_at\":\"2026-01-02T03:04:00.123Z\",\"body\":{\"id\":\"comp_1\",\"name\":\"Acme\","
                + "\"keys\":[{\"key\":\"id\",\"value\":\"acme\",\"id\":\"k1\"}],\"traits\":{\"seats\":40},"
                + "\"unknown\":[1,{\"a\":null}]}}");

        assertThat(event.type()).isEqualTo("company.updated");
        assertThat(event.id()).contains("evt_1");
        assertThat(event.accountId()).contains("acct_1");
        assertThat(event.environmentId()).contains("env_1");
        assertThat(event.objectType()).contains("company");
        assertThat(event.createdAt()).contains(Instant.parse("2026-01-02T03:04:00.123Z"));
        assertThat(event.deliveredAt()).contains(Instant.ofEpochSecond(1767323045));
        assertThat(event.data()).containsEntry("name", "Acme");
        assertThat(event.company()).contains(new WebhookCompany("comp_1", "Acme", Map.of("id", "acme"),
                Map.of("seats", 40)));
        assertThat(event.user()).isEmpty();
        assertThat(event.plan()).isEmpty();
        assertThat(event.entitlement()).isEmpty();
    }

    @Test
    void acceptsTypeAndDataAsWell() {
        SchematicWebhookEvent event = parse("{\"type\":\"company.updated\",\"data\":{\"id\":\"comp_1\"}}");

        assertThat(event.type()).isEqualTo("company.updated");
        assertThat(event.company().map(WebhookCompany::id)).contains("comp_1");
        assertThat(event.id()).isEmpty();
        assertThat(event.createdAt()).isEmpty();
    }

    @Test
    void userEvent() {
        SchematicWebhookEvent event = parse("{\"action\":\"user.created\","
                + "\"body\":{\"id\":\"user_1\",\"name\":\"Zoë\","
                + "\"keys\":{\"email\":\"zoe@acme.com\"},\"company\":{\"id\":\"comp_1\",\"name\":\"Acme\"}}}");

        assertThat(event.user()).contains(new WebhookUser("user_1", "Zoë", Map.of("email", "zoe@acme.com"), Map.of()));
        assertThat(event.company().map(WebhookCompany::id)).contains("comp_1");
    }

    @Test
    void planAndPlanEntitlementEvents() {
        assertThat(parse("{\"action\":\"plan.updated\",\"body\":{\"id\":\"plan_1\",\"name\":\"Pro\","
                + "\"description\":\"For teams\",\"plan_type\":\"plan\"}}").plan())
                .contains(new WebhookPlan("plan_1", "Pro", "For teams", "plan"));

        SchematicWebhookEvent entitlement = parse("{\"action\":\"plan.entitlement.created\",\"body\":{\"id\":\"pe_1\","
                + "\"feature_id\":\"feat_1\",\"plan_id\":\"plan_1\",\"value_type\":\"numeric\",\"value_numeric\":100,"
                + "\"plan\":{\"id\":\"plan_1\",\"name\":\"Pro\"}}}");
        assertThat(entitlement.entitlement()).contains(new WebhookEntitlement("pe_1", "feat_1", "plan_1", "numeric",
                null, 100L, null, null));
        assertThat(entitlement.plan().map(WebhookPlan::name)).contains("Pro");
    }

    @Test
    void usageTriggerEvent() {
        SchematicWebhookEvent event = parse("{\"action\":\"entitlement.limit.warning\",\"body\":{\"Allocation\":1000,"
                + "\"Usage\":900,\"Entitlement\":\"numeric\",\"Feature\":{\"id\":\"feat_1\",\"name\":\"Queries\"},"
                + "\"company\":{\"id\":\"comp_1\",\"keys\":[{\"key\":\"id\",\"value\":\"acme\"}]}}}");

        assertThat(event.entitlement()).contains(new WebhookEntitlement(null, "feat_1", null, null, null, null, 900L,
                1000L));
        assertThat(event.company().map(WebhookCompany::keys)).contains(Map.of("id", "acme"));
    }

    @Test
    void eventIsImmutableAndKeepsTheRawBody() {
        byte[] body = "{\"action\":\"x\",\"body\":{\"list\":[1]}}".getBytes(UTF_8);
        SchematicWebhookEvent event = SchematicWebhookEvent.parse(body);
        body[2] = 'X';

        assertThat(new String(event.rawBody(), UTF_8)).isEqualTo("{\"action\":\"x\",\"body\":{\"list\":[1]}}");
        event.rawBody()[0] = 'X';
        assertThat(event.rawBody()[0]).isEqualTo((byte) '{');
        assertThatThrownBy(() -> event.data().put("a", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(event.deliveredAt()).isEmpty();
    }

    @Test
    void bodyThatIsNotAJsonObjectIsRejectedWithoutQuotingIt() {
        for (String body : new String[] { "", "not json secret-customer-data", "[1,2]", "null" }) {
            assertThatThrownBy(() -> SchematicWebhookEvent.parse(body.getBytes(UTF_8)))
                    .isInstanceOf(WebhookPayloadException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-customer-data"))
                    .hasNoCause();
        }
    }

    @Test
    void missingTypeReadsAsEmpty() {
        SchematicWebhookEvent event = parse("{}");
        assertThat(event.type()).isEmpty();
        assertThat(event.data()).isEmpty();
        assertThat(event.company()).isEmpty();
    }
}
