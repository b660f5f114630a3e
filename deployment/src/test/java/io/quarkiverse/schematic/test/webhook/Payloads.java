package io.quarkiverse.schematic.test.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;

/** Webhook bodies for the tests. */
final class Payloads {

    static final String SECRET = "whsec_test_0123456789abcdef";

    /** A company event whose text is far from ASCII. */
    static final byte[] UNICODE = ("{\"action\":\"company.updated\",\"body\":{\"id\":\"comp_1\","
            + "\"name\":\"Zoë Ünïcødé 😀 日本語 ✓\",\"traits\":{\"seats\":40}}}").getBytes(UTF_8);

    private Payloads() {
    }

    /** A valid UTF-8 JSON object of exactly {@code size} bytes, mostly multi-byte characters. */
    static byte[] ofSize(int size) {
        byte[] head = "{\"action\":\"company.updated\",\"body\":{\"blob\":\"".getBytes(UTF_8);
        byte[] tail = "\"}}".getBytes(UTF_8);
        byte[] unit = "Zoë 😀 日本 ".getBytes(UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(head);
        int room = size - head.length - tail.length;
        for (int i = 0; i < room / unit.length; i++) {
            out.writeBytes(unit);
        }
        for (int i = 0; i < room % unit.length; i++) {
            out.write('.');
        }
        out.writeBytes(tail);
        return out.toByteArray();
    }
}
