package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Standing;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Where accounts stand in statements, plans and placement: the port through which collection status and
 * appointment alerts read those parts of the service. {@link NoStandings} answers nothing until a bean that
 * reads statement, plan and placement tables replaces it (an {@code @ApplicationScoped} implementation is
 * enough: the default steps aside).
 */
public interface AccountStandings {
    /** The standing of each account that has one (accounts absent from the map have none), in bulk. */
    Map<UUID, Standing> of(Collection<UUID> accountIds, LocalDate asOf);

    default Standing of(UUID accountId, LocalDate asOf) {
        return of(java.util.List.of(accountId), asOf).getOrDefault(accountId, Standing.NONE);
    }
}
