package dev.revcycle.payments.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revcycle.payments.domain.remittance.ClaimPosting;
import dev.revcycle.payments.domain.remittance.MatchedClaim;
import dev.revcycle.payments.domain.remittance.Remittance;
import dev.revcycle.payments.domain.remittance.RemittanceBalance;
import dev.revcycle.payments.domain.remittance.RemittanceClaim;
import dev.revcycle.payments.domain.remittance.RemittancePostingPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Reads, balances and plans an 835 of {@code -Dclaims} claims (default 10,000), several
 * runs. Only the in-memory part of posting (no database, no HTTP); bench/payments-835.sh measures the whole POST /remittances.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class Remittance835Bench {

    static String generate(int claims) {
        List<String> body = new ArrayList<>();
        body.add("BPR*I*" + (claims * 2L * 60) + ".00*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20261130");
        body.add("TRN*1*BENCH" + claims + "*1512345678");
        body.add("DTM*405*20261129");
        body.add("N1*PR*SANDBOX HEALTH PLAN");
        body.add("N1*PE*DEMO CLINIC*XX*1234567893");
        body.add("LX*1");
        for (int i = 0; i < claims; i++) {
            body.add("CLP*PCN-" + i + "*1*200*120*40*12*PAYER" + i);
            body.add("NM1*QC*1*DOE*JANE");
            body.add("DTM*232*20261110");
            for (int l = 1; l <= 2; l++) {
                body.add("SVC*HC:9921" + l + "*100*60**1");
                body.add("DTM*472*20261110");
                body.add("CAS*CO*45*20");
                body.add("CAS*PR*2*20");
                body.add("REF*6R*" + l);
                body.add("AMT*B6*80");
            }
        }
        StringBuilder x12 = new StringBuilder("ISA*00*          *00*          *ZZ*PAYERSANDBOX   *ZZ*REVCYCLE       "
                + "*261201*1200*^*00501*000000101*0*T*:~\nGS*HP*PAYERSANDBOX*REVCYCLE*20261201*1200*101*X*005010X221A1~\n"
                + "ST*835*0001*005010X221A1~\n");
        body.forEach(s -> x12.append(s).append("~\n"));
        x12.append("SE*").append(body.size() + 2).append("*0001~\nGE*1*101~\nIEA*1*000000101~\n");
        return x12.toString();
    }

    @Test
    void readBalanceAndPlan() throws Exception {
        int claims = Integer.getInteger("claims", 10_000);
        int runs = Integer.getInteger("runs", 5);
        String x12 = generate(claims);
        LocalDate dos = LocalDate.of(2026, 11, 10);
        List<MatchedClaim> matched = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            matched.add(new MatchedClaim(UUID.randomUUID(), UUID.randomUUID(), List.of(
                    new MatchedClaim.Line(UUID.randomUUID(), 1, "", "99211", dos),
                    new MatchedClaim.Line(UUID.randomUUID(), 2, "", "99212", dos))));
        }
        for (int run = 1; run <= runs; run++) {
            long x12Start = System.nanoTime();
            dev.revcycle.x12.X12Reader.strict().read(x12);
            long x12Only = System.nanoTime() - x12Start;
            long start = System.nanoTime();
            Remittance r = new Remittance835Reader().read(x12).get(0);
            long read = System.nanoTime();
            assertTrue(RemittanceBalance.imbalances(r).isEmpty());
            int entries = 0;
            for (int i = 0; i < claims; i++) {
                RemittanceClaim c = r.claims().get(i);
                ClaimPosting p = RemittancePostingPlan.plan(c, matched.get(i), false, List.of(), r.paymentDate(), "bench");
                entries += p.entries().size();
            }
            long end = System.nanoTime();
            assertEquals(claims * 6, entries);
            System.out.printf("BENCH run %d: %d claims (%d bytes): X12Reader alone %d ms; read %d ms, balance + plan %d ms, total %d ms%n",
                    run, claims, x12.length(), x12Only / 1_000_000, (read - start) / 1_000_000, (end - read) / 1_000_000,
                    (end - start) / 1_000_000);
        }
    }
}
