package io.quarkiverse.schematic.runtime.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code FeatureUsageDetailResponseData}, the answer of {@code GET /usage-by-company}: one entry per feature.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeatureUsageListData(List<FeatureUsageData> features) {
}
