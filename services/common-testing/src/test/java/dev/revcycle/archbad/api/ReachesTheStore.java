package dev.revcycle.archbad.api;

/** Breaks apiReachesTheStoreOnlyThroughUseCases. */
public class ReachesTheStore {
    private final dev.revcycle.archbad.store.Rows rows = new dev.revcycle.archbad.store.Rows();

    public Object rows() {
        return rows;
    }
}
