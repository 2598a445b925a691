package dev.revcycle.archbad.api;

/** Breaks requestsAreCheckedOneWay: Bean Validation on a request. */
public record ValidatedRequest(@jakarta.validation.constraints.NotNull String name) {
}
