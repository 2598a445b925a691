package dev.revcycle.eligibility.api;

import dev.revcycle.eligibility.domain.Rejection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Rejection", description = "The payer refused the inquiry (AAA): X12 reject reason code and its standard text")
public record RejectionBody(@Schema(examples = "72") String code,
                            @Schema(examples = "Invalid/Missing Subscriber/Insured ID") String description) {
    static RejectionBody of(Rejection r) {
        return new RejectionBody(r.code(), r.description());
    }
}
