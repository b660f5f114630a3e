package io.quarkiverse.schematic;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every flag for one company and/or user, with the company's plan and credit balances: the answer of
 * {@link SchematicService#checkFlagsDetails(Map, Map)} and one element of
 * {@link SchematicService#checkFlagsBulk(List)}. When Schematic cannot answer (or in offline mode) the flags are those
 * that have a default, each saying so in its {@link FlagCheck#source()}, and there is no plan and no balance.
 *
 * @param flags the flags, in Schematic's order (never {@code null})
 * @param plan the company's plan, or {@code null} when Schematic sent none (no company, no plan, or no answer)
 * @param creditBalances the company's credit balances by credit id (never {@code null})
 */
public record CompanyFlags(List<FlagCheck> flags, CompanyPlan plan, Map<String, CreditBalance> creditBalances) {

    public CompanyFlags {
        flags = flags == null ? List.of() : List.copyOf(flags);
        creditBalances = creditBalances == null ? Map.of() : Map.copyOf(creditBalances);
    }

    /** The answer for one flag, empty when the flag is not among {@link #flags()}. */
    public Optional<FlagCheck> flag(String flag) {
        for (FlagCheck check : flags) {
            if (check.flag().equals(flag)) {
                return Optional.of(check);
            }
        }
        return Optional.empty();
    }

    /** The value of one flag; {@code false} when the flag is not among {@link #flags()}. */
    public boolean value(String flag) {
        return flag(flag).map(FlagCheck::value).orElse(false);
    }
}
