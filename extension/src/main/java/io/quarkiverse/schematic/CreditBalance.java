package io.quarkiverse.schematic;

/**
 * A company's balance of one credit type, as the answer of a check of all flags carries it.
 *
 * @param remaining credit left, without what an open lease holds: the figure to gate on
 * @param reserved credit held by the company's open lease; 0 when none is open
 * @param settled spendable balance including the open lease's hold ({@code remaining + reserved})
 */
public record CreditBalance(double remaining, double reserved, double settled) {
}
