package io.quarkiverse.schematic.rules;

import java.util.Map;

import io.quarkiverse.schematic.Preflight;

/**
 * The figures of a {@link Preflight} read once per check, so that conditions compare primitives. Zero stands for
 * "not given": the reference engine ignores a zero usage or event quantity (a zero credit cost, however, counts).
 */
final class PreflightInput {

    static final PreflightInput NONE = new PreflightInput(0, null, 0, Map.of());

    final long usage;
    final String eventSubtype;
    final long eventQuantity;
    final Map<String, Double> creditCosts;

    private PreflightInput(long usage, String eventSubtype, long eventQuantity, Map<String, Double> creditCosts) {
        this.usage = usage;
        this.eventSubtype = eventSubtype;
        this.eventQuantity = eventQuantity;
        this.creditCosts = creditCosts;
    }

    static PreflightInput of(Preflight preflight) {
        if (preflight == null) {
            return NONE;
        }
        return new PreflightInput(preflight.usage().orElse(0), preflight.eventSubtype(),
                preflight.eventQuantity().orElse(0), preflight.creditCosts());
    }

    /**
     * The quantity a check adds for a metered event of this subtype ({@code null} for none): the event usage when its
     * subtype is this one, else the plain usage; zero when neither is given.
     */
    long usageOf(String subtype) {
        return eventQuantity > 0 && eventSubtype.equals(subtype) ? eventQuantity : usage;
    }
}
