package dev.revcycle.patients.api;

import dev.revcycle.patients.domain.PostalAddress;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Address", description = "A US postal address")
public record AddressBody(
        @Schema(examples = "12 Main St", required = true) String line1,
        @Schema(examples = "Apt 4") String line2,
        @Schema(examples = "Springfield", required = true) String city,
        @Schema(description = "USPS state code", examples = "IL", required = true) String state,
        @Schema(description = "5 or 9 digit ZIP code", examples = "62704", required = true) String postalCode) {

    PostalAddress toDomain() {
        return new PostalAddress(line1, line2, city, state, postalCode);
    }

    static AddressBody of(PostalAddress a) {
        return a == null ? null : new AddressBody(a.line1(), a.line2(), a.city(), a.state(), a.postalCode());
    }

    /** PHI: never printed (logs, exception messages). */
    @Override
    public String toString() {
        return "AddressBody[PHI]";
    }
}
