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

    /** Accepted rows of each file, keyed by file name. */
    public Map<String, List<DuplicateSettlement.AcceptedRow>> acceptedRowsByFile(long runId) {
        Map<String, List<DuplicateSettlement.AcceptedRow>> byFile = new LinkedHashMap<>();
        jdbc.query("SELECT FILE_NAME, LINE, INDICATOR_CODE, VALUE_TEXT FROM SUBMISSION_ROW WHERE RUN_ID = ? AND REASON IS NULL"
                + " ORDER BY FILE_NAME, LINE", rs -> {
            byFile.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new DuplicateSettlement.AcceptedRow(
                    rs.getLong(2), rs.getString(3), new BigDecimal(rs.getString(4))));
        }, runId);
        return byFile;
    }

    public void reject(long runId, String file, List<DuplicateSettlement.Verdict> verdicts) {
        List<Object[]> args = verdicts.stream()
                .map(v -> new Object[]{v.reason().name(), v.message(), runId, file, v.line()}).toList();
        jdbc.batchUpdate("UPDATE SUBMISSION_ROW SET REASON = ?, MESSAGE = ? WHERE RUN_ID = ? AND FILE_NAME = ? AND LINE = ?", args);
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
        return jdbc.query("SELECT FILE_NAME, LINE, FILE_COUNTY, INDICATOR_CODE, RAW_VALUE, UNIT, REMARK, REASON, MESSAGE"
                        + " FROM SUBMISSION_ROW WHERE RUN_ID = ? AND REASON IS NOT NULL ORDER BY FILE_NAME, LINE",
                (rs, i) -> new RejectedRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), RowReason.valueOf(rs.getString(8)), rs.getString(9)), runId);
    }
}
