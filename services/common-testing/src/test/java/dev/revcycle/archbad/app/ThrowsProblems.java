package dev.revcycle.archbad.app;

/** Breaks applicationKnowsNoHttp (and problemsAreMadeOnlyInCommon): a use case answering with a problem. */
public class ThrowsProblems {
    public void refuse() {
        throw dev.revcycle.common.problem.ProblemException.invalid("name", "is required");
    }
}
