package dev.revcycle.claims.api;

import java.util.List;

/** One page of claims, oldest status change first; totalExact false means there are more than total. */
public record ClaimPage(List<ClaimResponse> items, int page, int size, long total, boolean totalExact) {
}
