import dev.revcycle.payments.domain.remittance.Remittance;
import dev.revcycle.payments.domain.remittance.RemittanceBalance;
import dev.revcycle.payments.domain.remittance.RemittanceClaim;
import dev.revcycle.payments.domain.remittance.ServiceLine;
import dev.revcycle.payments.x12.Remittance835Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * bench/payments-835.sh: reads a generated 835 with payments' own reader and balance check (no module change, run
 * as a single-file program on the payments jar's classpath):
 *
 *   java -cp 'services/payments/target/classes:services/payments/target/quarkus-app/lib/main/*' bench/Check835.java FILE [CLAIMS]
 *
 * Exits 1 when the file does not read, does not balance (any imbalance), or has not CLAIMS claims.
 */
public class Check835 {
    public static void main(String[] args) throws Exception {
        String x12 = Files.readString(Path.of(args[0]));
        long t0 = System.nanoTime();
        List<Remittance> all = new Remittance835Reader().read(x12);
        long t1 = System.nanoTime();
        if (all.size() != 1) {
            fail("expected one 835 transaction, read " + all.size());
        }
        Remittance r = all.get(0);
        List<String> imbalances = RemittanceBalance.imbalances(r);
        int lines = 0;
        int denied = 0;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal cas = BigDecimal.ZERO;
        for (RemittanceClaim c : r.claims()) {
            lines += c.lines().size();
            denied += c.denied() ? 1 : 0;
            paid = paid.add(c.paid());
            cas = cas.add(c.adjustmentTotal());
            for (ServiceLine l : c.lines()) {
                if (l.lineControlNumber().isEmpty()) {
                    fail("a line without REF*6R at segment " + l.position());
                }
            }
        }
        System.out.printf("CHECK835 read %d ms: trace %s, BPR02 %s, %d claims (%d denied), %d lines, ΣCLP04 %s, ΣCAS %s, "
                        + "ΣPLB %s, %d imbalances, %d warnings%n", (t1 - t0) / 1_000_000, r.traceNumber(),
                r.paymentAmount(), r.claims().size(), denied, lines, paid, cas, r.providerAdjustmentTotal(),
                imbalances.size(), r.warnings().size());
        if (!imbalances.isEmpty() || !r.warnings().isEmpty()) {
            imbalances.stream().limit(5).forEach(System.out::println);
            r.warnings().stream().limit(5).forEach(System.out::println);
            fail("imbalances or warnings");
        }
        RemittanceBalance.check(r);
        if (args.length > 1 && r.claims().size() != Integer.parseInt(args[1])) {
            fail("expected " + args[1] + " claims");
        }
    }

    static void fail(String why) {
        System.out.println("CHECK835 FAILED: " + why);
        System.exit(1);
    }
}
