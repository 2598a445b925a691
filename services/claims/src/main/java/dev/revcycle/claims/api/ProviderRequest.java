package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.Provider;
import dev.revcycle.claims.domain.ProviderEntityType;
import dev.revcycle.claims.domain.ProviderTerms;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /providers, and the shape a merge patch applies to. */
public record ProviderRequest(
        @Schema(required = true, example = "north-clinic") String practiceId,
        @Schema(required = true, description = "10 digits, Luhn check with the 80840 prefix", example = "1234567893") String npi,
        @Schema(required = true, description = "\"Last, First\" for a person, the organisation's name otherwise") String name,
        @Schema(required = true) ProviderEntityType entityType,
        @Schema(required = true, description = "10 characters", example = "207Q00000X") String taxonomyCode,
        @Schema(description = "9 digits (EIN or SSN)", example = "123456789") String taxId,
        AddressBody address,
        @Schema(description = "The practice's default billing provider (one per practice)") Boolean defaultBilling) {

    ProviderTerms toTerms() {
        return new ProviderTerms(npi, name, entityType, taxonomyCode, taxId, address == null ? null : address.toAddress(),
                Boolean.TRUE.equals(defaultBilling));
    }

    static ProviderRequest of(Provider p) {
        return new ProviderRequest(p.practiceId(), p.npi(), p.name(), p.entityType(), p.taxonomyCode(), p.taxId(),
                AddressBody.of(p.address()), p.defaultBilling());
    }
}
