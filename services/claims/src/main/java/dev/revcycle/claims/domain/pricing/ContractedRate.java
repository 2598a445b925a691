package dev.revcycle.claims.domain.pricing;

import java.math.BigDecimal;

/** What a payer contracted to allow for a procedure code and modifier ("" = none). */
public record ContractedRate(String procedureCode, String modifier, BigDecimal allowed) {
    public ContractedRate {
        procedureCode = ProcedureKey.normal(procedureCode);
        modifier = modifier == null || modifier.isBlank() ? "" : ProcedureKey.normal(modifier);
    }

    public ProcedureKey key() {
        return new ProcedureKey(procedureCode, modifier);
    }
}
