package dev.revcycle.common.paging;

import dev.revcycle.common.problem.ProblemException;

/**
 * A page of a list: {@code page} counts from 0; {@code size} defaults to 20 and is capped at 200.
 */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (s < 1) {
            throw ProblemException.invalid("size", "must be at least 1");
        }
        return new PageRequest(p, Math.min(s, MAX_SIZE));
    }

    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
