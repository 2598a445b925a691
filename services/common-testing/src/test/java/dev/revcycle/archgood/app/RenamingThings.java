package dev.revcycle.archgood.app;

import dev.revcycle.archgood.store.ThingStore;
import dev.revcycle.common.domain.NotFound;
import jakarta.transaction.Transactional;

public class RenamingThings {
    private final ThingStore store = new ThingStore();

    @Transactional
    public void rename(String id, String name) {
        var thing = store.find(id);
        if (thing == null) {
            throw new NotFound("Thing");
        }
        thing.rename(name);
    }
}
