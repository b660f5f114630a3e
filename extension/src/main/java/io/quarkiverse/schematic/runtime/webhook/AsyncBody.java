package io.quarkiverse.schematic.runtime.webhook;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

import org.jboss.resteasy.reactive.server.spi.ServerHttpRequest;

/**
 * Reads a request body on the I/O thread, chunk by chunk as it arrives, for resources that do not run on a worker
 * thread (where a blocking read is not allowed). Stops reading once the body grows past the limit.
 */
final class AsyncBody implements ServerHttpRequest.ReadCallback {

    private final ServerHttpRequest request;
    private final long maxBytes;
    private final Consumer<byte[]> whenRead;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean finished;

    private AsyncBody(ServerHttpRequest request, long maxBytes, Consumer<byte[]> whenRead) {
        this.request = request;
        this.maxBytes = maxBytes;
        this.whenRead = whenRead;
    }

    /**
     * Reads the body, then passes it to {@code whenRead} on the I/O thread, or {@code null} when it is larger than
     * {@code maxBytes}.
     */
    static void read(ServerHttpRequest request, long maxBytes, Consumer<byte[]> whenRead) {
        AsyncBody reader = new AsyncBody(request, maxBytes, whenRead);
        if (request.isRequestEnded()) {
            request.resumeRequestInput();
            reader.done();
        } else {
            request.setReadListener(reader);
            request.resumeRequestInput();
        }
    }

    @Override
    public void data(ByteBuffer chunk) {
        if (finished) {
            return;
        }
        if (body.size() + (long) chunk.remaining() > maxBytes) {
            finished = true;
            request.pauseRequestInput();
            whenRead.accept(null);
            return;
        }
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        body.write(bytes, 0, bytes.length);
    }

    @Override
    public void done() {
        if (!finished) {
            finished = true;
            whenRead.accept(body.toByteArray());
        }
    }
}
