package io.quarkiverse.schematic;

import java.time.Instant;

/**
 * The plan a company is on, as the answer of a check of all flags carries it: enough to gate by plan or to show
 * "Pro (trial ends on ...)" without another call.
 *
 * @param id Schematic id of the plan
 * @param name display name of the plan
 * @param trialEndDate when the company's trial ends, or {@code null} without a trial
 * @param trialStatus where the trial stands, or {@code null} without a trial
 */
public record CompanyPlan(String id, String name, Instant trialEndDate, TrialStatus trialStatus) {
}
