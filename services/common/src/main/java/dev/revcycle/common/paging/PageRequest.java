package dev.revcycle.common.paging;

import dev.revcycle.common.api.Params;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of a list: {@code page} counts from 0; {@code size} is 1 to {@value #MAX_SIZE}, 20 when not
 * given. Anything else is a 400 naming the parameter — a size above the limit is refused, not cut, so a
 * client never mistakes a short page for the end of the list.
 */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new Problem.FieldError("page", "must be a whole number, 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new Problem.FieldError("size", "must be a whole number from 1 to " + MAX_SIZE));
        }
        if (errors.isEmpty() && (long) page * size > Integer.MAX_VALUE) {
            // the offset of the first row must stay an int for the database and JPA
            errors.add(new Problem.FieldError("page", "is too far: page × size must not exceed " + Integer.MAX_VALUE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** From query parameters as given (see {@link PageParams}): not whole numbers are 400s too. */
    public static PageRequest fromQuery(String page, String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Integer p = whole("page", page, errors);
        Integer s = whole("size", size, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return of(p, s);
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return page * size;
    }

    private static Integer whole(String name, String value, List<Problem.FieldError> errors) {
        try {
            return Params.integer(name, value);
        } catch (ProblemException e) {
            errors.addAll(e.problem().getErrors());
            return null;
        }
    }
}
