package dev.revcycle.archgood.store;

import dev.revcycle.archgood.domain.Thing;

public class ThingStore {
    public Thing find(String id) {
        return null;
    }
}
