package dev.revcycle.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * 837Ps built for the remittance cases: any submitter, billing provider, claims with chosen lines, and for
 * secondary claims the primary payer's adjudication (2320 AMT*D / CAS, 2430 SVD / CAS).
 */
public final class Claims837Builder {

    /** One service line: code, charge, modifiers; {@code priorPaid}/{@code priorAdjustments} make a 2430 loop. */
    public record TestLine(String code, String charge, List<String> modifiers, String control, String units,
            String priorPaid, List<String> priorAdjustments, String secondPaid, List<String> secondAdjustments) {
        public static TestLine of(String code, String charge) {
            return new TestLine(code, charge, List.of(), null, "1", null, List.of(), null, List.of());
        }

        public TestLine modifiers(String... modifiers) {
            return new TestLine(code, charge, List.of(modifiers), control, units, priorPaid, priorAdjustments, secondPaid, secondAdjustments);
        }

        public TestLine control(String control) {
            return new TestLine(code, charge, modifiers, control, units, priorPaid, priorAdjustments, secondPaid, secondAdjustments);
        }

        public TestLine units(String units) {
            return new TestLine(code, charge, modifiers, control, units, priorPaid, priorAdjustments, secondPaid, secondAdjustments);
        }

        /** The primary's line adjudication: SVD02 and CAS segments ("CO*45*30", "PR*3*25"). */
        public TestLine primary(String paid, String... adjustments) {
            return new TestLine(code, charge, modifiers, control, units, paid, List.of(adjustments), secondPaid, secondAdjustments);
        }

        /** For a tertiary claim, the secondary payer's line adjudication: a second 2430 (its CAS*OA*23 included). */
        public TestLine secondPayer(String paid, String... adjustments) {
            return new TestLine(code, charge, modifiers, control, units, priorPaid, priorAdjustments, paid, List.of(adjustments));
        }
    }

    /** One claim: CLM01, first diagnosis, SBR01 and lines; {@code priorPaid} makes a 2320 AMT*D. */
    public record TestClaim(String id, String diagnosis, String responsibility, List<TestLine> lines,
            String priorPaid, List<String> priorAdjustments) {
        public static TestClaim of(String id, TestLine... lines) {
            return new TestClaim(id, "E119", "P", List.of(lines), null, List.of());
        }

        public TestClaim diagnosis(String diagnosis) {
            return new TestClaim(id, diagnosis, responsibility, lines, priorPaid, priorAdjustments);
        }

        /** A secondary claim (SBR01 S); {@code priorPaid} (may be null) and claim-level CAS in its 2320 loop. */
        public TestClaim secondary(String priorPaid, String... adjustments) {
            return new TestClaim(id, diagnosis, "S", lines, priorPaid, List.of(adjustments));
        }

        /** A tertiary claim (SBR01 T): its lines carry both earlier payers' 2430 loops. */
        public TestClaim tertiary() {
            return new TestClaim(id, diagnosis, "T", lines, priorPaid, priorAdjustments);
        }
    }

    private final String submitter;
    private String providerName = "BONE AND JOINT CLINIC";
    private String providerNpi = "1234567893";
    private String payerId = "SBX01";
    private String payerName = "SANDBOX HEALTH";
    private String controlNumber = "000000042";
    private final List<List<TestClaim>> providers = new ArrayList<>();
    private final List<String[]> providerIds = new ArrayList<>();

    public Claims837Builder(String submitter) {
        this.submitter = submitter;
    }

    public Claims837Builder payer(String id, String name) {
        this.payerId = id;
        this.payerName = name;
        return this;
    }

    public Claims837Builder controlNumber(String isa13) {
        this.controlNumber = isa13;
        return this;
    }

    /** Claims under the current billing provider (the default, or the last {@link #provider} named). */
    public Claims837Builder claims(TestClaim... claims) {
        providers.add(List.of(claims));
        providerIds.add(new String[] {providerName, providerNpi});
        return this;
    }

    public Claims837Builder provider(String name, String npi) {
        this.providerName = name;
        this.providerNpi = npi;
        return this;
    }

    public String build() {
        List<String> body = new ArrayList<>();
        body.add("BHT*0019*00*BATCH" + controlNumber + "*20260305*1407*CH");
        body.add("NM1*41*2*BONE AND JOINT CLINIC*****46*" + submitter);
        body.add("PER*IC*BILLING*TE*5555550100");
        body.add("NM1*40*2*SANDBOX HEALTH*****46*PAYERSANDBOX");
        int hl = 0;
        for (int p = 0; p < providers.size(); p++) {
            int providerHl = ++hl;
            body.add("HL*" + providerHl + "**20*1");
            body.add("NM1*85*2*" + providerIds.get(p)[0] + "*****XX*" + providerIds.get(p)[1]);
            body.add("N3*1 MAIN ST");
            body.add("N4*SPRINGFIELD*IL*627011234");
            body.add("REF*EI*123456789");
            for (TestClaim claim : providers.get(p)) {
                body.add("HL*" + (++hl) + "*" + providerHl + "*22*0");
                body.add("SBR*" + claim.responsibility() + "*18*******CI");
                body.add("NM1*IL*1*DOE*JANE****MI*M12345");
                body.add("NM1*PR*2*" + payerName + "*****PI*" + payerId);
                java.math.BigDecimal total = claim.lines().stream().map(l -> new java.math.BigDecimal(l.charge()))
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
                body.add("CLM*" + claim.id() + "*" + total.toPlainString() + "***11:B:1*Y*A*Y*Y");
                body.add("HI*ABK:" + claim.diagnosis());
                if (!claim.responsibility().equals("P")) {
                    body.add("SBR*P*18*GRP1******CI");
                    for (String cas : claim.priorAdjustments()) {
                        body.add("CAS*" + cas);
                    }
                    if (claim.priorPaid() != null) {
                        body.add("AMT*D*" + claim.priorPaid());
                    }
                    body.add("OI***Y***Y");
                    body.add("NM1*IL*1*DOE*JANE****MI*P99887");
                    body.add("N3*1 ELM ST");
                    body.add("N4*SPRINGFIELD*IL*62701");
                    body.add("NM1*PR*2*FIRST PAYER*****PI*FIRST1");
                }
                int lx = 0;
                for (TestLine line : claim.lines()) {
                    body.add("LX*" + (++lx));
                    StringBuilder procedure = new StringBuilder("HC:" + line.code());
                    line.modifiers().forEach(m -> procedure.append(':').append(m));
                    body.add("SV1*" + procedure + "*" + line.charge() + "*UN*" + line.units() + "***1");
                    body.add("DTP*472*D8*2026030" + Math.min(lx, 9));
                    if (line.control() != null) {
                        body.add("REF*6R*" + line.control());
                    }
                    if (line.priorPaid() != null) {
                        body.add("SVD*FIRST1*" + line.priorPaid() + "*" + procedure + "**" + line.units());
                        for (String cas : line.priorAdjustments()) {
                            body.add("CAS*" + cas);
                        }
                        body.add("DTP*573*D8*20260310");
                    }
                    if (line.secondPaid() != null) {
                        body.add("SVD*SECOND1*" + line.secondPaid() + "*" + procedure + "**" + line.units());
                        for (String cas : line.secondAdjustments()) {
                            body.add("CAS*" + cas);
                        }
                        body.add("DTP*573*D8*20260320");
                    }
                }
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("ISA*00*          *00*          *ZZ*").append(String.format("%-15s", submitter))
                .append("*ZZ*PAYERSANDBOX   *260305*1407*^*00501*").append(controlNumber).append("*0*T*:~\n");
        b.append("GS*HC*").append(submitter.length() > 15 ? submitter.substring(0, 15) : submitter)
                .append("*PAYERSANDBOX*20260305*1407*42*X*005010X222A1~\n");
        b.append("ST*837*0001*005010X222A1~\n");
        body.forEach(s -> b.append(s).append("~\n"));
        b.append("SE*").append(body.size() + 2).append("*0001~\n");
        b.append("GE*1*42~\n");
        b.append("IEA*1*").append(controlNumber).append("~\n");
        return b.toString();
    }
}
