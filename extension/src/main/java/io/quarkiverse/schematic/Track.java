package io.quarkiverse.schematic;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A track event: something a company or user did, optionally with a quantity (usage metering). Immutable: every
 * method returns a new instance. At least one of {@link #company(Map)} and {@link #user(Map)} must have keys when the
 * event is sent; {@code track} rejects an event without either with an {@link IllegalArgumentException}.
 *
 * <pre>
 * schematic.track(Track.event("query-tokens").company(Map.of("id", "acme")).quantity(1500));
 * </pre>
 */
public final class Track {

    private final String event;
    private final Map<String, String> company;
    private final Map<String, String> user;
    private final Map<String, Object> traits;
    private final Long quantity;

    private Track(String event, Map<String, String> company, Map<String, String> user, Map<String, Object> traits,
            Long quantity) {
        this.event = event;
        this.company = company;
        this.user = user;
        this.traits = traits;
        this.quantity = quantity;
    }

    /**
     * A track event with this name (the event subtype metered by Schematic).
     *
     * @throws IllegalArgumentException if {@code event} is null or blank
     */
    public static Track event(String event) {
        return new Track(Arguments.requireText(event, "event"), Map.of(), Map.of(), Map.of(), null);
    }

    /** The company the event belongs to, by its keys; {@code null} or empty: no company. */
    public Track company(Map<String, String> keys) {
        return new Track(event, Arguments.optionalKeys(keys, "company"), user, traits, quantity);
    }

    /** The user the event belongs to, by its keys; {@code null} or empty: no user (an anonymous visitor). */
    public Track user(Map<String, String> keys) {
        return new Track(event, company, Arguments.optionalKeys(keys, "user"), traits, quantity);
    }

    /** Extra properties of the event. */
    public Track traits(Map<String, ?> traits) {
        return new Track(event, company, user, Arguments.traits(traits, "traits"), quantity);
    }

    /**
     * How much was used (for example tokens). Without it, Schematic counts the event once.
     *
     * @throws IllegalArgumentException if {@code quantity} is negative
     */
    public Track quantity(long quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must not be negative, was " + quantity);
        }
        return new Track(event, company, user, traits, quantity);
    }

    public String event() {
        return event;
    }

    public Map<String, String> company() {
        return company;
    }

    public Map<String, String> user() {
        return user;
    }

    public Map<String, Object> traits() {
        return traits;
    }

    public OptionalLong quantity() {
        return quantity == null ? OptionalLong.empty() : OptionalLong.of(quantity);
    }

    /** Equal when every field is equal, so that tests can compare the events an application sent. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Track that && event.equals(that.event) && company.equals(that.company)
                && user.equals(that.user) && traits.equals(that.traits) && Objects.equals(quantity, that.quantity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, company, user, traits, quantity);
    }

    @Override
    public String toString() {
        return "Track[event=" + event + ", company=" + company + ", user=" + user + ", quantity=" + quantity + "]";
    }
}
