package cn.ulanqab.stats.submission;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files and rows of a run in the database; rows are written inside the chunk's transaction. */
@Repository
public class SubmissionStore {

    /** A file-ledger line: the file, what became of it, and its row accounting. */
    public record LedgerLine(String file, String countyCode, Integer version, FileStatus status, String encoding,
                             long rowsRead, long rowsAccepted, long rowsRejected, String sha256, String reason) {
    }

    /** A rejected row as the reviewers see it. */
    public record RejectedRow(String file, long line, String countyCode, String indicatorCode, String rawValue,
                              String unit, String remark, RowReason reason, String message) {
    }

    private final JdbcTemplate jdbc;

    public SubmissionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replaceFiles(long runId, List<SubmissionFile> files, Map<String, String> sha256ByName) {
        jdbc.update("DELETE FROM SUBMISSION_FILE WHERE RUN_ID = ?", runId);
        List<Object[]> args = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SubmissionFile f = files.get(i);
            args.add(new Object[]{runId, i, f.name(), f.countyCode(), f.version(), f.status().name(), f.encoding(),
                    sha256ByName.get(f.name()), f.reason()});
        }
        jdbc.batchUpdate("INSERT INTO SUBMISSION_FILE (RUN_ID, SEQ, FILE_NAME, COUNTY_CODE, VERSION, STATUS, ENCODING, SHA256, REASON)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
    }

    /** The files to read, in ledger order, with the encoding found for each. */
    public List<SubmissionFile> filesToRead(long runId) {
        return jdbc.query("SELECT FILE_NAME, COUNTY_CODE, VERSION, ENCODING FROM SUBMISSION_FILE"
                        + " WHERE RUN_ID = ? AND STATUS = 'PROCESSED' ORDER BY RUN_ID, SEQ",
                (rs, i) -> new SubmissionFile(rs.getString(1), null, rs.getString(2), rs.getInt(3), FileStatus.PROCESSED,
                        rs.getString(4), null), runId);
    }

    /** Superseded files of the run, by county: the most recent superseded version of each. */
    public Map<String, SubmissionFile> latestSupersededFiles(long runId) {
        Map<String, SubmissionFile> latest = new HashMap<>();
        jdbc.query("SELECT FILE_NAME, COUNTY_CODE, VERSION FROM SUBMISSION_FILE WHERE RUN_ID = ? AND STATUS = 'SUPERSEDED' ORDER BY VERSION",
                rs -> {
                    latest.put(rs.getString(2), new SubmissionFile(rs.getString(1), null, rs.getString(2), rs.getInt(3),
                            FileStatus.SUPERSEDED, null, null));
                }, runId);
        return latest;
    }

    public void insertRows(long runId, List<? extends RowOutcome> outcomes) {
        List<Object[]> args = new ArrayList<>(outcomes.size());
        for (RowOutcome o : outcomes) {
            SubmittedRow r = o.row();
            args.add(new Object[]{runId, r.file(), r.line(), r.fileCountyCode(), r.countyCode(), r.indicatorCode(), r.period(),
                    r.value(), r.unit(), r.remark(), o.value() == null ? null : o.value().toPlainString(),
                    o.reason() == null ? null : o.reason().name(), o.message()});
        }
        jdbc.batchUpdate("INSERT INTO SUBMISSION_ROW (RUN_ID, FILE_NAME, LINE, FILE_COUNTY, COUNTY_CODE, INDICATOR_CODE, PERIOD,"
                + " RAW_VALUE, UNIT, REMARK, VALUE_TEXT, REASON, MESSAGE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
    }

    /** Check 12 for every file of the run: see {@link #settleDuplicates(long, java.util.Set)}. */
    public void settleDuplicates(long runId) {
        settleDuplicates(runId, null);
    }

    /**
     * Check 12 in the database for the given files of the run (null: every file; a file left out must have no
     * indicator code accepted twice). For each file the (indicator) groups with more than one accepted row are found
     * by one query on the file's key range; then the file's accepted rows are walked in line order a page at a time,
     * once to list the first copies of each conflicting group and once to write the verdicts back by primary key,
     * so memory stays bounded and the writes stay sequential on a file of any size. Same verdicts as
     * {@link DuplicateSettlement#settle}.
     */
    public void settleDuplicates(long runId, java.util.Set<String> files) {
        List<String> names = files != null ? new ArrayList<>(new java.util.TreeSet<>(files))
                : jdbc.queryForList("SELECT DISTINCT FILE_NAME FROM SUBMISSION_FILE WHERE RUN_ID = ? AND STATUS = 'PROCESSED'"
                + " ORDER BY FILE_NAME", String.class, runId);
        for (String file : names) {
            settleDuplicatesOf(runId, file);
        }
    }

    private void settleDuplicatesOf(long runId, String file) {
        record Group(long firstLine, boolean conflict, long count, List<DuplicateSettlement.AcceptedRow> first) {
        }
        Map<String, Group> groups = new HashMap<>();
        jdbc.query("SELECT INDICATOR_CODE, COUNT(*), MIN(LINE),"
                        + " MIN(CAST(VALUE_TEXT AS DECFLOAT)) = MAX(CAST(VALUE_TEXT AS DECFLOAT))"
                        + " FROM SUBMISSION_ROW WHERE RUN_ID = ? AND FILE_NAME = ? AND REASON IS NULL"
                        + " GROUP BY INDICATOR_CODE HAVING COUNT(*) > 1",
                rs -> {
                    groups.put(rs.getString(1), new Group(rs.getLong(3), !rs.getBoolean(4), rs.getLong(2), new ArrayList<>()));
                }, runId, file);
        if (groups.isEmpty()) {
            return;
        }
        record Accepted(long line, String indicator, String value) {
        }
        boolean conflicts = groups.values().stream().anyMatch(Group::conflict);
        for (int pass = conflicts ? 0 : 1; pass < 2; pass++) {
            Map<String, Group> verdicts = new HashMap<>();
            if (pass == 1) {
                groups.forEach((indicator, g) -> verdicts.put(indicator, g));
            }
            long after = 0;
            while (true) {
                List<Accepted> page = jdbc.query("SELECT LINE, INDICATOR_CODE, VALUE_TEXT FROM SUBMISSION_ROW WHERE RUN_ID = ?"
                                + " AND FILE_NAME = ? AND LINE > ? AND REASON IS NULL ORDER BY RUN_ID, FILE_NAME, LINE LIMIT " + SETTLE_PAGE,
                        (rs, i) -> new Accepted(rs.getLong(1), rs.getString(2), rs.getString(3)), runId, file, after);
                if (page.isEmpty()) {
                    break;
                }
                if (pass == 0) {
                    for (Accepted row : page) {
                        Group g = groups.get(row.indicator());
                        if (g != null && g.conflict() && g.first().size() < DuplicateSettlement.LISTED_COPIES) {
                            g.first().add(new DuplicateSettlement.AcceptedRow(row.line(), row.indicator(), new BigDecimal(row.value())));
                        }
                    }
                } else {
                    List<Object[]> updates = new ArrayList<>();
                    for (Accepted row : page) {
                        Group g = groups.get(row.indicator());
                        if (g == null) {
                            continue;
                        }
                        if (g.conflict()) {
                            updates.add(new Object[]{RowReason.DUPLICATE_CONFLICT.name(),
                                    DuplicateSettlement.conflictMessage(row.indicator(), g.first(), g.count()), runId, file, row.line()});
                        } else if (row.line() != g.firstLine()) {
                            updates.add(new Object[]{RowReason.DUPLICATE.name(), DuplicateSettlement.duplicateMessage(g.firstLine()),
                                    runId, file, row.line()});
                        }
                    }
                    jdbc.batchUpdate("UPDATE SUBMISSION_ROW SET REASON = ?, MESSAGE = ? WHERE RUN_ID = ? AND FILE_NAME = ? AND LINE = ?",
                            updates);
                }
                after = page.get(page.size() - 1).line();
            }
        }
    }

    private static final int SETTLE_PAGE = 5000;

    /** Rows stored per file (accepted and rejected), for the accounting check. */
    public Map<String, Long> storedRowsByFile(long runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT FILE_NAME, COUNT(*) FROM SUBMISSION_ROW WHERE RUN_ID = ? GROUP BY RUN_ID, FILE_NAME ORDER BY RUN_ID, FILE_NAME",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, runId);
        return counts;
    }

    /** Accepted values: indicator code, then unit code, then the value in the catalog unit. */
    public Map<String, Map<String, BigDecimal>> acceptedValues(long runId) {
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        jdbc.query("SELECT INDICATOR_CODE, COUNTY_CODE, VALUE_TEXT FROM SUBMISSION_ROW WHERE RUN_ID = ? AND REASON IS NULL",
                rs -> {
                    values.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), new BigDecimal(rs.getString(3)));
                }, runId);
        return values;
    }

    /** One accepted value: its file's unit, the indicator and the value in the catalog unit. */
    @FunctionalInterface
    public interface AcceptedValue {
        void accept(String unitCode, String indicatorCode, BigDecimal value);
    }

    /**
     * Streams the accepted values of a run in file and line order (the table's key order, so nothing is sorted),
     * never holding them all in memory.
     */
    public void forEachAccepted(long runId, AcceptedValue consumer) {
        stream("SELECT COUNTY_CODE, INDICATOR_CODE, VALUE_TEXT FROM SUBMISSION_ROW"
                + " WHERE RUN_ID = ? AND REASON IS NULL ORDER BY RUN_ID, FILE_NAME, LINE", 10_000, rs -> {
            consumer.accept(rs.getString(1), rs.getString(2), new BigDecimal(rs.getString(3)));
        }, runId);
    }

    /** Every row of a run, accepted or rejected, as {@link #forEachRow} hands it over. */
    public interface RowVisitor {
        /** An accepted row: the file, its unit, the indicator and the value in the catalog unit (plain text, for BigDecimal). */
        void accepted(String file, String unitCode, String indicatorCode, String valueText);

        /** A rejected row. */
        void rejected(RejectedRow row);
    }

    /*
     * The row queries order (and group) by RUN_ID first, although it is fixed by the WHERE clause: only then does H2
     * read them in the order of the primary key index ("index sorted") instead of sorting every row of the run into
     * a temporary result on disk.
     */

    /**
     * Streams every row of a run in file and line order, accepted and rejected in one pass over the table (what
     * {@link #forEachAccepted} and {@link #eachRejectedRow} give, interleaved), never holding them all in memory.
     */
    public void forEachRow(long runId, RowVisitor visitor) {
        stream("SELECT FILE_NAME, LINE, FILE_COUNTY, COUNTY_CODE, INDICATOR_CODE, VALUE_TEXT, REASON, RAW_VALUE, UNIT, REMARK,"
                + " MESSAGE FROM SUBMISSION_ROW WHERE RUN_ID = ? ORDER BY RUN_ID, FILE_NAME, LINE", 10_000, rs -> {
            String reason = rs.getString(7);
            if (reason == null) {
                visitor.accepted(rs.getString(1), rs.getString(4), rs.getString(5), rs.getString(6));
            } else {
                visitor.rejected(new RejectedRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(5), rs.getString(8),
                        rs.getString(9), rs.getString(10), RowReason.valueOf(reason), rs.getString(11)));
            }
        }, runId);
    }

    /** Accepted values of some indicators only: indicator code, then unit code, then the value. */
    public Map<String, Map<String, BigDecimal>> acceptedValues(long runId, java.util.Set<String> indicators) {
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        if (indicators.isEmpty()) {
            return values;
        }
        forEachAccepted(runId, (unit, indicator, value) -> {
            if (indicators.contains(indicator)) {
                values.computeIfAbsent(indicator, k -> new HashMap<>()).put(unit, value);
            }
        });
        return values;
    }

    /**
     * The same lines as {@link #ledger(long)} from rows counted elsewhere (file name to {accepted, rejected}, as
     * {@link #forEachRow} gives them), without a pass over the rows.
     */
    public List<LedgerLine> ledger(long runId, Map<String, long[]> rowsByFile) {
        return jdbc.query("SELECT FILE_NAME, COUNTY_CODE, VERSION, STATUS, ENCODING, SHA256, REASON FROM SUBMISSION_FILE"
                        + " WHERE RUN_ID = ? ORDER BY RUN_ID, SEQ",
                (rs, i) -> {
                    FileStatus status = FileStatus.valueOf(rs.getString(4));
                    long[] n = status == FileStatus.PROCESSED ? rowsByFile.getOrDefault(rs.getString(1), new long[2]) : new long[2];
                    return new LedgerLine(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), status, rs.getString(5),
                            n[0] + n[1], n[0], n[1], rs.getString(6), rs.getString(7));
                }, runId);
    }

    public List<LedgerLine> ledger(long runId) {
        return jdbc.query("SELECT f.FILE_NAME, f.COUNTY_CODE, f.VERSION, f.STATUS, f.ENCODING, f.SHA256, f.REASON,"
                        + " COUNT(r.LINE), COUNT(r.LINE) - COUNT(r.REASON), COUNT(r.REASON)"
                        + " FROM SUBMISSION_FILE f LEFT JOIN SUBMISSION_ROW r ON r.RUN_ID = f.RUN_ID AND r.FILE_NAME = f.FILE_NAME"
                        + " AND f.STATUS = 'PROCESSED'"
                        + " WHERE f.RUN_ID = ? GROUP BY f.SEQ, f.FILE_NAME, f.COUNTY_CODE, f.VERSION, f.STATUS, f.ENCODING, f.SHA256, f.REASON"
                        + " ORDER BY f.SEQ",
                (rs, i) -> new LedgerLine(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                        FileStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        rs.getString(6), rs.getString(7)), runId);
    }

    public List<RejectedRow> rejectedRows(long runId) {
        List<RejectedRow> rows = new ArrayList<>();
        eachRejectedRow(runId, Long.MAX_VALUE, rows::add);
        return rows;
    }

    /** The first {@code limit} rejected rows in file and line order, one at a time (none is held after it is handed over). */
    public void eachRejectedRow(long runId, long limit, java.util.function.Consumer<RejectedRow> action) {
        stream("SELECT FILE_NAME, LINE, FILE_COUNTY, INDICATOR_CODE, RAW_VALUE, UNIT, REMARK, REASON, MESSAGE"
                + " FROM SUBMISSION_ROW WHERE RUN_ID = ? AND REASON IS NOT NULL ORDER BY RUN_ID, FILE_NAME, LINE LIMIT ?", 1000, rs -> {
            action.accept(new RejectedRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), RowReason.valueOf(rs.getString(8)), rs.getString(9)));
        }, runId, limit);
    }

    /** Runs a query whose rows are handed over one at a time, fetched in batches, so no result is held whole. */
    private void stream(String sql, int fetchSize, org.springframework.jdbc.core.RowCallbackHandler handler, Object... parameters) {
        jdbc.query(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.setFetchSize(fetchSize);
            return ps;
        }, handler);
    }
}
