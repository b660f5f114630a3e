package io.quarkiverse.schematic.runtime.events;

import java.time.Instant;

/**
 * The {@code sent_at} text of an accepted event, as {@link Instant#toString()} writes a millisecond instant
 * ({@code 2026-11-30T14:00:00Z}, {@code 2026-11-30T14:00:00.120Z}), without formatting the date and time of day for
 * every event: a batch's events mostly share their second, whose text is kept. {@code Instant.toString} took about
 * 600 B and 125 ns per event on the flusher, which shares the CPUs with the callers of {@code track} (issue #10).
 */
final class SentAtText {

    /** The text of one second, up to and without its fraction and zone; replaced whole, so reads need no lock. */
    private record Second(long epochSecond, String text) {
    }

    private volatile Second last = new Second(Long.MIN_VALUE, "");

    String of(long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000);
        int millis = (int) Math.floorMod(epochMillis, 1000);
        Second second = last;
        if (second.epochSecond != epochSecond) {
            String whole = Instant.ofEpochSecond(epochSecond).toString();
            // without the closing 'Z': the fraction goes before it
            second = new Second(epochSecond, whole.substring(0, whole.length() - 1));
            last = second;
        }
        if (millis == 0) {
            return second.text + 'Z';
        }
        char[] fraction = { '.', (char) ('0' + millis / 100), (char) ('0' + millis / 10 % 10), (char) ('0' + millis % 10),
                'Z' };
        return second.text.concat(new String(fraction));
    }
}
