package io.quarkiverse.schematic;

/**
 * The answer of a flag check, with where it came from.
 *
 * @param flag the flag key that was checked
 * @param value the value of the flag for the given company and user
 * @param reason why Schematic (or the fallback) chose this value; free text
 * @param flagId Schematic id of the flag, when known
 * @param companyId Schematic id of the matched company, when known
 * @param userId Schematic id of the matched user, when known
 * @param ruleId id of the rule that matched, when known
 * @param source where the answer came from
 * @param error why Schematic could not answer, when {@code source} is {@link FlagSource#DEFAULT}; otherwise
 *        {@code null}
 * @param ruleType the kind of rule that decided the value, when known
 * @param entitlement the company's entitlement to the flag's feature (allocation, usage, limits, credits), when the
 *        flag is an entitlement; {@code null} otherwise
 */
public record FlagCheck(String flag, boolean value, String reason, String flagId, String companyId,
        String userId, String ruleId, FlagSource source, String error, RuleType ruleType, Entitlement entitlement) {

    /**
     * An answer without rule type and entitlement (for example for a test double).
     */
    public FlagCheck(String flag, boolean value, String reason, String flagId, String companyId, String userId,
            String ruleId, FlagSource source, String error) {
        this(flag, value, reason, flagId, companyId, userId, ruleId, source, error, null, null);
    }

    /**
     * A copy of this answer with another source.
     */
    public FlagCheck withSource(FlagSource newSource) {
        return newSource == source ? this
                : new FlagCheck(flag, value, reason, flagId, companyId, userId, ruleId, newSource, error, ruleType,
                        entitlement);
    }
}
