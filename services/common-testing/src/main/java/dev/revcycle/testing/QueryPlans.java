package dev.revcycle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Asserts that a query which runs per request stays O(log n) in the size of its table and of the
 * practice — <b>as the generic plan</b> PostgreSQL may cache for the application's prepared
 * statement, not only as the custom plan {@code EXPLAIN} with literal values shows by hand.
 *
 * <p>{@link #assertBounded} prepares the statement ({@code ?} placeholders, as JDBC and Hibernate
 * send it) with {@code plan_cache_mode = force_generic_plan}, then reads two plans of
 * {@code EXECUTE} with the given parameters, as {@code EXPLAIN (FORMAT JSON)}:
 * <ol>
 *   <li><b>The generic plan, statically</b> (independent of the parameter values). It fails on
 *     <ul>
 *       <li>a {@code Seq Scan} of a relation holding more than {@value #SMALL_TABLE} rows
 *           ({@code pg_class.reltuples});</li>
 *       <li>an index scan of such a relation whose {@code Index Cond} is missing or constrains only
 *           the scope columns ({@code practice_id} by default): it ranges over a whole practice, whatever
 *           filter follows. This is the generic-plan trap: {@code lower(last_name) = $1} does not match an
 *           index on {@code lower(last_name) COLLATE "C"}, so the name becomes a Filter and only the
 *           practice bounds the scan; the planner's estimate hides it (a generic equality on a parameter
 *           is estimated at reltuples / n_distinct, far below the size of a big practice);</li>
 *       <li>a scan whose estimated rows exceed the bound.</li>
 *     </ul>
 *     Exempt is a scan with no Filter whose every row goes straight to a {@code LIMIT} (through
 *     {@code LockRows}, {@code Result} or {@code Subquery Scan} only): an ordered page or a capped
 *     count reads no more rows than it returns.</li>
 *   <li><b>The generic plan, executed</b> ({@code EXPLAIN ANALYZE}, in a transaction that is rolled
 *     back, so writes leave nothing behind). Each scan node's rows read — actual rows plus the rows
 *     its Filter and recheck removed, times its loops — must stay within the bound
 *     ({@value #DEFAULT_MAX_ROWS} by default). Seed the table so that the practice the parameters
 *     name holds at least ten times the bound (20,000 – 50,000 rows with {@code generate_series},
 *     then {@code ANALYZE}): a plan that ranges over the practice then cannot pass.</li>
 * </ol>
 * The bound is a constant independent of the practice's size, which is what O(log n) means for a
 * B-tree lookup that returns a bounded number of rows; a page of a list and a capped count are
 * bounded by their limit.
 */
public final class QueryPlans {
    /** Rows a per-request query may read per scan, whatever the size of the practice. */
    public static final long DEFAULT_MAX_ROWS = 2_000;
    /** A relation this small may be scanned whole (lookup tables). */
    public static final long SMALL_TABLE = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Set<String> PASS_THROUGH = Set.of("LockRows", "Result", "Subquery Scan", "Limit");
    private static final Pattern SCOPE_TERM = Pattern.compile(
            "^\\(*(?:\\w+\\.)?(%s)\\s*=.*$");

    private QueryPlans() {
    }

    /** {@link #assertBounded(Connection, long, Set, String, Object...)} with the defaults: at most
     * {@value #DEFAULT_MAX_ROWS} rows per scan, scope column {@code practice_id}. */
    public static void assertBounded(Connection connection, String sql, Object... params) {
        assertBounded(connection, DEFAULT_MAX_ROWS, Set.of("practice_id"), sql, params);
    }

    /**
     * @param maxRows      the most rows one scan node may read (estimated and measured)
     * @param scopeColumns columns that alone do not bound a scan (the practice)
     * @param sql          the statement as the application sends it, with {@code ?} placeholders
     * @param params       one value per placeholder: String, Number, Boolean, UUID, LocalDate, Instant,
     *                     long[] or String[] (an array parameter; a null element is NULL), or null
     */
    public static void assertBounded(Connection connection, long maxRows, Set<String> scopeColumns, String sql,
                                     Object... params) {
        String name = "bounded_" + NAMES.incrementAndGet();
        String args = arguments(params);
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            st.execute("PREPARE " + name + " AS " + numbered(sql));
            String execute = "EXECUTE " + name + (args.isEmpty() ? "" : "(" + args + ")");
            JsonNode generic = explain(st, "EXPLAIN (FORMAT JSON) " + execute);
            String text = explainText(st, "EXPLAIN " + execute);
            List<String> problems = new ArrayList<>();
            Map<String, Double> sizes = new HashMap<>();
            checkStatic(connection, generic, maxRows, scopeColumns, false, problems, sizes);
            if (problems.isEmpty()) {
                // executed twice (JSON to check, text to show), each undone before the next
                st.execute("SAVEPOINT measured");
                JsonNode measured = explain(st, "EXPLAIN (ANALYZE, FORMAT JSON) " + execute);
                st.execute("ROLLBACK TO SAVEPOINT measured");
                checkMeasured(measured, maxRows, problems);
                text = explainText(st, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + execute);
            }
            if (!problems.isEmpty()) {
                throw new AssertionError("Not bounded as a generic plan: " + String.join("; ", problems)
                        + "\n  " + sql.strip().replaceAll("\\s+", " ") + "\n" + text);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not explain: " + sql, e);
        } finally {
            try {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection goes back to the pool either way
            }
        }
    }

    private static JsonNode explain(Statement st, String explain) throws SQLException {
        try (ResultSet rs = st.executeQuery(explain)) {
            rs.next();
            return JSON.readTree(rs.getString(1)).get(0).get("Plan");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String explainText(Statement st, String explain) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = st.executeQuery(explain)) {
            while (rs.next()) {
                out.append("    ").append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }

    private static void checkStatic(Connection connection, JsonNode node, long maxRows, Set<String> scope,
                                    boolean underLimit, List<String> problems, Map<String, Double> sizes)
            throws SQLException {
        String type = node.path("Node Type").asText();
        // a Bitmap Index Scan names only its index; it ranges over the index's table
        String relation = node.has("Relation Name") ? node.get("Relation Name").asText()
                : node.has("Index Name") ? tableOf(connection, node.get("Index Name").asText()) : null;
        boolean limited = (underLimit && PASS_THROUGH.contains(type)) || "Limit".equals(type);
        if (relation != null) {
            double rows = sizes.computeIfAbsent(relation, r -> reltuples(connection, r));
            String what = type + " on " + relation + (node.has("Index Name") ? " using " + node.get("Index Name").asText() : "");
            boolean streamsIntoLimit = underLimit && !filters(connection, node);
            if ("Seq Scan".equals(type) && rows > SMALL_TABLE) {
                problems.add(what + " reads the whole table (" + (long) rows + " rows)");
            } else if (type.contains("Index") && rows > SMALL_TABLE && !streamsIntoLimit) {
                String cond = node.path("Index Cond").asText("");
                if (cond.isEmpty() || onlyScope(cond, scope)) {
                    problems.add(what + " ranges over a whole " + (cond.isEmpty() ? "index" : "practice: Index Cond " + cond)
                            + (filters(connection, node) ? ", Filter " + node.get("Filter").asText() : ""));
                } else if (node.path("Plan Rows").asDouble() > maxRows) {
                    problems.add(what + " is estimated to read " + node.path("Plan Rows").asLong() + " rows (bound " + maxRows + ")");
                }
            }
        }
        for (JsonNode child : node.path("Plans")) {
            checkStatic(connection, child, maxRows, scope, limited, problems, sizes);
        }
    }

    /**
     * Whether the scan filters rows out. A row-locking query keeps a partial index's predicate as a
     * Filter (to recheck it), which removes nothing: every entry of the index satisfies it.
     */
    private static boolean filters(Connection connection, JsonNode node) {
        if (!node.has("Filter")) {
            return false;
        }
        if (!node.has("Index Name")) {
            return true;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = to_regclass(?)")) {
            ps.setString(1, node.get("Index Name").asText());
            try (ResultSet rs = ps.executeQuery()) {
                return !(rs.next() && rs.getString(1) != null
                        && unwrapped(node.get("Filter").asText()).equals(unwrapped(rs.getString(1))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unwrapped(String expression) {
        String trimmed = expression.strip();
        while (trimmed.startsWith("(") && trimmed.endsWith(")") && balanced(trimmed.substring(1, trimmed.length() - 1))) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
        }
        return trimmed;
    }

    private static boolean onlyScope(String cond, Set<String> scope) {
        String trimmed = unwrapped(cond);
        Pattern term = Pattern.compile(String.format(SCOPE_TERM.pattern(), String.join("|", scope.stream().map(Pattern::quote).toList())));
        for (String t : splitTopLevelAnd(trimmed)) {
            if (!term.matcher(t.strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static List<String> splitTopLevelAnd(String s) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && s.startsWith(" AND ", i)) {
                terms.add(s.substring(start, i));
                start = i + 5;
            }
        }
        terms.add(s.substring(start));
        return terms;
    }

    private static void checkMeasured(JsonNode node, long maxRows, List<String> problems) {
        String type = node.path("Node Type").asText();
        if (node.has("Relation Name") || type.equals("Bitmap Index Scan")) {
            double read = (node.path("Actual Rows").asDouble() + node.path("Rows Removed by Filter").asDouble()
                    + node.path("Rows Removed by Index Recheck").asDouble()) * Math.max(1, node.path("Actual Loops").asDouble());
            if (read > maxRows) {
                problems.add(type + " on " + node.path("Relation Name").asText(node.path("Index Name").asText())
                        + " read " + (long) read + " rows (bound " + maxRows + ")");
            }
        }
        for (JsonNode child : node.path("Plans")) {
            checkMeasured(child, maxRows, problems);
        }
    }

    private static String tableOf(Connection connection, String index) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT indrelid::regclass::text FROM pg_index WHERE indexrelid = to_regclass(?)")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double reltuples(Connection connection, String relation) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = to_regclass(?)")) {
            ps.setString(1, relation);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JDBC's {@code ?} placeholders as PREPARE's {@code $1 … $n} (outside quoted text). */
    static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted) {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String arguments(Object... params) {
        List<String> literals = new ArrayList<>();
        for (Object p : params) {
            literals.add(literal(p));
        }
        return String.join(", ", literals);
    }

    private static String literal(Object p) {
        if (p == null) {
            return "NULL";
        }
        if (p instanceof Number || p instanceof Boolean) {
            return p.toString();
        }
        if (p instanceof String || p instanceof UUID || p instanceof LocalDate || p instanceof Instant) {
            return "'" + p.toString().replace("'", "''") + "'";
        }
        if (p instanceof long[] numbers) {
            // an array parameter (seq = ANY(?)): an array literal, typed by the statement
            return "'{" + java.util.Arrays.stream(numbers).mapToObj(Long::toString)
                    .collect(java.util.stream.Collectors.joining(",")) + "}'";
        }
        if (p instanceof String[] texts) {
            return "'{" + java.util.Arrays.stream(texts)
                    .map(t -> t == null ? "NULL" : '"' + t.replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "''") + '"')
                    .collect(java.util.stream.Collectors.joining(",")) + "}'";
        }
        if (p instanceof Collection<?>) {
            throw new IllegalArgumentException("expand a collection into one ? per element, as Hibernate does");
        }
        throw new IllegalArgumentException("unsupported parameter type " + p.getClass().getName());
    }
}
