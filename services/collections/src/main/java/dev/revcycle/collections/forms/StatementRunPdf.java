package dev.revcycle.collections.forms;

import dev.revcycle.collections.domain.StatementDocument;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * All of a run's statements in one PDF for the print vendor, written as it goes: each statement is drawn
 * by {@link StatementPdf} (PDFBox) into a scratch document of its own, and its pages' content is copied
 * into the output at once, so memory holds one statement at a time whatever the run's size (plus one
 * offset per PDF object for the cross-reference table at the end). The two standard fonts are written
 * once and shared by every page.
 */
public final class StatementRunPdf {
    private static final int CATALOG = 1;
    private static final int PAGES = 2;
    private static final Map<String, Integer> FONTS = Map.of(StatementPdf.REGULAR.getName(), 3,
            StatementPdf.BOLD.getName(), 4);
    private static final int FIRST_FREE = 5;

    private StatementRunPdf() {
    }

    /** Writes every statement of {@code statements} to {@code out} (not closed) and answers the number of pages. */
    public static int write(Iterator<StatementDocument> statements, OutputStream out) throws IOException {
        Writer w = new Writer(out);
        w.raw("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        w.object(CATALOG, "<< /Type /Catalog /Pages " + PAGES + " 0 R >>");
        for (Map.Entry<String, Integer> font : FONTS.entrySet()) {
            w.object(font.getValue(), "<< /Type /Font /Subtype /Type1 /BaseFont /" + font.getKey()
                    + " /Encoding /WinAnsiEncoding >>");
        }
        IntList kids = new IntList();
        int next = FIRST_FREE;
        while (statements.hasNext()) {
            StatementDocument statement = statements.next();
            try (PDDocument scratch = new PDDocument()) {
                StatementPdf.draw(scratch, statement, false);
                for (PDPage page : scratch.getPages()) {
                    int content = next++;
                    int pageObject = next++;
                    w.stream(content, contentOf(page));
                    w.object(pageObject, "<< /Type /Page /Parent " + PAGES + " 0 R /MediaBox [0 0 612 792] /Resources "
                            + "<< /Font << " + fonts(page) + ">> >> /Contents " + content + " 0 R >>");
                    kids.add(pageObject);
                }
            }
        }
        StringBuilder pages = new StringBuilder("<< /Type /Pages /Count ").append(kids.size()).append(" /Kids [");
        for (int i = 0; i < kids.size(); i++) {
            pages.append(i % 16 == 0 ? "\n" : " ").append(kids.get(i)).append(" 0 R");
        }
        w.object(PAGES, pages.append(" ] >>").toString());
        w.finish(next);
        return kids.size();
    }

    private static String fonts(PDPage page) throws IOException {
        StringBuilder out = new StringBuilder();
        for (COSName name : page.getResources().getFontNames()) {
            PDFont font = page.getResources().getFont(name);
            Integer object = FONTS.get(font.getName());
            if (object == null) {
                throw new IllegalStateException("a statement uses a font the run file does not carry");
            }
            out.append('/').append(name.getName()).append(' ').append(object).append(" 0 R ");
        }
        return out.toString();
    }

    private static byte[] contentOf(PDPage page) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (InputStream in = page.getContents(); DeflaterOutputStream deflate = new DeflaterOutputStream(compressed, deflater, 4096)) {
            in.transferTo(deflate);
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    /** Counts the bytes written (the cross-reference table is a list of offsets) and keeps the offsets by object number. */
    private static final class Writer extends FilterOutputStream {
        private long position;
        private long[] offsets = new long[1024];

        Writer(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        void raw(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        void mark(int object) {
            if (object >= offsets.length) {
                offsets = java.util.Arrays.copyOf(offsets, Math.max(object + 1, offsets.length * 2));
            }
            offsets[object] = position;
        }

        void object(int number, String body) throws IOException {
            mark(number);
            raw(number + " 0 obj\n" + body + "\nendobj\n");
        }

        void stream(int number, byte[] deflated) throws IOException {
            mark(number);
            raw(number + " 0 obj\n<< /Length " + deflated.length + " /Filter /FlateDecode >>\nstream\n");
            write(deflated);
            raw("\nendstream\nendobj\n");
        }

        void finish(int size) throws IOException {
            long xref = position;
            StringBuilder table = new StringBuilder("xref\n0 ").append(size).append("\n0000000000 65535 f \n");
            for (int i = 1; i < size; i++) {
                table.append(String.format("%010d 00000 n \n", offsets[i]));
                if (table.length() > 64 * 1024) {
                    raw(table.toString());
                    table.setLength(0);
                }
            }
            table.append("trailer\n<< /Size ").append(size).append(" /Root ").append(CATALOG)
                    .append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
            raw(table.toString());
            flush();
        }
    }

    private static final class IntList {
        private int[] values = new int[256];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }
    }
}
