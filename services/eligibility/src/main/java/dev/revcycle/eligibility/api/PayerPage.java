package dev.revcycle.eligibility.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PayerPage", description = "One page of payers, by name; page counts from 0")
public record PayerPage(List<PayerResponse> items, int page, int size, long total) {
}
