package io.quarkiverse.schematic.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.schematic.SchematicException;
import io.quarkiverse.schematic.webhook.WebhookVerificationException.Reason;

/**
 * The verifier by hand, with no Quarkus container: the test vectors of the wire spec, and every way of rejecting.
 */
class WebhookVerifierTest {

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("test-secret", "1609459200", "{\"event\":\"test\"}",
                        "698efb567d886c51002192c79ba46a8ec5735ab1f1976eedb041cf2375b4fb90"),
                Arguments.of("whsec_example_123", "1735689600",
                        "{\"type\":\"company.updated\",\"data\":{\"id\":\"comp_1\"}}",
                        "d3719111f1d69d5e7c139464814ec6cd9f6e2b81513a7e4e1368c5a4ff401b7c"),
                Arguments.of("s3cr3t", "1700000000", "",
                        "85b055b2f36397e5ca0a831249c09d2bc1cd3fb27e9364ddc2ecd004eb823464"));
    }

    /** A verifier whose clock reads the vector's timestamp, so the default tolerance applies unchanged. */
    private static WebhookVerifier at(String secret, String timestamp) {
        return WebhookVerifier.create(secret).withClock(clock(Long.parseLong(timestamp)));
    }

    private static Clock clock(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void specVectorsVerify(String secret, String timestamp, String body, String signature) {
        assertThatCode(() -> at(secret, timestamp).verify(body.getBytes(UTF_8), signature, timestamp))
                .doesNotThrowAnyException();
        assertThat(WebhookSigner.create(secret).sign(body, timestamp)).isEqualTo(signature);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void flippingOneByteOfTheBodyFails(String secret, String timestamp, String body, String signature) {
        byte[] tampered = body.isEmpty() ? new byte[] { ' ' } : body.getBytes(UTF_8);
        if (!body.isEmpty()) {
            tampered[tampered.length / 2] ^= 1;
        }
        assertRejected(() -> at(secret, timestamp).verify(tampered, signature, timestamp), Reason.SIGNATURE_MISMATCH);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void flippingOneCharacterOfTheSignatureFails(String secret, String timestamp, String body, String signature) {
        for (int position : new int[] { 0, 31, 63 }) {
            char flipped = signature.charAt(position) == '0' ? '1' : '0';
            String tampered = signature.substring(0, position) + flipped + signature.substring(position + 1);
            assertRejected(() -> at(secret, timestamp).verify(body, tampered, timestamp), Reason.SIGNATURE_MISMATCH);
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void changingTheTimestampBySecondFails(String secret, String timestamp, String body, String signature) {
        String nextSecond = Long.toString(Long.parseLong(timestamp) + 1);
        assertRejected(() -> at(secret, timestamp).verify(body, signature, nextSecond), Reason.SIGNATURE_MISMATCH);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void changingOneCharacterOfTheSecretFails(String secret, String timestamp, String body, String signature) {
        String otherSecret = secret.substring(0, secret.length() - 1) + (secret.endsWith("x") ? "y" : "x");
        assertRejected(() -> at(otherSecret, timestamp).verify(body, signature, timestamp), Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void missingHeadersAreRejectedFirst() {
        WebhookVerifier verifier = WebhookVerifier.create("s");
        assertRejected(() -> verifier.verify("{}", null, "1"), Reason.MISSING_SIGNATURE);
        assertRejected(() -> verifier.verify("{}", " ", "1"), Reason.MISSING_SIGNATURE);
        assertRejected(() -> verifier.verify("{}", "ab", null), Reason.MISSING_TIMESTAMP);
        assertRejected(() -> verifier.verify("{}", "ab", ""), Reason.MISSING_TIMESTAMP);
    }

    @Test
    void signatureMustBe64HexCharacters() {
        WebhookVerifier verifier = WebhookVerifier.create("s");
        String valid = WebhookSigner.create("s").sign("{}", "1");
        assertRejected(() -> verifier.verify("{}", valid.substring(1), "1"), Reason.MALFORMED_SIGNATURE);
        assertRejected(() -> verifier.verify("{}", valid + "0", "1"), Reason.MALFORMED_SIGNATURE);
        assertRejected(() -> verifier.verify("{}", "g" + valid.substring(1), "1"), Reason.MALFORMED_SIGNATURE);
        assertRejected(() -> verifier.verify("{}", "sha256=" + valid.substring(7), "1"), Reason.MALFORMED_SIGNATURE);
    }

    @Test
    void timestampsOutsideTheToleranceAreRejected() {
        long now = 1_800_000_000L;
        WebhookVerifier verifier = WebhookVerifier.create("s").withClock(clock(now));
        WebhookSigner signer = WebhookSigner.create("s");
        for (long sentAt : new long[] { now - 300, now + 300, now }) {
            String ts = Long.toString(sentAt);
            assertThatCode(() -> verifier.verify("{}", signer.sign("{}", ts), ts)).doesNotThrowAnyException();
        }
        for (long sentAt : new long[] { now - 301, now + 301, 0, -Long.MAX_VALUE, Long.MAX_VALUE }) {
            String ts = Long.toString(sentAt);
            assertRejected(() -> verifier.verify("{}", signer.sign("{}", ts), ts),
                    Reason.TIMESTAMP_OUTSIDE_TOLERANCE);
        }
    }

    @Test
    void toleranceIsConfigurableAndCanBeDisabled() {
        long now = 1_800_000_000L;
        String hourOld = Long.toString(now - 3600);
        String signature = WebhookSigner.create("s").sign("{}", hourOld);
        WebhookVerifier verifier = WebhookVerifier.create("s").withClock(clock(now));

        assertRejected(() -> verifier.verify("{}", signature, hourOld), Reason.TIMESTAMP_OUTSIDE_TOLERANCE);
        assertThatCode(() -> verifier.withTolerance(Duration.ofHours(2)).verify("{}", signature, hourOld))
                .doesNotThrowAnyException();
        assertThatCode(() -> verifier.withoutTimestampCheck().verify("{}", signature, hourOld))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier.withTolerance(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withoutTimestampCheck");
    }

    @Test
    void aSignedTimestampThatIsNotANumberIsMalformedUnlessTheCheckIsDisabled() {
        String signature = WebhookSigner.create("s").sign("{}", "yesterday");
        WebhookVerifier verifier = WebhookVerifier.create("s");
        assertRejected(() -> verifier.verify("{}", signature, "yesterday"), Reason.MALFORMED_TIMESTAMP);
        assertThatCode(() -> verifier.withoutTimestampCheck().verify("{}", signature, "yesterday"))
                .doesNotThrowAnyException();
    }

    @Test
    void previousSecretIsAcceptedDuringRotation() {
        String ts = "1800000000";
        WebhookVerifier verifier = WebhookVerifier.create("new-secret").withPreviousSecret("old-secret")
                .withClock(clock(1_800_000_000L));
        for (String secret : new String[] { "new-secret", "old-secret" }) {
            String signature = WebhookSigner.create(secret).sign("{}", ts);
            assertThatCode(() -> verifier.verify("{}", signature, ts)).doesNotThrowAnyException();
        }
        String other = WebhookSigner.create("other-secret").sign("{}", ts);
        assertRejected(() -> verifier.verify("{}", other, ts), Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void neitherTheSecretNorTheExpectedSignatureIsEverShown() {
        String secret = "whsec_very_secret_value";
        String ts = "1609459200";
        String expected = WebhookSigner.create(secret).sign("{}", ts);
        WebhookVerifier verifier = WebhookVerifier.create(secret).withClock(clock(1_609_459_200L));
        String wrong = expected.replace(expected.charAt(0), expected.charAt(0) == 'a' ? 'b' : 'a');

        assertThatThrownBy(() -> verifier.verify("{}", wrong, ts))
                .isInstanceOf(SchematicException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret).doesNotContain(expected));
        assertThat(verifier.toString()).doesNotContain(secret);
        assertThat(WebhookSigner.create(secret).toString()).doesNotContain(secret);
    }

    @Test
    void blankSecretIsRefused() {
        assertThatThrownBy(() -> WebhookVerifier.create(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSigner.create(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signerHeadersAreAcceptedByTheVerifier() {
        Instant sentAt = Instant.parse("2026-01-02T03:04:05Z");
        byte[] body = "{\"action\":\"user.created\",\"body\":{\"name\":\"Zoë\"}}".getBytes(UTF_8);
        var headers = WebhookSigner.create("s").headers(body, sentAt);

        assertThat(headers).containsEntry(WebhookVerifier.TIMESTAMP_HEADER, "1767323045");
        assertThatCode(() -> WebhookVerifier.create("s").withClock(Clock.fixed(sentAt, ZoneOffset.UTC)).verify(body,
                headers.get(WebhookVerifier.SIGNATURE_HEADER), headers.get(WebhookVerifier.TIMESTAMP_HEADER)))
                .doesNotThrowAnyException();
    }

    private static void assertRejected(Runnable verification, Reason reason) {
        assertThatThrownBy(verification::run).isInstanceOf(WebhookVerificationException.class)
                .satisfies(e -> assertThat(((WebhookVerificationException) e).reason()).isEqualTo(reason));
    }
}
