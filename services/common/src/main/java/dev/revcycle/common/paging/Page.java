package dev.revcycle.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total number of matches. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> empty(PageRequest request) {
        return new Page<>(List.of(), request.page(), request.size(), 0);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
