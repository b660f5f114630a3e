package io.quarkiverse.schematic.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SentAtTextTest {

    @Test
    void writesWhatInstantToStringWrites() {
        SentAtText text = new SentAtText();
        long[] times = { 0, 1, 999, 1000, 1001, 1_764_511_200_000L, 1_764_511_200_007L, 1_764_511_200_070L,
                1_764_511_200_700L, 1_764_511_200_999L, 1_764_511_201_000L, 1_764_511_199_999L, -1, -1000, -1001,
                253_402_300_799_999L };
        for (long millis : times) {
            assertThat(text.of(millis)).as("%d", millis).isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
    }

    @Test
    void sameSecondAndOtherSecondsInTurn() {
        SentAtText text = new SentAtText();
        long start = 1_764_511_200_000L;
        for (long millis = start; millis < start + 5_000; millis += 7) {
            assertThat(text.of(millis)).isEqualTo(Instant.ofEpochMilli(millis).toString());
            assertThat(text.of(millis - 3_600_000)).isEqualTo(Instant.ofEpochMilli(millis - 3_600_000).toString());
        }
    }
}
