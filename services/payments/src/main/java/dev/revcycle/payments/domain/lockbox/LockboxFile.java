package dev.revcycle.payments.domain.lockbox;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A bank's lockbox file: CSV (RFC 4180: comma-separated, optional double quotes, "" inside quotes), a header
 * line naming the columns, then one line per deposited item. Read whole or refused whole: every problem names
 * the line (the physical line where the record starts, the header is line 1) and the column, and never quotes a
 * value (a payer's name is PHI).
 *
 * <p>Columns (any order, names case-insensitive): required {@code batch_id}, {@code item_id}, {@code deposit_date},
 * {@code amount} and at least one of {@code account_id} / {@code patient_id}; optional {@code lockbox},
 * {@code patient_control_number}, {@code check_number}, {@code payer_name}. Any other column is refused, so a
 * bank export that carries the remitter's bank account or routing number is configured to leave them out
 * rather than have them stored.
 */
public final class LockboxFile {
    public static final int MAX_ITEMS = 10_000;
    public static final List<String> REQUIRED = List.of("batch_id", "item_id", "deposit_date", "amount");
    public static final List<String> OPTIONAL = List.of("lockbox", "account_id", "patient_id", "patient_control_number",
            "check_number", "payer_name");
    private static final Set<String> KNOWN = Set.copyOf(concat(REQUIRED, OPTIONAL));
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,2})?");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** One problem: the line (1 = the header), the column's name (or {@code #n} past the header's), what is wrong. */
    public record Problem(int line, String column, String message) {
    }

    /** The file cannot be read as a lockbox file; {@link #problems()} lists the first ones (at most 50). */
    public static final class Malformed extends RuntimeException {
        private final transient List<Problem> problems;

        public Malformed(List<Problem> problems) {
            super(problems.get(0).message(), null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /**
     * One deposited item. The bank's reference — lockbox, deposit date, batch and item — is its stable key: banks
     * number batches and items per lockbox and deposit day, so batch 001 item 1 comes back every day.
     */
    public record Item(int line, String lockbox, String batchId, String itemId, LocalDate depositDate, BigDecimal amount,
                       UUID accountId, UUID patientId, String patientControlNumber, String checkNumber, String payerName) {
        /** The item's key as {@code lockbox:date:batch:item} (the lockbox may be empty); ':' occurs in no part. */
        public String key() {
            return lockbox + ":" + depositDate + ":" + batchId + ":" + itemId;
        }

        /** Same key and same money, account and check: the bank sent the item again, not a new one. */
        public boolean sameItemAs(BigDecimal otherAmount, UUID otherAccount, UUID otherPatient, String otherCheck) {
            return amount.compareTo(otherAmount) == 0 && java.util.Objects.equals(accountId, otherAccount)
                    && java.util.Objects.equals(patientId, otherPatient) && java.util.Objects.equals(checkNumber, otherCheck);
        }

        @Override
        public String toString() {
            return "Item[line " + line + ", " + key() + "]";
        }
    }

    private final List<Item> items;

    private LockboxFile(List<Item> items) {
        this.items = List.copyOf(items);
    }

    public List<Item> items() {
        return items;
    }

    /**
     * @param today the deposit dates may be at most one day after it (a bank in an earlier time zone)
     * @throws Malformed naming every problem found (up to 50), when there is any
     */
    public static LockboxFile read(byte[] body, LocalDate today) {
        String text = text(body);
        List<Problem> problems = new ArrayList<>();
        List<Record> records = Csv.records(text, problems);
        if (!problems.isEmpty()) {
            throw new Malformed(records.isEmpty() ? problems : named(problems, records.get(0)));
        }
        if (records.isEmpty()) {
            throw new Malformed(List.of(new Problem(1, null, "the file is empty: it needs a header line naming the columns")));
        }
        Record header = records.get(0);
        Map<String, Integer> columns = header(header, problems);
        if (!problems.isEmpty()) {
            throw new Malformed(problems);
        }
        List<String> names = new ArrayList<>(columns.keySet());
        if (records.size() - 1 > MAX_ITEMS) {
            throw new Malformed(List.of(new Problem(records.get(MAX_ITEMS + 1).line(), null,
                    "the file has more than " + MAX_ITEMS + " items: split it")));
        }
        List<Item> items = new ArrayList<>(records.size() - 1);
        for (Record r : records.subList(1, records.size())) {
            Item item = item(r, names, columns, today, problems);
            if (item != null) {
                items.add(item);
            }
            if (problems.size() >= 50) {
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new Malformed(problems.subList(0, Math.min(50, problems.size())));
        }
        return new LockboxFile(items);
    }

    /** A quoting problem past the header names its column by the header's name for that position. */
    private static List<Problem> named(List<Problem> problems, Record header) {
        List<Problem> named = new ArrayList<>();
        for (Problem p : problems) {
            String column = p.column();
            if (p.line() > header.line() && column != null && column.startsWith("#")) {
                int index = Integer.parseInt(column.substring(1)) - 1;
                if (index < header.values().size()) {
                    column = header.values().get(index).trim().toLowerCase(Locale.ROOT);
                }
            }
            named.add(new Problem(p.line(), column, p.message()));
        }
        return named;
    }

    private static String text(byte[] body) {
        if (body == null || body.length == 0) {
            throw new Malformed(List.of(new Problem(1, null, "the file is empty: it needs a header line naming the columns")));
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed(List.of(new Problem(lineAt(body), null, "is not UTF-8 text (a CSV file is expected)")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new Malformed(List.of(new Problem(lineOf(text, nul), null, "holds binary data (a CSV file is expected)")));
        }
        return text;
    }

    /** The line of the first byte that is not UTF-8. */
    private static int lineAt(byte[] body) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                try {
                    utf8.reset().decode(ByteBuffer.wrap(body, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Map<String, Integer> header(Record header, List<Problem> problems) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.values().size(); i++) {
            String name = header.values().get(i).trim().toLowerCase(Locale.ROOT);
            String where = "#" + (i + 1);
            if (name.isEmpty()) {
                problems.add(new Problem(header.line(), where, "the header names no column here"));
            } else if (!KNOWN.contains(name)) {
                problems.add(new Problem(header.line(), where, "is not a lockbox column (known: " + String.join(", ",
                        concat(REQUIRED, OPTIONAL)) + "); is this the bank's lockbox CSV with its header line?"));
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(new Problem(header.line(), name, "is named twice in the header"));
            }
        }
        if (problems.isEmpty()) {
            for (String required : REQUIRED) {
                if (!columns.containsKey(required)) {
                    problems.add(new Problem(header.line(), required, "is missing from the header (required: "
                            + String.join(", ", REQUIRED) + ", and account_id or patient_id)"));
                }
            }
            if (!columns.containsKey("account_id") && !columns.containsKey("patient_id")) {
                problems.add(new Problem(header.line(), "account_id", "the header needs account_id or patient_id"));
            }
        }
        return columns;
    }

    private static Item item(Record r, List<String> names, Map<String, Integer> columns, LocalDate today,
                             List<Problem> problems) {
        int n = names.size();
        List<String> v = r.values();
        if (v.size() != n) {
            String column = v.size() < n ? nameAt(columns, v.size()) : "#" + (n + 1);
            problems.add(new Problem(r.line(), column, "the line has " + v.size() + " values, the header " + n));
            return null;
        }
        int before = problems.size();
        String lockbox = reference(r, columns, "lockbox", 20, false, problems);
        String batch = reference(r, columns, "batch_id", 30, true, problems);
        String item = reference(r, columns, "item_id", 30, true, problems);
        LocalDate date = date(r, columns, today, problems);
        BigDecimal amount = amount(r, columns, problems);
        UUID account = uuid(r, columns, "account_id", problems);
        UUID patient = uuid(r, columns, "patient_id", problems);
        if (account == null && patient == null && problems.size() == before) {
            problems.add(new Problem(r.line(), columns.containsKey("account_id") ? "account_id" : "patient_id",
                    "give account_id or patient_id (the account the payment is for)"));
        }
        String pcn = text(r, columns, "patient_control_number", 38, problems);
        String check = text(r, columns, "check_number", 20, problems);
        String payer = text(r, columns, "payer_name", 100, problems);
        if (problems.size() != before) {
            return null;
        }
        return new Item(r.line(), lockbox == null ? "" : lockbox, batch, item, date, amount, account, patient, pcn, check,
                payer);
    }

    private static String nameAt(Map<String, Integer> columns, int index) {
        return columns.entrySet().stream().filter(e -> e.getValue() == index).map(Map.Entry::getKey).findFirst()
                .orElse("#" + (index + 1));
    }

    private static String value(Record r, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null) {
            return null;
        }
        String s = r.values().get(i).trim();
        return s.isEmpty() ? null : s;
    }

    private static String reference(Record r, Map<String, Integer> columns, String name, int max, boolean required,
                                    List<Problem> problems) {
        String s = value(r, columns, name);
        if (s == null) {
            if (required) {
                problems.add(new Problem(r.line(), name, "is required (the bank's reference of the item)"));
            }
            return null;
        }
        if (s.length() > max || !REFERENCE.matcher(s).matches()) {
            problems.add(new Problem(r.line(), name, "must be at most " + max
                    + " letters, digits, '.', '_', '/' or '-', starting with a letter or digit"));
            return null;
        }
        return s;
    }

    private static LocalDate date(Record r, Map<String, Integer> columns, LocalDate today, List<Problem> problems) {
        String s = value(r, columns, "deposit_date");
        if (s == null) {
            problems.add(new Problem(r.line(), "deposit_date", "is required (YYYY-MM-DD or MM/DD/YYYY)"));
            return null;
        }
        LocalDate d;
        try {
            d = s.contains("/") ? LocalDate.parse(s, US_DATE) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(r.line(), "deposit_date", "must be a real date, YYYY-MM-DD or MM/DD/YYYY"));
            return null;
        }
        if (today != null && d.isAfter(today.plusDays(1))) {
            problems.add(new Problem(r.line(), "deposit_date", "is in the future"));
            return null;
        }
        if (d.getYear() < 2000) {
            problems.add(new Problem(r.line(), "deposit_date", "is before 2000"));
            return null;
        }
        return d;
    }

    private static BigDecimal amount(Record r, Map<String, Integer> columns, List<Problem> problems) {
        String s = value(r, columns, "amount");
        if (s == null) {
            problems.add(new Problem(r.line(), "amount", "is required"));
            return null;
        }
        if (s.startsWith("-")) {
            problems.add(new Problem(r.line(), "amount", "must be positive (a returned item is a reversal of its payment, "
                    + "not a lockbox line)"));
            return null;
        }
        if (!AMOUNT.matcher(s).matches()) {
            problems.add(new Problem(r.line(), "amount", "must be an amount in dollars with at most two decimals, e.g. 125.50"));
            return null;
        }
        BigDecimal amount = new BigDecimal(s).setScale(2);
        if (amount.signum() == 0) {
            problems.add(new Problem(r.line(), "amount", "must be more than zero"));
            return null;
        }
        return amount;
    }

    private static UUID uuid(Record r, Map<String, Integer> columns, String name, List<Problem> problems) {
        String s = value(r, columns, name);
        if (s == null) {
            return null;
        }
        try {
            if (s.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(r.line(), name, "must be a UUID (the account or patient id on the statement)"));
            return null;
        }
    }

    private static String text(Record r, Map<String, Integer> columns, String name, int max, List<Problem> problems) {
        String s = value(r, columns, name);
        if (s != null && (s.length() > max || s.chars().anyMatch(Character::isISOControl))) {
            problems.add(new Problem(r.line(), name, "must be at most " + max + " characters, without line breaks"));
            return null;
        }
        return s;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** One CSV record: the physical line it starts on and its values. */
    record Record(int line, List<String> values) {
    }

    /** RFC 4180 records; a problem names the line and the 1-based value position ({@code #n}). */
    static final class Csv {
        private Csv() {
        }

        static List<Record> records(String text, List<Problem> problems) {
            List<Record> records = new ArrayList<>();
            int line = 1;
            int i = 0;
            int len = text.length();
            while (i < len) {
                int recordLine = line;
                List<String> values = new ArrayList<>();
                StringBuilder value = new StringBuilder();
                boolean endOfRecord = false;
                while (!endOfRecord) {
                    value.setLength(0);
                    int position = values.size() + 1;
                    // skip spaces before an opening quote
                    int j = i;
                    while (j < len && text.charAt(j) == ' ') {
                        j++;
                    }
                    if (j < len && text.charAt(j) == '"') {
                        int quoteLine = line;
                        i = j + 1;
                        boolean closed = false;
                        while (i < len) {
                            char c = text.charAt(i);
                            if (c == '"') {
                                if (i + 1 < len && text.charAt(i + 1) == '"') {
                                    value.append('"');
                                    i += 2;
                                    continue;
                                }
                                closed = true;
                                i++;
                                break;
                            }
                            if (c == '\n') {
                                line++;
                            }
                            value.append(c);
                            i++;
                        }
                        if (!closed) {
                            problems.add(new Problem(quoteLine, "#" + position, "a quoted value is not closed"));
                            return records;
                        }
                        while (i < len && text.charAt(i) == ' ') {
                            i++;
                        }
                        if (i < len && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                            problems.add(new Problem(line, "#" + position, "text follows a closing quote (write \"\" for a quote inside a quoted value)"));
                            return records;
                        }
                    } else {
                        while (i < len) {
                            char c = text.charAt(i);
                            if (c == ',' || c == '\n' || c == '\r') {
                                break;
                            }
                            if (c == '"') {
                                problems.add(new Problem(line, "#" + position, "a quote inside an unquoted value (quote the whole value)"));
                                return records;
                            }
                            value.append(c);
                            i++;
                        }
                    }
                    values.add(value.toString());
                    if (i >= len) {
                        endOfRecord = true;
                    } else if (text.charAt(i) == ',') {
                        i++;
                    } else {
                        // \r\n, \n or \r
                        if (text.charAt(i) == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') {
                            i++;
                        }
                        i++;
                        line++;
                        endOfRecord = true;
                    }
                }
                boolean blank = values.size() == 1 && values.get(0).isBlank();
                if (!blank) {
                    records.add(new Record(recordLine, values));
                }
            }
            return records;
        }
    }
}
