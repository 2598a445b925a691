package dev.revcycle.eligibility.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PayerPage", description = "One page of payers, by name; page counts from 0. Payers are counted up to "
        + "1,000: totalExact is false when there are more than total.")
public record PayerPage(List<PayerResponse> items, int page, int size, long total, boolean totalExact) {
}
