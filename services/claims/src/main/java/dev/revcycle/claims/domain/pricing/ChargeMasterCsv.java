package dev.revcycle.claims.domain.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A charge master as CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes,
 * a doubled quote for a quote): a header line naming the columns — {@code procedureCode, modifier, description,
 * standardCharge, cashPrice, effectiveFrom, effectiveTo}, in any order, {@code modifier} and {@code effectiveTo}
 * optional — then one item per line. Blank lines are skipped. Every problem names its line (from 1, the header is
 * line 1) and column; none quotes a value.
 */
public final class ChargeMasterCsv {
    public static final List<String> COLUMNS = List.of("procedureCode", "modifier", "description", "standardCharge",
            "cashPrice", "effectiveFrom", "effectiveTo");
    static final List<String> REQUIRED = List.of("procedureCode", "description", "standardCharge", "cashPrice",
            "effectiveFrom");
    static final int MAX_PROBLEMS = 100;

    private ChargeMasterCsv() {
    }

    /** A problem of the file: line (from 1), column (its header name, or null for the whole line) and what is wrong. */
    public record Problem(int line, String column, String message) {
    }

    /** The file's items and, for each, the line it was read from. */
    public record Parsed(List<ChargeMasterItem> items, List<Integer> lines) {
    }

    /** Thrown with every problem found (at most {@value #MAX_PROBLEMS}); nothing of the file is to be kept. */
    public static final class MalformedCsv extends RuntimeException {
        private final List<Problem> problems;

        public MalformedCsv(List<Problem> problems) {
            super(problems.size() + " problems in the file");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    public static Parsed parse(String text) {
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = rows(text == null ? "" : text, problems);
        if (!problems.isEmpty()) {
            throw new MalformedCsv(problems);
        }
        if (rows.isEmpty()) {
            throw new MalformedCsv(List.of(new Problem(1, null, "the file is empty: a header line is required ("
                    + String.join(",", COLUMNS) + ")")));
        }
        Row header = rows.get(0);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields.size(); i++) {
            String name = header.fields.get(i).strip();
            String column = COLUMNS.stream().filter(c -> c.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst().orElse(null);
            if (column == null) {
                problems.add(new Problem(header.line, "column " + (i + 1), "is not a column of a charge master (expected "
                        + String.join(", ", COLUMNS) + ")"));
            } else if (index.putIfAbsent(column, i) != null) {
                problems.add(new Problem(header.line, column, "appears twice in the header"));
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                problems.add(new Problem(header.line, required, "is missing from the header"));
            }
        }
        if (!problems.isEmpty()) {
            throw new MalformedCsv(problems);
        }
        List<ChargeMasterItem> items = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            if (row.fields.size() != header.fields.size()) {
                problems.add(new Problem(row.line, null, "has " + row.fields.size() + " fields, the header "
                        + header.fields.size()));
                continue;
            }
            int before = problems.size();
            String code = field(row, index, "procedureCode");
            String modifier = field(row, index, "modifier");
            String description = field(row, index, "description");
            BigDecimal standard = amount(row, index, "standardCharge", problems);
            BigDecimal cash = amount(row, index, "cashPrice", problems);
            LocalDate from = date(row, index, "effectiveFrom", problems);
            LocalDate to = date(row, index, "effectiveTo", problems);
            if (problems.size() == before) {
                items.add(new ChargeMasterItem(code, modifier, description, standard, cash, from, to));
                lines.add(row.line);
            }
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
        }
        for (ChargeMaster.ItemError e : ChargeMaster.violations(items)) {
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
            problems.add(e.index() < 0 ? new Problem(1, null, e.message())
                    : new Problem(lines.get(e.index()), e.field(), e.overlapsIndex() < 0 ? e.message()
                            : ChargeMaster.overlapMessage("line " + lines.get(e.overlapsIndex()))));
        }
        if (!problems.isEmpty()) {
            throw new MalformedCsv(problems);
        }
        return new Parsed(items, lines);
    }

    private static String field(Row row, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        if (i == null) {
            return null;
        }
        String v = row.fields.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    private static BigDecimal amount(Row row, Map<String, Integer> index, String column, List<Problem> problems) {
        String v = field(row, index, column);
        if (v == null) {
            return null; // "is required" comes from the rules
        }
        if (!v.matches("[0-9]{1,10}(\\.[0-9]{1,2})?")) {
            problems.add(new Problem(row.line, column, "must be an amount such as 150.00 (digits, at most two decimals, "
                    + "no currency sign or thousands separator)"));
            return null;
        }
        return new BigDecimal(v).setScale(2);
    }

    private static LocalDate date(Row row, Map<String, Integer> index, String column, List<Problem> problems) {
        String v = field(row, index, column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(row.line, column, "must be a real date in the form YYYY-MM-DD"));
            return null;
        }
    }

    private record Row(int line, List<String> fields) {
    }

    /** Splits the text into records (RFC 4180), each with the line it starts on; blank lines are left out. */
    private static List<Row> rows(String text, List<Problem> problems) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean any = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
                continue;
            }
            switch (ch) {
                case '"' -> {
                    if (field.toString().isBlank() && !wasQuoted) {
                        quoted = true;
                        wasQuoted = true;
                        field.setLength(0);
                        any = true;
                    } else {
                        problems.add(new Problem(line, "field " + (fields.size() + 1),
                                "has a quote inside an unquoted field (quote the whole field and double the quote)"));
                        return rows;
                    }
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                    any = true;
                }
                case '\r' -> {
                    // CRLF or a lone CR: the LF (if any) ends the record
                }
                case '\n' -> {
                    end(rows, fields, field, start, any);
                    fields = new ArrayList<>();
                    any = false;
                    wasQuoted = false;
                    line++;
                    start = line;
                }
                default -> {
                    if (wasQuoted && !Character.isWhitespace(ch)) {
                        problems.add(new Problem(line, "field " + (fields.size() + 1),
                                "has text after its closing quote"));
                        return rows;
                    }
                    field.append(ch);
                    if (!Character.isWhitespace(ch)) {
                        any = true;
                    }
                }
            }
        }
        if (quoted) {
            problems.add(new Problem(start, "field " + (fields.size() + 1), "has a quote that is never closed"));
            return rows;
        }
        end(rows, fields, field, start, any);
        return rows;
    }

    private static void end(List<Row> rows, List<String> fields, StringBuilder field, int start, boolean any) {
        if (!any && fields.isEmpty()) {
            field.setLength(0);
            return; // a blank line
        }
        fields.add(field.toString());
        field.setLength(0);
        rows.add(new Row(start, List.copyOf(fields)));
    }
}
