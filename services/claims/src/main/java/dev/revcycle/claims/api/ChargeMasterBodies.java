package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.pricing.PracticeChargeMaster;
import dev.revcycle.claims.domain.pricing.ChargeMasterItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /charge-masters. */
final class ChargeMasterBodies {
    private ChargeMasterBodies() {
    }

    @Schema(name = "ChargeMasterItem", description = "One item: what the practice charges for a procedure code (and "
            + "modifier) and its self-pay cash price, between two dates of service (inclusive)")
    record Item(@Schema(required = true, example = "99213") String procedureCode,
                @Schema(description = "Two letters or digits; absent = the code without a modifier", example = "25") String modifier,
                @Schema(required = true, example = "Office visit, established patient, low complexity") String description,
                @Schema(required = true, example = "150.00") BigDecimal standardCharge,
                @Schema(required = true, description = "What a self-pay patient pays", example = "95.00") BigDecimal cashPrice,
                @Schema(required = true, example = "2026-01-01") LocalDate effectiveFrom,
                @Schema(description = "Last date of service it applies to; absent = open-ended") LocalDate effectiveTo) {
        ChargeMasterItem toItem() {
            return new ChargeMasterItem(procedureCode, modifier, description, standardCharge, cashPrice, effectiveFrom,
                    effectiveTo);
        }

        static Item of(ChargeMasterItem i) {
            return new Item(i.procedureCode(), i.modifier().isEmpty() ? null : i.modifier(), i.description(),
                    i.standardCharge(), i.cashPrice(), i.effectiveFrom(), i.effectiveTo());
        }
    }

    @Schema(name = "ChargeMasterRequest")
    record Request(@Schema(required = true, description = "Every item of the practice (up to 20,000): the PUT replaces "
            + "the whole charge master") List<Item> items) {
    }

    @Schema(name = "ChargeMaster")
    record Response(String practiceId, @Schema(description = "One more with every PUT (the ETag)") long version,
                    Instant updatedAt, String updatedBy, int itemCount, List<Item> items) {
        static Response of(PracticeChargeMaster m) {
            return new Response(m.practiceId(), m.version(), m.updatedAt(), m.updatedBy(), m.items().size(),
                    m.items().stream().map(Item::of).toList());
        }
    }
}
