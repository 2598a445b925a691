package dev.revcycle.common.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the total number of matches. A list that counts only up to a cap (so
 * that a request never reads a whole practice) says so: {@code totalExact} false means there are
 * more than {@code total} matches.
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }

    public static <T> Page<T> empty(PageRequest request) {
        return new Page<>(List.of(), request.page(), request.size(), 0);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total, totalExact);
    }
}
