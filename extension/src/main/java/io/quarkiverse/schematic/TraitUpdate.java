package io.quarkiverse.schematic;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An atomic change of one trait of a company or user: set it to a value, or add to it (a seat counter) without
 * reading it first, so concurrent updates never lose one another. Immutable: every method returns a new instance.
 *
 * <pre>
 * accounts.updateCompanyTrait(company, TraitUpdate.increment("seats", 1));
 * accounts.updateCompanyTrait(company, TraitUpdate.set("tier", "gold").onlyExisting());
 * </pre>
 *
 * Without {@link #onlyExisting()}, Schematic creates the company or user when no one has these keys.
 */
public final class TraitUpdate {

    private final String trait;
    private final String value;
    private final Long increment;
    private final boolean onlyExisting;

    private TraitUpdate(String trait, String value, Long increment, boolean onlyExisting) {
        this.trait = trait;
        this.value = value;
        this.increment = increment;
        this.onlyExisting = onlyExisting;
    }

    /**
     * Sets the trait to this value. Schematic takes trait values as text: pass numbers as their decimal form.
     *
     * @throws IllegalArgumentException if {@code trait} is null or blank, or {@code value} is null
     */
    public static TraitUpdate set(String trait, String value) {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        return new TraitUpdate(Arguments.requireText(trait, "trait"), value, null, false);
    }

    /**
     * Adds {@code by} to the trait (a negative {@code by} subtracts); a trait the company or user does not have yet
     * counts as 0.
     * <p>
     * An increment is sent once, never retried: if the answer is lost after Schematic applied it, another attempt
     * would count twice. On a failure, decide yourself whether to send it again (or set the trait to a value you
     * know).
     *
     * @throws IllegalArgumentException if {@code trait} is null or blank, or {@code by} is 0
     */
    public static TraitUpdate increment(String trait, long by) {
        if (by == 0) {
            throw new IllegalArgumentException("by must not be 0");
        }
        return new TraitUpdate(Arguments.requireText(trait, "trait"), null, by, false);
    }

    /** A copy that only updates an existing company or user: Schematic answers 404 when none has the keys. */
    public TraitUpdate onlyExisting() {
        return new TraitUpdate(trait, value, increment, true);
    }

    public String trait() {
        return trait;
    }

    /** The value to set; empty for an increment. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** The amount to add; empty for a set. */
    public OptionalLong increment() {
        return increment == null ? OptionalLong.empty() : OptionalLong.of(increment);
    }

    /** Whether only an existing company or user is updated. */
    public boolean isOnlyExisting() {
        return onlyExisting;
    }

    /** Equal when every field is equal. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof TraitUpdate that && trait.equals(that.trait)
                && Objects.equals(value, that.value) && Objects.equals(increment, that.increment)
                && onlyExisting == that.onlyExisting;
    }

    @Override
    public int hashCode() {
        return Objects.hash(trait, value, increment, onlyExisting);
    }

    @Override
    public String toString() {
        // the value stays out, as traits stay out of CompanyUpsert's: it may be personal data
        return "TraitUpdate[trait=" + trait + (increment == null ? ", set" : ", increment=" + increment)
                + ", onlyExisting=" + onlyExisting + "]";
    }
}
