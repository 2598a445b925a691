package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Standing;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** No statements, plans or placements yet: every account stands nowhere. Replaced by any other AccountStandings bean. */
@DefaultBean
@ApplicationScoped
public class NoStandings implements AccountStandings {
    @Override
    public Map<UUID, Standing> of(Collection<UUID> accountIds, LocalDate asOf) {
        return Map.of();
    }
}
