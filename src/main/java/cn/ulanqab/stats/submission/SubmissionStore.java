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
                        + " WHERE RUN_ID = ? AND STATUS = 'PROCESSED' ORDER BY SEQ",
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

    /**
     * Check 12 for every file of the run, in the database: the (file, indicator) groups with more than one
     * accepted row are found by one query; then each file's accepted rows are walked in line order a page at a
     * time and the verdicts written back by primary key, so memory stays bounded and the writes stay sequential
     * on a file of any size. Same verdicts as {@link DuplicateSettlement#settle}.
     */
    public void settleDuplicates(long runId) {
        record Group(long firstLine, RowReason reason, String message) {
        }
        Map<String, Map<String, Group>> groupsByFile = new LinkedHashMap<>();
        jdbc.query("SELECT FILE_NAME, INDICATOR_CODE, COUNT(*), MIN(LINE),"
                        + " MIN(CAST(VALUE_TEXT AS DECFLOAT)) = MAX(CAST(VALUE_TEXT AS DECFLOAT))"
                        + " FROM SUBMISSION_ROW WHERE RUN_ID = ? AND REASON IS NULL"
                        + " GROUP BY FILE_NAME, INDICATOR_CODE HAVING COUNT(*) > 1 ORDER BY FILE_NAME, INDICATOR_CODE",
                rs -> {
                    String file = rs.getString(1);
                    String indicator = rs.getString(2);
                    long firstLine = rs.getLong(4);
                    Group group;
                    if (rs.getBoolean(5)) {
                        group = new Group(firstLine, RowReason.DUPLICATE, DuplicateSettlement.duplicateMessage(firstLine));
                    } else {
                        List<DuplicateSettlement.AcceptedRow> first = jdbc.query("SELECT LINE, INDICATOR_CODE, VALUE_TEXT"
                                        + " FROM SUBMISSION_ROW WHERE RUN_ID = ? AND FILE_NAME = ? AND INDICATOR_CODE = ?"
                                        + " AND REASON IS NULL ORDER BY LINE LIMIT ?",
                                (r, k) -> new DuplicateSettlement.AcceptedRow(r.getLong(1), r.getString(2), new BigDecimal(r.getString(3))),
                                runId, file, indicator, DuplicateSettlement.LISTED_COPIES);
                        group = new Group(-1, RowReason.DUPLICATE_CONFLICT,
                                DuplicateSettlement.conflictMessage(indicator, first, rs.getLong(3)));
                    }
                    groupsByFile.computeIfAbsent(file, k -> new HashMap<>()).put(indicator, group);
                }, runId);
        for (Map.Entry<String, Map<String, Group>> file : groupsByFile.entrySet()) {
            long after = 0;
            while (true) {
                record Accepted(long line, String indicator) {
                }
                List<Accepted> page = jdbc.query("SELECT LINE, INDICATOR_CODE FROM SUBMISSION_ROW WHERE RUN_ID = ? AND FILE_NAME = ?"
                                + " AND LINE > ? AND REASON IS NULL ORDER BY LINE LIMIT " + SETTLE_PAGE,
                        (rs, i) -> new Accepted(rs.getLong(1), rs.getString(2)), runId, file.getKey(), after);
                if (page.isEmpty()) {
                    break;
                }
                List<Object[]> verdicts = new ArrayList<>();
                for (Accepted row : page) {
                    Group g = file.getValue().get(row.indicator());
                    if (g != null && row.line() != g.firstLine()) {
                        verdicts.add(new Object[]{g.reason().name(), g.message(), runId, file.getKey(), row.line()});
                    }
                }
                jdbc.batchUpdate("UPDATE SUBMISSION_ROW SET REASON = ?, MESSAGE = ? WHERE RUN_ID = ? AND FILE_NAME = ? AND LINE = ?",
                        verdicts);
                after = page.get(page.size() - 1).line();
            }
        }
    }

    private static final int SETTLE_PAGE = 5000;

    /** Rows stored per file (accepted and rejected), for the accounting check. */
    public Map<String, Long> storedRowsByFile(long runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT FILE_NAME, COUNT(*) FROM SUBMISSION_ROW WHERE RUN_ID = ? GROUP BY FILE_NAME ORDER BY FILE_NAME",
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
        jdbc.query(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement("SELECT COUNTY_CODE, INDICATOR_CODE, VALUE_TEXT FROM SUBMISSION_ROW"
                    + " WHERE RUN_ID = ? AND REASON IS NULL ORDER BY FILE_NAME, LINE");
            ps.setLong(1, runId);
            ps.setFetchSize(10_000);
            return ps;
        }, rs -> {
            consumer.accept(rs.getString(1), rs.getString(2), new BigDecimal(rs.getString(3)));
        });
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
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT FILE_NAME, LINE, FILE_COUNTY, INDICATOR_CODE, RAW_VALUE, UNIT, REMARK, REASON, MESSAGE"
                    + " FROM SUBMISSION_ROW WHERE RUN_ID = ? AND REASON IS NOT NULL ORDER BY FILE_NAME, LINE LIMIT ?");
            ps.setLong(1, runId);
            ps.setLong(2, limit);
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            action.accept(new RejectedRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), RowReason.valueOf(rs.getString(8)), rs.getString(9)));
        });
    }
}
