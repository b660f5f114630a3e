package io.quarkiverse.schematic.runtime.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void readsUpToTheLimitInclusive() throws IOException {
        byte[] body = new byte[20_000];
        body[19_999] = 7;
        assertThat(BoundedBody.read(new ByteArrayInputStream(body), 20_000)).isEqualTo(body);
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), 0)).isEmpty();
    }

    @Test
    void givesUpOnceOverTheLimitWithoutReadingTheRest() throws IOException {
        CountingStream in = new CountingStream(10_000_000);
        assertThat(BoundedBody.read(in, 20_000)).isNull();
        assertThat(in.read).isLessThan(40_000);
    }

    /** An endless-looking stream that counts what was taken from it. */
    private static final class CountingStream extends InputStream {
        private final long size;
        long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read < size ? (int) (++read & 0) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            read += n;
            return n;
        }
    }
}
