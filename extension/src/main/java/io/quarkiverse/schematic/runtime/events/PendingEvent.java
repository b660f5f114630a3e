package io.quarkiverse.schematic.runtime.events;

import java.util.function.Supplier;

import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.client.CapturedEvent;
import io.quarkiverse.schematic.runtime.client.IdentifyBody;
import io.quarkiverse.schematic.runtime.client.TrackBody;

/**
 * An accepted identify or track event waiting in the buffer.
 *
 * @param type {@code identify} or {@code track}
 * @param body the application's {@link Track} or {@link Identify} as it was built, or another event's wire body: the
 *        public types are turned into their wire bodies by the delivery thread, so that accepting one allocates
 *        nothing on the caller's thread beyond this entry
 * @param acceptedAtMillis when the application sent it (epoch millis), sent as {@code sent_at} unless the caller chose
 *        an event time
 * @param options the caller's delivery options
 */
public record PendingEvent(String type, Object body, long acceptedAtMillis, EventOptions options) {

    /**
     * The event as the capture service takes it. Without a caller's key a random one is drawn from
     * {@code randomKeys} here, once, before the first attempt: a batch re-sent after a lost answer is then recognised
     * by the capture service instead of counted twice. {@code trusted_client_clock} and {@code backfill} go on the
     * wire only when set.
     */
    CapturedEvent captured(String apiKey, Supplier<String> randomKeys, SentAtText sentAtText) {
        String sentAt = options.sentAt() != null ? options.sentAt().toString() : sentAtText.of(acceptedAtMillis);
        String key = options.idempotencyKey() != null ? options.idempotencyKey() : randomKeys.get();
        return new CapturedEvent(apiKey, type, wireBody(), sentAt, key,
                options.trustedClientClock() ? Boolean.TRUE : null, options.backfill() ? Boolean.TRUE : null);
    }

    private Object wireBody() {
        if (body instanceof Track track) {
            return TrackBody.of(track);
        }
        return body instanceof Identify identify ? IdentifyBody.of(identify) : body;
    }
}
