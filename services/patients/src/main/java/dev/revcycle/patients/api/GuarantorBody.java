package dev.revcycle.patients.api;

import dev.revcycle.patients.domain.Guarantor;
import dev.revcycle.patients.domain.GuarantorRelationship;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Guarantor", description = "The person financially responsible for the account")
public record GuarantorBody(
        @Schema(examples = "Maria", required = true) String firstName,
        @Schema(examples = "Lopez", required = true) String lastName,
        @Schema(required = true) GuarantorRelationship relationship,
        AddressBody address,
        @Schema(description = "10-digit US phone number", examples = "2175550100") String phone) {

    Guarantor toDomain() {
        return new Guarantor(firstName, lastName, relationship, address == null ? null : address.toDomain(), phone);
    }

    static GuarantorBody of(Guarantor g) {
        return g == null ? null : new GuarantorBody(g.firstName(), g.lastName(), g.relationship(), AddressBody.of(g.address()), g.phone());
    }

    /** PHI: never printed (logs, exception messages). */
    @Override
    public String toString() {
        return "GuarantorBody[PHI]";
    }
}
