package dev.revcycle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.X12Reader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reading back the 835s the sandbox writes: by the independent imsweb x12-parser (its 005010X221A1 map), and by a
 * balancing check of our own over revcycle-x12's strict reader.
 */
public final class Remittances835 {

    private Remittances835() {
    }

    /** What the imsweb parser found wrong (fatal errors and errors); empty for a good 835. */
    public static List<String> imswebErrors(String x12) throws Exception {
        com.imsweb.x12.reader.X12Reader reader = new com.imsweb.x12.reader.X12Reader(
                com.imsweb.x12.reader.X12Reader.FileType.ANSI835_5010_X221,
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)));
        List<String> errors = new ArrayList<>(reader.getFatalErrors());
        errors.addAll(reader.getErrors());
        return errors;
    }

    public static com.imsweb.x12.Loop imsweb(String x12) throws Exception {
        return new com.imsweb.x12.reader.X12Reader(com.imsweb.x12.reader.X12Reader.FileType.ANSI835_5010_X221,
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8))).getLoops().get(0);
    }

    /** The single 835 transaction of an interchange, read strictly (envelope counts and control numbers). */
    public static TransactionSet transaction(String x12) throws Exception {
        Interchange interchange = X12Reader.strict().read(x12);
        assertThat(interchange.transactions()).hasSize(1);
        TransactionSet t = interchange.transactions().get(0);
        assertThat(t.type()).isEqualTo("835");
        assertThat(t.implementationGuide()).isEqualTo("005010X221A1");
        return t;
    }

    /** Each body segment as text, "CLP*PCN1*1*150.00*…", components joined by ':'. */
    public static List<String> segments(String x12) throws Exception {
        return transaction(x12).segments().stream().map(Remittances835::text).toList();
    }

    public static String text(Segment s) {
        return s.id() + IntStream.rangeClosed(1, s.elementCount()).mapToObj(i ->
                "*" + String.join(":", s.repetitions(i).get(0).components())).reduce("", String::concat);
    }

    /** The segments of one claim's CLP loop (CLP … up to the next CLP or PLB/SE), by CLP01 and CLP02. */
    public static List<String> claim(String x12, String clp01, String clp02) throws Exception {
        List<String> all = segments(x12);
        List<String> loop = new ArrayList<>();
        boolean in = false;
        for (String s : all) {
            if (s.startsWith("CLP*") || s.startsWith("PLB*") || s.startsWith("SE*")) {
                in = s.startsWith("CLP*" + clp01 + "*" + clp02 + "*");
            }
            if (in) {
                loop.add(s);
            }
        }
        return loop;
    }

    /**
     * Asserts the 835's money balances: BPR02 = ΣCLP04 − ΣPLB amounts; per claim CLP03 − CLP04 = Σ claim and line
     * CAS and CLP05 = Σ PR; per line SVC02 − SVC03 = Σ its CAS. Answers BPR02.
     */
    public static BigDecimal assertBalanced(String x12) throws Exception {
        TransactionSet t = transaction(x12);
        BigDecimal bpr = null;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal plb = BigDecimal.ZERO;
        Claim claim = null;
        Line line = null;
        List<Claim> claims = new ArrayList<>();
        for (Segment s : t.segments()) {
            switch (s.id()) {
                case "BPR" -> bpr = new BigDecimal(s.element(2));
                case "CLP" -> {
                    claim = new Claim(s.element(1), new BigDecimal(s.element(3)), new BigDecimal(s.element(4)),
                            s.has(5) ? new BigDecimal(s.element(5)) : BigDecimal.ZERO);
                    claims.add(claim);
                    paid = paid.add(claim.paid);
                    line = null;
                }
                case "SVC" -> {
                    line = new Line(new BigDecimal(s.element(2)), new BigDecimal(s.element(3)));
                    claim.lines.add(line);
                }
                case "CAS" -> {
                    for (int amount = 3; amount <= 18; amount += 3) {
                        if (s.has(amount)) {
                            BigDecimal value = new BigDecimal(s.element(amount));
                            if (line != null) {
                                line.adjusted = line.adjusted.add(value);
                            } else {
                                claim.adjusted = claim.adjusted.add(value);
                            }
                            if (s.element(1).equals("PR")) {
                                claim.patient = claim.patient.add(value);
                            }
                        }
                    }
                }
                case "PLB" -> {
                    for (int amount = 4; amount <= 14; amount += 2) {
                        if (s.has(amount)) {
                            plb = plb.add(new BigDecimal(s.element(amount)));
                        }
                    }
                    claim = null;
                    line = null;
                }
                default -> {
                    // other segments carry no money to balance
                }
            }
        }
        assertThat(bpr).as("BPR02").isNotNull();
        assertThat(bpr).as("BPR02 = ΣCLP04 − ΣPLB").isEqualByComparingTo(paid.subtract(plb));
        assertThat(bpr.signum()).as("BPR02 is never negative").isGreaterThanOrEqualTo(0);
        for (Claim c : claims) {
            BigDecimal adjusted = c.adjusted;
            for (Line l : c.lines) {
                assertThat(l.charge.subtract(l.paid)).as("SVC02 − SVC03 = Σ line CAS, claim " + c.id)
                        .isEqualByComparingTo(l.adjusted);
                adjusted = adjusted.add(l.adjusted);
            }
            assertThat(c.charge.subtract(c.paid)).as("CLP03 − CLP04 = Σ CAS, claim " + c.id)
                    .isEqualByComparingTo(adjusted);
            assertThat(c.patientDeclared).as("CLP05 = Σ PR, claim " + c.id).isEqualByComparingTo(c.patient);
        }
        return bpr;
    }

    private static final class Claim {
        final String id;
        final BigDecimal charge;
        final BigDecimal paid;
        final BigDecimal patientDeclared;
        BigDecimal adjusted = BigDecimal.ZERO;
        BigDecimal patient = BigDecimal.ZERO;
        final List<Line> lines = new ArrayList<>();

        Claim(String id, BigDecimal charge, BigDecimal paid, BigDecimal patientDeclared) {
            this.id = id;
            this.charge = charge;
            this.paid = paid;
            this.patientDeclared = patientDeclared;
        }
    }

    private static final class Line {
        final BigDecimal charge;
        final BigDecimal paid;
        BigDecimal adjusted = BigDecimal.ZERO;

        Line(BigDecimal charge, BigDecimal paid) {
            this.charge = charge;
            this.paid = paid;
        }
    }
}
