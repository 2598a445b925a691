package dev.revcycle.x12;

import java.util.List;

/**
 * An interchange that cannot be trusted: the message says what is wrong and where (segment position and
 * identifier), never an element value.
 */
public class X12Exception extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<X12Problem> problems;

    public X12Exception(List<X12Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public X12Exception(X12Problem problem) {
        this(List.of(problem));
    }

    /** Every problem found, the first one being the one the message starts with. */
    public List<X12Problem> problems() {
        return problems;
    }

    /** The first problem found. */
    public X12Problem problem() {
        return problems.get(0);
    }

    private static String summary(List<X12Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an X12Exception needs at least one problem");
        }
        String first = problems.get(0).message();
        return problems.size() == 1 ? first : first + " and " + (problems.size() - 1) + " more problem(s)";
    }
}
