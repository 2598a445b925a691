package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.Provider;
import dev.revcycle.claims.domain.ProviderEntityType;
import java.util.UUID;

public record ProviderResponse(UUID id, String practiceId, String npi, String name, ProviderEntityType entityType,
                               String taxonomyCode, String taxId, AddressBody address, boolean defaultBilling,
                               long version) {
    static ProviderResponse of(Provider p) {
        return new ProviderResponse(p.id(), p.practiceId(), p.npi(), p.name(), p.entityType(), p.taxonomyCode(),
                p.taxId(), AddressBody.of(p.address()), p.defaultBilling(), p.version());
    }
}
