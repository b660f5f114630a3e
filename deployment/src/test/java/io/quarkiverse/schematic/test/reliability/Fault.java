package io.quarkiverse.schematic.test.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * The ways Schematic (or the network in between) can misbehave, as WireMock answers.
 */
enum Fault {
    STALL_BEFORE_HEADERS(aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}")),
    STALL_MID_BODY(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"data\":{\"flag\":\"x\",\"value\":true,\"reason\":\"" + "r".repeat(2_000) + "\"}}")
            .withChunkedDribbleDelay(4, 3_000)),
    CONNECTION_RESET(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)),
    EMPTY_RESPONSE(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE)),
    GARBAGE_THEN_CLOSE(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.RANDOM_DATA_THEN_CLOSE)),
    SLOW_DRIP(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"data\":{\"flags\":[]},\"params\":{}}").withChunkedDribbleDelay(30, 3_000)),
    TOO_MANY_REQUESTS(aResponse().withStatus(429).withHeader("Retry-After", "1")),
    SERVICE_UNAVAILABLE(aResponse().withStatus(503).withBody("{\"error\":\"maintenance\"}")),
    GARBAGE_JSON(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("<html>gateway error</html>")),
    TRUNCATED_JSON(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"data\":{\"id\":\"comp_1\",\"name\":\"Acme")),
    HUGE_RESPONSE(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"data\":{\"ignored\":\"" + "x".repeat(4_000_000) + "\"}}"));

    final ResponseDefinitionBuilder answer;

    Fault(ResponseDefinitionBuilder answer) {
        this.answer = answer;
    }
}
