package io.quarkiverse.schematic;

import java.time.Instant;
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
 *
 * Delivery options: {@link #idempotencyKey(String)} makes a retried or repeated event count once;
 * {@link #sentAt(Instant)} with {@link #trustedClientClock(boolean)} gives the time the usage happened; and
 * {@link #backfill(boolean)} records historical usage, which needs the trusted clock.
 * <p>
 * Each method checks its argument before it creates the new instance: with no call between the allocation and the
 * constructor, the JIT can see that the intermediate instances of a chain never escape and drop them, so a chain costs
 * the one instance {@code track} keeps.
 */
public final class Track {

    private static final long NO_QUANTITY = -1;

    private final String event;
    private final Map<String, String> company;
    private final Map<String, String> user;
    private final Map<String, Object> traits;
    /** {@link #NO_QUANTITY} when not given: an {@code OptionalLong} would be one more object per event. */
    private final long quantity;
    private final String idempotencyKey;
    private final Instant sentAt;
    private final boolean trustedClientClock;
    private final boolean backfill;

    private Track(String event, Map<String, String> company, Map<String, String> user, Map<String, Object> traits,
            long quantity, String idempotencyKey, Instant sentAt, boolean trustedClientClock, boolean backfill) {
        this.event = event;
        this.company = company;
        this.user = user;
        this.traits = traits;
        this.quantity = quantity;
        this.idempotencyKey = idempotencyKey;
        this.sentAt = sentAt;
        this.trustedClientClock = trustedClientClock;
        this.backfill = backfill;
    }

    /**
     * A track event with this name (the event subtype metered by Schematic).
     *
     * @throws IllegalArgumentException if {@code event} is null or blank
     */
    public static Track event(String event) {
        String checked = Arguments.requireText(event, "event");
        return new Track(checked, Map.of(), Map.of(), Map.of(), NO_QUANTITY, null, null, false, false);
    }

    /** The company the event belongs to, by its keys; {@code null} or empty: no company. */
    public Track company(Map<String, String> keys) {
        Map<String, String> checked = Arguments.optionalKeys(keys, "company");
        return new Track(event, checked, user, traits, quantity, idempotencyKey, sentAt, trustedClientClock, backfill);
    }

    /** The user the event belongs to, by its keys; {@code null} or empty: no user (an anonymous visitor). */
    public Track user(Map<String, String> keys) {
        Map<String, String> checked = Arguments.optionalKeys(keys, "user");
        return new Track(event, company, checked, traits, quantity, idempotencyKey, sentAt, trustedClientClock, backfill);
    }

    /** Extra properties of the event. */
    public Track traits(Map<String, ?> traits) {
        Map<String, Object> checked = Arguments.traits(traits, "traits");
        return new Track(event, company, user, checked, quantity, idempotencyKey, sentAt, trustedClientClock, backfill);
    }

    /**
     * How much was used (for example tokens). Without it, Schematic counts the event once.
     *
     * @throws IllegalArgumentException if {@code quantity} is negative
     */
    public Track quantity(long quantity) {
        long checked = Arguments.notNegative(quantity, "quantity");
        return new Track(event, company, user, traits, checked, idempotencyKey, sentAt, trustedClientClock, backfill);
    }

    /**
     * A key of your choosing that identifies this event, such as the id of the request that used the feature:
     * Schematic counts an event once per key (it drops a repeat within 24 hours), so sending it again after a crash or
     * from a retried job does not bill twice. Without it the extension sends a random key, fixed before the first
     * attempt, which covers its own retries only.
     *
     * @throws IllegalArgumentException if {@code idempotencyKey} is null or blank
     */
    public Track idempotencyKey(String idempotencyKey) {
        String checked = Arguments.requireText(idempotencyKey, "idempotencyKey");
        return new Track(event, company, user, traits, quantity, checked, sentAt, trustedClientClock, backfill);
    }

    /**
     * When the event happened, sent as {@code sent_at}. Schematic takes it as the event time only with
     * {@link #trustedClientClock(boolean) trustedClientClock(true)}; without this call the extension sends the time
     * {@code track} was called.
     *
     * @throws IllegalArgumentException if {@code sentAt} is null
     */
    public Track sentAt(Instant sentAt) {
        if (sentAt == null) {
            throw new IllegalArgumentException("sentAt must not be null");
        }
        return new Track(event, company, user, traits, quantity, idempotencyKey, sentAt, trustedClientClock, backfill);
    }

    /**
     * Whether Schematic should use this event's {@link #sentAt(Instant) sent_at} as the time of the usage instead of
     * the time it received the event (sent as {@code trusted_client_clock}). Only for events from your backend, whose
     * clock you trust: the extension always authenticates with the secret API key.
     */
    public Track trustedClientClock(boolean trustedClientClock) {
        return new Track(event, company, user, traits, quantity, idempotencyKey, sentAt, trustedClientClock, backfill);
    }

    /**
     * Whether this event records historical usage (sent as {@code backfill}): Schematic counts it at its
     * {@link #sentAt(Instant) event time} and does not bill it. It needs {@link #trustedClientClock(boolean)
     * trustedClientClock(true)}: {@code track} rejects a backfill without it.
     */
    public Track backfill(boolean backfill) {
        return new Track(event, company, user, traits, quantity, idempotencyKey, sentAt, trustedClientClock, backfill);
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
        return quantity == NO_QUANTITY ? OptionalLong.empty() : OptionalLong.of(quantity);
    }

    /** The caller's idempotency key, or {@code null} when the extension chooses one. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The event time given with {@link #sentAt(Instant)}, or {@code null}. */
    public Instant sentAt() {
        return sentAt;
    }

    public boolean trustedClientClock() {
        return trustedClientClock;
    }

    public boolean backfill() {
        return backfill;
    }

    /** Equal when every field is equal, so that tests can compare the events an application sent. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Track that && event.equals(that.event) && company.equals(that.company)
                && user.equals(that.user) && traits.equals(that.traits) && quantity == that.quantity
                && Objects.equals(idempotencyKey, that.idempotencyKey) && Objects.equals(sentAt, that.sentAt)
                && trustedClientClock == that.trustedClientClock && backfill == that.backfill;
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, company, user, traits, quantity, idempotencyKey, sentAt, trustedClientClock,
                backfill);
    }

    @Override
    public String toString() {
        return "Track[event=" + event + ", company=" + company + ", user=" + user + ", quantity="
                + (quantity == NO_QUANTITY ? "null" : quantity)
                + (idempotencyKey == null ? "" : ", idempotencyKey=" + idempotencyKey)
                + (sentAt == null ? "" : ", sentAt=" + sentAt)
                + (trustedClientClock ? ", trustedClientClock=true" : "") + (backfill ? ", backfill=true" : "") + "]";
    }
}
