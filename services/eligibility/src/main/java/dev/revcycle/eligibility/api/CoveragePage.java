package dev.revcycle.eligibility.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CoveragePage", description = "One page of a patient's coverages, active first, then by priority; page counts from 0")
public record CoveragePage(List<CoverageResponse> items, int page, int size, long total) {
}
