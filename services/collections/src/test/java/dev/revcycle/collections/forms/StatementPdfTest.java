package dev.revcycle.collections.forms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.collections.domain.DunningLevel;
import dev.revcycle.collections.domain.StatementDocument;
import dev.revcycle.collections.domain.StatementLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class StatementPdfTest {

    static StatementDocument statement(String name, int lines, DunningLevel level) {
        List<StatementLine> services = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            services.add(new StatementLine(LocalDate.of(2026, 9, 1).plusDays(i), "Office visit (claim line " + (i + 1) + ")",
                    new BigDecimal("150.00"), new BigDecimal("90.00"), new BigDecimal("20.00"), BigDecimal.ZERO));
        }
        return new StatementDocument(UUID.randomUUID(), "clinic-a", "Clinic A", UUID.randomUUID(), name,
                List.of("12 Main St", "Springfield, IL 62701"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 22),
                level, services, new BigDecimal("40.00").multiply(BigDecimal.valueOf(lines)).setScale(2));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aStatementReadsBackWithTheNameTheAmountDueAndTheDueDate() throws IOException {
        StatementDocument s = statement("Ana María López", 2, DunningLevel.PAST_DUE);
        byte[] pdf = StatementPdf.render(s);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("Ana Maria Lopez").contains("Amount due: $80.00").contains("Please pay by: 12/22/2026")
                .contains("PAST DUE").contains("09/01/2026").contains("Office visit (claim line 2)").contains("150.00")
                .contains("-90.00").contains("-20.00").contains("40.00").contains(s.accountId().toString());
    }

    @Test
    void manyServicesContinueOnTheNextPageWithTheTotalsOnTheLast() throws IOException {
        byte[] pdf = StatementPdf.render(statement("Lee Chen", StatementPdf.LINES_PER_PAGE + 3, DunningLevel.FINAL_NOTICE));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper first = new PDFTextStripper();
            first.setStartPage(1);
            first.setEndPage(1);
            assertThat(first.getText(document)).contains("Continued on the next page.").contains("Page 1 of 2");
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(2);
            last.setEndPage(2);
            assertThat(last.getText(document)).contains("claim line 25").contains("Amount enclosed").contains("FINAL NOTICE");
        }
    }

    @Test
    void aRunFileIsWrittenAsItGoesAndReadsBackPageByPage() throws IOException {
        int count = 300;
        Iterator<StatementDocument> statements = IntStream.range(0, count)
                .mapToObj(i -> statement("Patient " + i, 1 + i % 3, DunningLevel.STATEMENT)).iterator();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pages = StatementRunPdf.write(statements, out);
        assertThat(pages).isEqualTo(count);
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(count);
            PDFTextStripper page = new PDFTextStripper();
            page.setStartPage(123);
            page.setEndPage(123);
            assertThat(page.getText(document)).contains("Patient 122").contains("Amount due: $").contains("12/22/2026");
        }
    }

    @Test
    void anEmptyRunIsAValidFileWithoutPages() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(StatementRunPdf.write(List.<StatementDocument>of().iterator(), out)).isZero();
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            assertThat(document.getNumberOfPages()).isZero();
        }
    }

    @Test
    void theRunFileNeverHoldsMoreThanAStatementAtATime() throws IOException {
        // 2,000 statements into a sink: what the writer keeps is the offsets, not the pages
        OutputStream sink = OutputStream.nullOutputStream();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long[] peak = {0};
        long started = System.nanoTime();
        Iterator<StatementDocument> statements = IntStream.range(0, 2000).mapToObj(i -> {
            if (i % 500 == 0) {
                peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory() - before);
            }
            return statement("Patient " + i, 3, DunningLevel.REMINDER);
        }).iterator();
        assertThat(StatementRunPdf.write(statements, sink)).isEqualTo(2000);
        // generous: the garbage between collections, never 2,000 pages (about 10 MB of drawn pages)
        assertThat(peak[0]).isLessThan(256L * 1024 * 1024);
        System.out.printf("run file: 2,000 statements in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }
}
