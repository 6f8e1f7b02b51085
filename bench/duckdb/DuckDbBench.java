import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark only (bench/run.sh), never part of the application.
 *
 * <pre>
 * DuckDbBench reconcile &lt;generated folder&gt; &lt;period&gt; &lt;found-mismatches.csv&gt;
 *     validates, aggregates and compares the generated input in SQL (in memory, nothing persisted) and checks
 *     that the mismatches it finds are exactly expected-mismatches.csv; exit 0 when they are, 3 when not
 * DuckDbBench check-job &lt;reconciliation.csv&gt; &lt;expected-mismatches.csv&gt;
 *     checks that the job's MISMATCH lines are exactly the planted ones (skipped, exit 0, while the job's
 *     output has no region_code column); exit 0 when they are, 3 when not
 * </pre>
 *
 * Every CSV is read with all columns VARCHAR and cast in SQL; every figure is compared in exact integer
 * arithmetic (values scaled by 10^6 into BIGINT, sums in HUGEINT), never in floating point.
 */
public class DuckDbBench {

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("reconcile")) {
            System.exit(reconcile(Path.of(args[1]), args[2], Path.of(args[3])));
        } else if (args.length == 3 && args[0].equals("check-job")) {
            System.exit(checkJob(Path.of(args[1]), Path.of(args[2])));
        }
        System.err.println("usage: DuckDbBench reconcile <generated folder> <period> <found.csv> | check-job <reconciliation.csv> <expected.csv>");
        System.exit(2);
    }

    private static String lit(Object path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    private static String csv(Object path, String columns) {
        return "read_csv(" + lit(path) + ", header=true, delim=',', quote='\"', escape='\"', auto_detect=false, columns={"
                + columns + "})";
    }

    private static String varchar(String... names) {
        List<String> cols = new ArrayList<>();
        for (String n : names) {
            cols.add("'" + n + "': 'VARCHAR'");
        }
        return String.join(", ", cols);
    }

    private static long phase(Statement st, String name, String... sql) throws SQLException {
        long start = System.nanoTime();
        for (String s : sql) {
            st.execute(s);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("  %-34s %8d ms%n", name, ms);
        return ms;
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int reconcile(Path gen, String period, Path found) throws Exception {
        Path ref = gen.resolve("reference");
        String p = "'" + period.replace("'", "''") + "'";
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT version(), current_setting('threads'), current_setting('memory_limit')")) {
                rs.next();
                System.out.println("DuckDB " + rs.getString(1) + ", threads " + rs.getString(2) + ", memory_limit " + rs.getString(3) + ", in memory");
            }
            phase(st, "read reference files",
                    "CREATE TABLE regions AS SELECT * FROM " + csv(ref.resolve("counties.csv"),
                            varchar("code", "name_zh", "short_name_zh", "name_en", "type", "parent_code")),
                    "CREATE TABLE indicators AS SELECT * FROM " + csv(ref.resolve("indicators.csv"),
                            varchar("code", "name_zh", "name_en", "unit", "value_type", "level", "aggregation", "formula")));
            // validation: the job's checks that apply to well-formed files, first failing check gives the reason
            phase(st, "read + validate submissions",
                    "CREATE TABLE checked AS "
                            + "WITH s AS (SELECT *, TRY_CAST(trim(value) AS DECIMAL(18,6)) AS v, "
                            + "  regexp_extract(filename, '([0-9]{6})\\.csv$', 1) AS file_code FROM "
                            + csv(gen.resolve(period).resolve("*.csv"), varchar("county_code", "indicator_code", "period", "value", "unit", "remark"))
                            .replace("auto_detect=false,", "auto_detect=false, filename=true,") + ") "
                            + "SELECT s.county_code, s.indicator_code, CAST(s.v * 1000000 AS BIGINT) AS v6, "
                            + " CASE WHEN r.code IS NULL THEN 'UNKNOWN_COUNTY' "
                            + "      WHEN s.county_code <> s.file_code THEN 'COUNTY_MISMATCH' "
                            + "      WHEN i.code IS NULL THEN 'UNKNOWN_INDICATOR' "
                            + "      WHEN i.aggregation <> 'SUM' THEN 'WRONG_LEVEL' "
                            + "      WHEN s.period IS DISTINCT FROM " + p + " THEN 'PERIOD_MISMATCH' "
                            + "      WHEN s.value IS NULL OR trim(s.value) IN ('', '-', '—', '/') THEN 'MISSING_VALUE' "
                            + "      WHEN s.v IS NULL THEN 'NOT_A_NUMBER' "
                            + "      WHEN s.v < 0 THEN 'NEGATIVE_VALUE' "
                            + "      WHEN i.value_type = 'INTEGER' AND s.v <> floor(s.v) THEN 'NOT_AN_INTEGER' "
                            + " END AS reason, r.parent_code AS city_code "
                            + "FROM s LEFT JOIN regions r ON r.code = s.county_code LEFT JOIN indicators i ON i.code = s.indicator_code");
            // aggregation: per city from the rows, then up the tree (province, country, any depth) from the city totals
            phase(st, "aggregate city/province/country",
                    "CREATE TABLE city_totals AS SELECT city_code AS region_code, indicator_code, sum(v6) AS total6 "
                            + "FROM checked WHERE reason IS NULL GROUP BY ALL",
                    "CREATE TABLE ancestors AS WITH RECURSIVE up(city, ancestor) AS ("
                            + " SELECT code, parent_code FROM regions WHERE code IN (SELECT DISTINCT region_code FROM city_totals)"
                            + " UNION ALL SELECT up.city, r.parent_code FROM up JOIN regions r ON r.code = up.ancestor) "
                            + "SELECT * FROM up WHERE ancestor IN (SELECT code FROM regions)",
                    "CREATE TABLE region_totals AS SELECT region_code, indicator_code, total6 FROM city_totals "
                            + "UNION ALL SELECT a.ancestor, t.indicator_code, sum(t.total6) FROM city_totals t "
                            + "JOIN ancestors a ON a.city = t.region_code GROUP BY ALL");
            // comparison: the city total rounded half up to the printed decimals equals the printed number (exact integers)
            phase(st, "compare with printed figures",
                    "CREATE TABLE printed AS SELECT indicator_code, region_code, published_text, "
                            + " regexp_extract(published_text, '^([0-9]+(\\.[0-9]+)?)', 1) AS num_text FROM "
                            + csv(gen.resolve("published").resolve(period + ".csv"),
                            varchar("indicator_code", "period", "published_text", "section", "quote", "region_code")),
                    "CREATE TABLE compared AS "
                            + "WITH f AS (SELECT pr.*, i.aggregation, "
                            + "   length(regexp_extract(num_text, '\\.([0-9]+)$', 1)) AS d, "
                            + "   CAST(replace(num_text, '.', '') AS HUGEINT) AS printed_scaled, "
                            + "   regexp_extract(i.formula, '^\\s*([A-Z0-9_]+)\\s*/', 1) AS num_code, "
                            + "   regexp_extract(i.formula, '/\\s*([A-Z0-9_]+)', 1) AS den_code, "
                            + "   coalesce(nullif(regexp_extract(i.formula, '\\*\\s*([0-9]+(\\.[0-9]+)?)\\s*$', 1), ''), '1') AS factor_text "
                            + "  FROM printed pr JOIN indicators i ON i.code = pr.indicator_code), "
                            + "g AS (SELECT f.*, CAST(replace(factor_text, '.', '') AS HUGEINT) AS f_num, "
                            + "   CAST(pow(10, length(regexp_extract(factor_text, '\\.([0-9]+)$', 1))) AS HUGEINT) AS f_den, "
                            + "   CAST(pow(10, d) AS HUGEINT) AS ten_d, CAST(pow(10, 6 - d) AS HUGEINT) AS unit6, "
                            + "   t.total6, n.total6 AS num6, dd.total6 AS den6 FROM f "
                            + "  LEFT JOIN city_totals t ON t.region_code = f.region_code AND t.indicator_code = f.indicator_code "
                            + "  LEFT JOIN city_totals n ON n.region_code = f.region_code AND n.indicator_code = f.num_code "
                            + "  LEFT JOIN city_totals dd ON dd.region_code = f.region_code AND dd.indicator_code = f.den_code), "
                            + "h AS (SELECT *, CASE WHEN aggregation = 'SUM' THEN (2 * total6 + unit6) // (2 * unit6) "
                            + "   WHEN aggregation = 'RATIO' AND den6 <> 0 THEN (2 * ten_d * num6 * f_num + den6 * f_den) // (2 * den6 * f_den) "
                            + "   END AS rounded FROM g) "
                            + "SELECT indicator_code, region_code, published_text, rounded, printed_scaled, "
                            + " CASE WHEN rounded IS NULL THEN 'NO_DATA' WHEN rounded = printed_scaled THEN 'MATCH' ELSE 'MISMATCH' END AS status "
                            + "FROM h");
            long elapsed = (System.nanoTime() - start) / 1_000_000;

            long rows = count(st, "SELECT count(*) FROM checked");
            long accepted = count(st, "SELECT count(*) FROM checked WHERE reason IS NULL");
            System.out.printf("rows: %d read, %d accepted, %d rejected%n", rows, accepted, rows - accepted);
            try (ResultSet rs = st.executeQuery("SELECT r.type, count(*) FROM region_totals t JOIN regions r ON r.code = t.region_code GROUP BY 1 ORDER BY 2 DESC")) {
                StringBuilder b = new StringBuilder("region totals (SUM indicators):");
                while (rs.next()) {
                    b.append(' ').append(rs.getLong(2)).append(' ').append(rs.getString(1));
                }
                System.out.println(b);
            }
            try (ResultSet rs = st.executeQuery("SELECT status, count(*) FROM compared GROUP BY 1 ORDER BY 1")) {
                StringBuilder b = new StringBuilder("printed figures:");
                while (rs.next()) {
                    b.append(' ').append(rs.getLong(2)).append(' ').append(rs.getString(1));
                }
                System.out.println(b);
            }
            System.out.printf("duckdb_query_ms=%d%n", elapsed);
            System.out.printf("duckdb_rows=%d%n", rows);

            st.execute("COPY (SELECT indicator_code, region_code FROM compared WHERE status = 'MISMATCH' ORDER BY region_code, indicator_code) TO "
                    + lit(found) + " (HEADER, DELIMITER ',')");
            st.execute("CREATE TABLE expected AS SELECT * FROM " + csv(gen.resolve("expected-mismatches.csv"), varchar("indicator_code", "region_code")));
            st.execute("CREATE TABLE found AS SELECT indicator_code, region_code FROM compared WHERE status = 'MISMATCH'");
            return compare(st, "DuckDB");
        }
    }

    /** Compares tables found and expected (indicator_code, region_code); 0 when equal, 3 when not. */
    private static int compare(Statement st, String who) throws SQLException {
        long expected = count(st, "SELECT count(*) FROM expected");
        long found = count(st, "SELECT count(*) FROM found");
        long missed = count(st, "SELECT count(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM found)");
        long extra = count(st, "SELECT count(*) FROM (SELECT * FROM found EXCEPT SELECT * FROM expected)");
        if (missed == 0 && extra == 0 && found == expected) {
            System.out.printf("%s found exactly the %d planted mismatches%n", who, expected);
            return 0;
        }
        System.out.printf("%s did NOT find exactly the planted mismatches: %d expected, %d found, %d missed, %d not planted%n",
                who, expected, found, missed, extra);
        try (ResultSet rs = st.executeQuery("(SELECT 'missed', * FROM (SELECT * FROM expected EXCEPT SELECT * FROM found)) "
                + "UNION ALL (SELECT 'not planted', * FROM (SELECT * FROM found EXCEPT SELECT * FROM expected)) LIMIT 10")) {
            while (rs.next()) {
                System.out.printf("  %s %s %s%n", rs.getString(1), rs.getString(2), rs.getString(3));
            }
        }
        return 3;
    }

    static int checkJob(Path reconciliation, Path expectedFile) throws Exception {
        if (!Files.isRegularFile(reconciliation)) {
            System.out.println("job output " + reconciliation + " is missing; check skipped");
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE job AS SELECT * FROM read_csv(" + lit(reconciliation)
                    + ", header=true, delim=',', quote='\"', escape='\"', all_varchar=true)");
            boolean perRegion = false;
            try (ResultSet rs = st.executeQuery("SELECT column_name FROM (DESCRIBE job)")) {
                while (rs.next()) {
                    perRegion |= rs.getString(1).replace("\uFEFF", "").equals("region_code");
                }
            }
            if (!perRegion) {
                System.out.println("the job's reconciliation.csv has no region_code column: its mismatches cannot be checked");
                return 1;
            }
            st.execute("CREATE TABLE expected AS SELECT * FROM " + csv(expectedFile, varchar("indicator_code", "region_code")));
            st.execute("CREATE TABLE found AS SELECT * FROM (SELECT * EXCLUDE (x) FROM (SELECT columns(c -> c LIKE '%indicator_code') AS indicator_code, "
                    + "region_code, status AS x FROM job) WHERE x = 'MISMATCH')");
            return compare(st, "the job");
        }
    }
}
