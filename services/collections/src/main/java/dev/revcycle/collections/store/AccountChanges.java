package dev.revcycle.collections.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The accounts a transaction changed in what the work queue reads of them (balance, dunning, plan, promise, note,
 * hold, placement, merge): collected by the stores that write those, and handed over once, just before the
 * transaction commits and still inside it, as {@link Changed} (the work queue recomputes their items there).
 */
@ApplicationScoped
public class AccountChanges {
    private static final Object KEY = new Object();

    /** The accounts one transaction changed, fired before it completes. */
    public record Changed(Set<UUID> accountIds) {
    }

    @Inject
    BeforeCommit beforeCommit;

    @Inject
    Event<Changed> changed;

    public void changed(UUID... accountIds) {
        Set<UUID> set = beforeCommit.collector(KEY, LinkedHashSet::new, collected -> {
            if (!collected.isEmpty()) {
                changed.fire(new Changed(Set.copyOf(collected)));
            }
        });
        if (set == null) {
            return;
        }
        for (UUID id : accountIds) {
            if (id != null) {
                set.add(id);
            }
        }
    }
}
