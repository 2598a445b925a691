package dev.revcycle.common.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects the names of the fields a change really changed, for the {@code changedFields} of an
 * "…Changed"/"…Updated" event. Plain Java, for domain code:
 * <pre>{@code
 * ChangedFields changes = new ChangedFields();
 * phone = changes.compare("phone", phone, next.phone());
 * }</pre>
 */
public final class ChangedFields {
    private final List<String> names = new ArrayList<>();

    /** @return {@code next}, noting {@code field} as changed when it differs from {@code current} */
    public <T> T compare(String field, T current, T next) {
        if (!Objects.equals(current, next)) {
            names.add(field);
        }
        return next;
    }

    /** Notes a field whose change the caller decided itself (e.g. a secret it cannot compare). */
    public void add(String field) {
        names.add(field);
    }

    public boolean contains(String field) {
        return names.contains(field);
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    public List<String> names() {
        return List.copyOf(names);
    }
}
