package io.quarkiverse.schematic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The size of an action a caller is about to take, for a flag check that asks "would this be allowed?" before doing
 * it: {@code schematic.checkFlagDetails("exports", company, user, Preflight.usage(500))}. Only the answer's value
 * reflects the hypothetical usage; its entitlement figures stay the company's current ones. Immutable: every method
 * returns a new instance.
 * <p>
 * <strong>The values are asserted by the caller.</strong> Schematic trusts them as given: never take them from an
 * untrusted client (a request parameter, a browser) when the answer gates access, or a caller can claim a size of
 * zero and pass any limit.
 */
public final class Preflight {

    private static final Preflight NONE = new Preflight(null, null, null, Map.of());

    private final Long usage;
    private final String eventSubtype;
    private final Long eventQuantity;
    private final Map<String, Double> creditCosts;

    private Preflight(Long usage, String eventSubtype, Long eventQuantity, Map<String, Double> creditCosts) {
        this.usage = usage;
        this.eventSubtype = eventSubtype;
        this.eventQuantity = eventQuantity;
        this.creditCosts = creditCosts;
    }

    /** A preflight that adds this much usage to the metered feature (for example 500 rows). */
    public static Preflight usage(long usage) {
        return NONE.withUsage(usage);
    }

    /** A preflight that adds {@code quantity} track events of this subtype. */
    public static Preflight eventUsage(String eventSubtype, long quantity) {
        return NONE.withEventUsage(eventSubtype, quantity);
    }

    /** A preflight that spends {@code cost} credits of this credit type. */
    public static Preflight creditCost(String creditId, double cost) {
        return NONE.withCreditCost(creditId, cost);
    }

    /** This preflight with this hypothetical usage. */
    public Preflight withUsage(long usage) {
        return new Preflight(Arguments.notNegative(usage, "usage"), eventSubtype, eventQuantity, creditCosts);
    }

    /** This preflight with {@code quantity} hypothetical track events of this subtype. */
    public Preflight withEventUsage(String eventSubtype, long quantity) {
        return new Preflight(usage, Arguments.requireText(eventSubtype, "eventSubtype"),
                Arguments.notNegative(quantity, "quantity"),
                creditCosts);
    }

    /** This preflight also spending {@code cost} credits of this credit type. */
    public Preflight withCreditCost(String creditId, double cost) {
        Arguments.requireText(creditId, "creditId");
        if (!(cost >= 0) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("cost must be a finite number that is not negative, was " + cost);
        }
        Map<String, Double> costs = new LinkedHashMap<>(creditCosts);
        costs.put(creditId, cost);
        return new Preflight(usage, eventSubtype, eventQuantity, Map.copyOf(costs));
    }

    /** The hypothetical usage, when given. */
    public OptionalLong usage() {
        return usage == null ? OptionalLong.empty() : OptionalLong.of(usage);
    }

    /** The subtype of the hypothetical track events, or {@code null}. */
    public String eventSubtype() {
        return eventSubtype;
    }

    /** How many hypothetical track events; present exactly when {@link #eventSubtype()} is. */
    public OptionalLong eventQuantity() {
        return eventQuantity == null ? OptionalLong.empty() : OptionalLong.of(eventQuantity);
    }

    /**
     * The hypothetical quantity this preflight adds to a feature metered by the track event {@code eventName}: the
     * event usage when its subtype is that event, otherwise the plain usage; 0 when neither is given.
     */
    public long quantityFor(String eventName) {
        if (eventQuantity != null && eventSubtype.equals(eventName)) {
            return eventQuantity;
        }
        return usage == null ? 0 : usage;
    }

    /** Credits spent, by credit id (never {@code null}). */
    public Map<String, Double> creditCosts() {
        return creditCosts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Preflight that && Objects.equals(usage, that.usage)
                && Objects.equals(eventSubtype, that.eventSubtype) && Objects.equals(eventQuantity, that.eventQuantity)
                && creditCosts.equals(that.creditCosts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(usage, eventSubtype, eventQuantity, creditCosts);
    }

    @Override
    public String toString() {
        return "Preflight[usage=" + usage + ", eventSubtype=" + eventSubtype + ", eventQuantity=" + eventQuantity
                + ", creditCosts=" + creditCosts + "]";
    }
}
