package dev.revcycle.claims.api;

import java.util.List;

/** One page of providers; totalExact false means there are more than total. */
public record ProviderPage(List<ProviderResponse> items, int page, int size, long total, boolean totalExact) {
}
