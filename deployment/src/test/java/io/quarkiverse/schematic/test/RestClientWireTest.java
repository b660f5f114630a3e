package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicClientErrorException;
import io.quarkiverse.schematic.SchematicHttpException;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.User;
import io.quarkiverse.schematic.UserUpsert;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Each operation sends the documented request and reads the documented answer.
 */
class RestClientWireTest {

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false");

    @Inject
    SchematicService schematic;

    final WireMock stub = SchematicStub.client();

    @BeforeEach
    void reset() {
        stub.resetMappings();
        stub.resetRequests();
    }

    @Test
    void checkFlagPostsKeysWithApiKeyAndUserAgent() {
        SchematicStub.flag(stub, "new-dashboard", true);

        FlagCheck check = schematic.checkFlagDetails("new-dashboard", Map.of("id", "acme"),
                Map.of("email", "jane@acme.com"));

        assertThat(check).isEqualTo(new FlagCheck("new-dashboard", true, "Matched standard rule", "flag_1", "comp_1",
                "user_1", "rule_1", FlagSource.REMOTE, null));
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/new-dashboard/check"))
                .withHeader(SchematicStub.API_KEY_HEADER, equalTo(SchematicStub.API_KEY))
                .withHeader("User-Agent", matching("quarkus-schematic/.+"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"company\":{\"id\":\"acme\"},\"user\":{\"email\":\"jane@acme.com\"}}")));
    }

    @Test
    void checkFlagWithoutKeysSendsEmptyBody() {
        SchematicStub.flag(stub, "beta", false);

        assertThat(schematic.checkFlag("beta")).isFalse();

        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/beta/check")).withRequestBody(equalToJson("{}")));
    }

    @Test
    void flagKeyIsUrlEncodedAsOnePathSegment() {
        stub.register(post(urlPathEqualTo("/flags/a%2Fb%20c/check")).willReturn(SchematicStub.json(
                SchematicStub.flagJson("a/b c", true))));

        assertThat(schematic.checkFlag("a/b c")).isTrue();
    }

    @Test
    void checkFlagsReturnsEveryFlag() {
        stub.register(post(urlPathEqualTo("/flags/check")).willReturn(SchematicStub.json("{\"data\":{\"flags\":["
                + SchematicStub.flagData("a", true) + "," + SchematicStub.flagData("b", false)
                + "],\"plan\":null},\"params\":{}}")));

        List<FlagCheck> all = schematic.checkFlags(Map.of("id", "acme"), null);

        assertThat(all).extracting(FlagCheck::flag, FlagCheck::value, FlagCheck::source)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a", true, FlagSource.REMOTE),
                        org.assertj.core.groups.Tuple.tuple("b", false, FlagSource.REMOTE));
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/check"))
                .withRequestBody(equalToJson("{\"company\":{\"id\":\"acme\"}}")));
    }

    @Test
    void upsertCompanySendsKeysNameTraitsAndReadsTheStoredCompany() {
        stub.register(post(urlPathEqualTo("/companies")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"comp_1\",\"name\":\"Acme Inc\",\"keys\":[{\"key\":\"id\",\"value\":\"acme\",\"id\":\"k1\"}],"
                + "\"traits\":{\"seats\":40},\"created_at\":\"2026-01-02T03:04:05Z\",\"updated_at\":\"2026-01-02T03:04:06Z\","
                + "\"user_count\":3,\"plans\":[]},\"params\":{}}")));

        Company company = schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme")).name("Acme Inc")
                .traits(Map.of("seats", 40)));

        assertThat(company.id()).isEqualTo("comp_1");
        assertThat(company.name()).isEqualTo("Acme Inc");
        assertThat(company.keys()).containsExactly(Map.entry("id", "acme"));
        assertThat(company.traits()).containsEntry("seats", 40);
        assertThat(company.createdAt()).isNotNull();
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/companies"))
                .withHeader(SchematicStub.API_KEY_HEADER, equalTo(SchematicStub.API_KEY))
                .withRequestBody(equalToJson("{\"keys\":{\"id\":\"acme\"},\"name\":\"Acme Inc\",\"traits\":{\"seats\":40}}")));
    }

    @Test
    void upsertUserSendsCompanyKeys() {
        stub.register(post(urlPathEqualTo("/users")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"user_1\",\"name\":\"Jane\",\"keys\":[{\"key\":\"email\",\"value\":\"jane@acme.com\"}]},"
                + "\"params\":{}}")));

        User user = schematic.upsertUser(UserUpsert.keys(Map.of("email", "jane@acme.com"))
                .company(Map.of("id", "acme")).name("Jane"));

        assertThat(user.id()).isEqualTo("user_1");
        assertThat(user.keys()).containsEntry("email", "jane@acme.com");
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/users")).withRequestBody(equalToJson(
                "{\"keys\":{\"email\":\"jane@acme.com\"},\"company\":{\"id\":\"acme\"},\"name\":\"Jane\"}")));
    }

    @Test
    void errorBodyAndStatusReachTheException() {
        stub.register(post(urlPathEqualTo("/companies")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"keys are required\"}")));

        assertThatThrownBy(() -> schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                .isInstanceOf(SchematicClientErrorException.class)
                .satisfies(e -> {
                    SchematicHttpException http = (SchematicHttpException) e;
                    assertThat(http.statusCode()).isEqualTo(422);
                    assertThat(http.body()).isEqualTo("{\"error\":\"keys are required\"}");
                    assertThat(http.getMessage()).doesNotContain(SchematicStub.API_KEY);
                });
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/companies")));
    }
}
