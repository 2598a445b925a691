package dev.revcycle.archbad.api;

/** Breaks dependsOnNoOtherService. */
public class UsesAnotherService {
    public Object other() {
        return new dev.revcycle.claims.archfixture.ClaimsCode();
    }
}
