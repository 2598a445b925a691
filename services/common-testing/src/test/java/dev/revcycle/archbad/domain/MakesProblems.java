package dev.revcycle.archbad.domain;

/** Breaks domainIsPlainJava: a problem type in the domain. */
public class MakesProblems {
    public Object refuse() {
        return dev.revcycle.common.problem.ProblemType.CONFLICT;
    }
}
