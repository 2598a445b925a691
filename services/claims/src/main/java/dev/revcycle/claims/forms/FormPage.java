package dev.revcycle.claims.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values of one page of a form, by box id; a box with no value is printed empty. */
record FormPage(Map<String, String> values) {
    FormPage() {
        this(new LinkedHashMap<>());
    }

    FormPage put(String boxId, String value) {
        if (value != null && !value.isBlank()) {
            values.put(boxId, value);
        }
        return this;
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> out = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return out;
    }
}
