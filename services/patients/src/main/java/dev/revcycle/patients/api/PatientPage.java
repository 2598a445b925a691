package dev.revcycle.patients.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PatientPage", description = "One page of patients; page counts from 0. Matches are counted up to "
        + "1,000 and paged through up to there: totalExact is false when there are more than total (narrow the search).")
public record PatientPage(List<PatientResponse> items, int page, int size, long total, boolean totalExact) {
}
