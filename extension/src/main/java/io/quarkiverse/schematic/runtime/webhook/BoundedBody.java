package io.quarkiverse.schematic.runtime.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body into memory, giving up as soon as it grows past the limit so an oversized body is never
 * buffered whole.
 */
final class BoundedBody {

    private static final int CHUNK = 8192;

    private BoundedBody() {
    }

    /** The whole stream, or {@code null} when it holds more than {@code maxBytes}. */
    static byte[] read(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int read;
        while ((read = in.read(chunk)) != -1) {
            total += read;
            if (total > maxBytes) {
                return null;
            }
            out.write(chunk, 0, read);
        }
        return out.toByteArray();
    }
}
