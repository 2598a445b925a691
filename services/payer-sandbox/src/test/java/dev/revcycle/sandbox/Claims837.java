package dev.revcycle.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** 837 samples from the test resources, and a small 837P built for the rule cases. */
public final class Claims837 {

    private Claims837() {
    }

    public static String sample(String name) {
        try (InputStream in = Claims837.class.getResourceAsStream("/x12/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An 837P from submitter CLINIC1 with one claim per (claim id, first diagnosis) pair, one 99213 line each. */
    public static String professional(String... claimIdAndDiagnosis) {
        StringBuilder b = new StringBuilder();
        b.append("ISA*00*          *00*          *ZZ*CLINIC1        *ZZ*PAYERSANDBOX   *260305*1407*^*00501*000000042*0*T*:~\n");
        b.append("GS*HC*CLINIC1*PAYERSANDBOX*20260305*1407*42*X*005010X222A1~\n");
        b.append("ST*837*0001*005010X222A1~\n");
        b.append("BHT*0019*00*BATCH42*20260305*1407*CH~\n");
        b.append("NM1*41*2*BONE AND JOINT CLINIC*****46*CLINIC1~\n");
        b.append("PER*IC*BILLING*TE*5555550100~\n");
        b.append("NM1*40*2*SANDBOX HEALTH*****46*PAYERSANDBOX~\n");
        b.append("HL*1**20*1~\n");
        b.append("NM1*85*2*BONE AND JOINT CLINIC*****XX*1234567893~\n");
        b.append("N3*1 MAIN ST~\n");
        b.append("N4*SPRINGFIELD*IL*627011234~\n");
        b.append("REF*EI*123456789~\n");
        int hl = 1;
        for (int i = 0; i < claimIdAndDiagnosis.length; i += 2) {
            b.append("HL*").append(++hl).append("*1*22*0~\n");
            b.append("SBR*P*18*******CI~\n");
            b.append("NM1*IL*1*DOE*JANE****MI*M12345~\n");
            b.append("NM1*PR*2*SANDBOX HEALTH*****PI*SBX01~\n");
            b.append("CLM*").append(claimIdAndDiagnosis[i]).append("*150***11:B:1*Y*A*Y*Y~\n");
            b.append("HI*ABK:").append(claimIdAndDiagnosis[i + 1]).append("~\n");
            b.append("LX*1~\n");
            b.append("SV1*HC:99213:25*150*UN*1***1~\n");
            b.append("DTP*472*D8*20260301~\n");
            b.append("REF*6R*LINE-1~\n");
        }
        long count = b.toString().lines().count() - 2 + 1; // ST … SE (ISA and GS excluded, SE included)
        b.append("SE*").append(count).append("*0001~\n");
        b.append("GE*1*42~\n");
        b.append("IEA*1*000000042~\n");
        return b.toString();
    }
}
