package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import cn.ulanqab.stats.database.ChecksummedTable;
import cn.ulanqab.stats.database.RecordChecksum;
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
                             long rowsRead, long rowsAccepted, long rowsRejected, String sha256, Detail reason) {
    }

    /** A rejected row as the reviewers see it. */
    public record RejectedRow(String file, long line, String countyCode, String indicatorCode, String rawValue,
                              String unit, String remark, RowReason reason, Detail message) {
    }

    private final JdbcTemplate jdbc;

    /** The ledger's lines: the files of a run's submission folder. */
    static final ChecksummedTable FILES = new ChecksummedTable("SUBMISSION_FILE", "RUN_ID", "SEQ", "FILE_NAME", "COUNTY_CODE",
            "VERSION", "STATUS", "ENCODING", "SHA256", "REASON");
    /** Rejected rows, one record each. */
    static final ChecksummedTable REJECTED = new ChecksummedTable("SUBMISSION_ROW", "RUN_ID", "FILE_NAME", "LINE", "FILE_COUNTY",
            "COUNTY_CODE", "INDICATOR_CODE", "PERIOD", "RAW_VALUE", "UNIT", "REMARK", "REASON", "MESSAGE");

    /** What readAndValidateSubmissions found in each file: rows read, and 1 when an indicator was accepted twice in it. */
    static final ChecksummedTable READS = new ChecksummedTable("SUBMISSION_FILE_READ", "RUN_ID", "FILE_NAME", "ROWS_READ",
            "DUPLICATES_NOTED");

    public SubmissionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replaceFiles(long runId, List<SubmissionFile> files, Map<String, String> sha256ByName) {
        jdbc.update("DELETE FROM SUBMISSION_FILE_READ WHERE RUN_ID = ?", runId);
        jdbc.update("DELETE FROM SUBMISSION_FILE WHERE RUN_ID = ?", runId);
        List<Object[]> args = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SubmissionFile f = files.get(i);
            args.add(FILES.record(runId, i, f.name(), f.countyCode(), f.version(), f.status().name(), f.encoding(),
                    sha256ByName.get(f.name()), f.reason() == null ? null : f.reason().stored()));
        }
        jdbc.batchUpdate(FILES.insert(), args);
    }

    /** The files to read, in ledger order, with the encoding found for each. */
    public List<SubmissionFile> filesToRead(long runId) {
        return jdbc.query("SELECT FILE_NAME, COUNTY_CODE, VERSION, ENCODING, " + FILES.checkedColumns() + " FROM SUBMISSION_FILE"
                        + " WHERE RUN_ID = ? AND STATUS = 'PROCESSED' ORDER BY RUN_ID, SEQ",
                (rs, i) -> {
                    checkLedgerLine(rs, runId);
                    return new SubmissionFile(rs.getString(1), null, rs.getString(2), rs.getInt(3), FileStatus.PROCESSED,
                            rs.getString(4), null);
                }, runId);
    }

    /** The SHA-256 the catalogue took of each file of the run before any row was read (the ledger's sha256). */
    public Map<String, String> sha256ByName(long runId) {
        Map<String, String> hashes = new HashMap<>();
        jdbc.query("SELECT FILE_NAME, SHA256, " + FILES.checkedColumns() + " FROM SUBMISSION_FILE WHERE RUN_ID = ? AND SHA256 IS NOT NULL",
                rs -> {
                    checkLedgerLine(rs, runId);
                    hashes.put(rs.getString(1), rs.getString(2));
                }, runId);
        return hashes;
    }

    /** Removes every stored row of one file of the run, and its count of rows read (it is to be read again from its start). */
    public void discardRows(long runId, String file) {
        storeRead(runId, file, 0L, null);
        jdbc.update("DELETE FROM SUBMISSION_ROW WHERE RUN_ID = ? AND FILE_NAME = ?", runId, file);
        jdbc.update("DELETE FROM ACCEPTED_ROWS WHERE RUN_ID = ? AND FILE_NAME = ?", runId, file);
    }

    /** Stores the reader's count of rows read in each of these files (in the chunk's transaction). */
    public void storeRowsRead(long runId, Map<String, Long> rowsRead) {
        rowsRead.forEach((file, n) -> storeRead(runId, file, n, null));
    }

    /** Notes a file in which an indicator code was accepted twice, for settleDuplicates (in the chunk's transaction). */
    public void noteDuplicates(long runId, String file) {
        storeRead(runId, file, null, true);
    }

    /** The record of what was read in one file, with this count of rows or note of duplicates (null: as stored). */
    private void storeRead(long runId, String file, Long rowsRead, Boolean duplicates) {
        List<long[]> stored = jdbc.query("SELECT " + READS.checkedColumns() + " FROM SUBMISSION_FILE_READ WHERE RUN_ID = ? AND FILE_NAME = ?",
                (rs, i) -> {
                    checkRead(rs, runId);
                    return new long[]{rs.getLong("ROWS_READ"), rs.getInt("DUPLICATES_NOTED")};
                }, runId, file);
        long rows = rowsRead != null ? rowsRead : stored.isEmpty() ? 0 : stored.get(0)[0];
        int noted = duplicates != null ? (duplicates ? 1 : 0) : stored.isEmpty() ? 0 : (int) stored.get(0)[1];
        Object[] record = READS.record(runId, file, rows, noted);
        if (stored.isEmpty()) {
            jdbc.update(READS.insert(), record);
        } else {
            jdbc.update("UPDATE SUBMISSION_FILE_READ SET ROWS_READ = ?, DUPLICATES_NOTED = ?, CRC32C = ? WHERE RUN_ID = ? AND FILE_NAME = ?",
                    rows, noted, record[record.length - 1], runId, file);
        }
    }

    /** The reader's count of rows read per file of the run, as the committed chunks stored it. */
    public Map<String, Long> rowsReadByFile(long runId) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT " + READS.checkedColumns() + " FROM SUBMISSION_FILE_READ WHERE RUN_ID = ?",
                rs -> {
                    checkRead(rs, runId);
                    counts.put(rs.getString("FILE_NAME"), rs.getLong("ROWS_READ"));
                }, runId);
        return counts;
    }

    /** The files of the run in which an indicator code was noted accepted twice. */
    public Set<String> filesNotedWithDuplicates(long runId) {
        Set<String> files = new TreeSet<>();
        jdbc.query("SELECT " + READS.checkedColumns() + " FROM SUBMISSION_FILE_READ WHERE RUN_ID = ? AND DUPLICATES_NOTED = 1",
                rs -> {
                    checkRead(rs, runId);
                    files.add(rs.getString("FILE_NAME"));
                }, runId);
        return files;
    }

    private static void checkRead(ResultSet rs, long runId) throws SQLException {
        READS.check(rs, Detail.of("record.rows.read", runId, rs.getString("FILE_NAME")));
    }

    /** Superseded files of the run, by county: the most recent superseded version of each. */
    public Map<String, SubmissionFile> latestSupersededFiles(long runId) {
        Map<String, SubmissionFile> latest = new HashMap<>();
        jdbc.query("SELECT FILE_NAME, COUNTY_CODE, VERSION, " + FILES.checkedColumns() + " FROM SUBMISSION_FILE"
                        + " WHERE RUN_ID = ? AND STATUS = 'SUPERSEDED' ORDER BY VERSION",
                rs -> {
                    checkLedgerLine(rs, runId);
                    latest.put(rs.getString(2), new SubmissionFile(rs.getString(1), null, rs.getString(2), rs.getInt(3),
                            FileStatus.SUPERSEDED, null, null));
                }, runId);
        return latest;
    }

    /**
     * Stores a chunk's rows: rejected rows one per record in SUBMISSION_ROW, accepted rows packed ({@link PackedRows})
     * into one ACCEPTED_ROWS record per file of the chunk. Both inserts join the chunk's transaction.
     */
    public void insertRows(long runId, List<? extends RowOutcome> outcomes) {
        List<Object[]> rejected = new ArrayList<>();
        List<Object[]> packed = new ArrayList<>();
        PackedRows.Packer packer = null;
        String packerFile = null;
        String packerCounty = null;
        for (RowOutcome o : outcomes) {
            SubmittedRow r = o.row();
            if (!o.isAccepted()) {
                rejected.add(REJECTED.record(runId, r.file(), r.line(), r.fileCountyCode(), r.countyCode(), r.indicatorCode(),
                        r.period(), r.value(), r.unit(), r.remark(), o.reason().name(), o.message().stored()));
                continue;
            }
            if (packer == null || !r.file().equals(packerFile) || packer.full()) {
                if (packer != null) {
                    packed.add(record(runId, packerFile, packerCounty, packer));
                }
                packer = new PackedRows.Packer();
                packerFile = r.file();
                packerCounty = r.fileCountyCode();
            }
            packer.add(r.line(), r.indicatorCode().strip(), r.value(), r.unit(), r.remark(), o.value().toPlainString());
        }
        if (packer != null) {
            packed.add(record(runId, packerFile, packerCounty, packer));
        }
        if (!rejected.isEmpty()) {
            jdbc.batchUpdate(REJECTED.insert(), rejected);
        }
        if (!packed.isEmpty()) {
            jdbc.batchUpdate(INSERT_ACCEPTED, packed);
        }
    }

    private static final String INSERT_ACCEPTED = "INSERT INTO ACCEPTED_ROWS (RUN_ID, FILE_NAME, FIRST_LINE, LAST_LINE, COUNTY_CODE,"
            + " ROW_COUNT, ROWS_DATA, CRC32C) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static Object[] record(long runId, String file, String county, PackedRows.Packer packer) {
        byte[] data = packer.bytes();
        return new Object[]{runId, file, packer.firstLine(), packer.lastLine(), county, packer.count(), data,
                packedChecksum(runId, file, packer.firstLine(), county, packer.count(), data)};
    }

    /** The CRC32C of a packed record: every field that is read back (see forEachPackedRecord). */
    private static long packedChecksum(long runId, String file, long firstLine, String county, int rowCount, byte[] data) {
        return RecordChecksum.of(runId, file, firstLine, county, rowCount, data);
    }

    /** Check 12 for every file of the run: see {@link #settleDuplicates(long, java.util.Set)}. */
    public void settleDuplicates(long runId) {
        settleDuplicates(runId, null);
    }

    /**
     * Check 12 for the given files of the run (null: every file; a file left out must have no indicator code
     * accepted twice). For each file its accepted rows are walked in line order once to find the indicators accepted
     * more than once (keeping only the first copies of each), and, when there are any, once more to move the copies
     * judged DUPLICATE or DUPLICATE_CONFLICT out of their packed records into the rejected rows. Memory stays bounded
     * by the catalog on a file of any size. Same verdicts as {@link DuplicateSettlement#settle}.
     */
    public void settleDuplicates(long runId, Set<String> files) {
        List<String> names = files != null ? new ArrayList<>(new TreeSet<>(files))
                : new ArrayList<>(new TreeSet<>(filesToRead(runId).stream().map(SubmissionFile::name).toList()));
        for (String file : names) {
            settleDuplicatesOf(runId, file);
        }
    }

    private void settleDuplicatesOf(long runId, String file) {
        DuplicateSettlement.Judge judge = new DuplicateSettlement.Judge();
        forEachPackedRecord(runId, file, record -> record.forEachRow(row ->
                judge.add(new DuplicateSettlement.AcceptedRow(row.line(), row.indicatorCode(), new BigDecimal(row.valueText())))));
        if (!judge.anyRepeated()) {
            return;
        }
        forEachPackedRecord(runId, file, record -> {
            String county = record.unitCode();
            List<Object[]> judged = new ArrayList<>();
            PackedRows.Packer kept = new PackedRows.Packer();
            for (PackedRows.Row row : record.rows()) {
                DuplicateSettlement.Verdict verdict = judge.verdict(row.line(), row.indicatorCode());
                if (verdict == null) {
                    kept.add(row);
                } else {
                    judged.add(REJECTED.record(runId, file, row.line(), county, county, row.indicatorCode(), null, row.rawValue(),
                            row.unit(), row.remark(), verdict.reason().name(), verdict.message().stored()));
                }
            }
            if (judged.isEmpty()) {
                return;
            }
            jdbc.batchUpdate(REJECTED.insert(), judged);
            if (kept.count() == 0) {
                jdbc.update("DELETE FROM ACCEPTED_ROWS WHERE RUN_ID = ? AND FILE_NAME = ? AND FIRST_LINE = ?", runId, file, record.key());
            } else {
                byte[] data = kept.bytes();
                jdbc.update("UPDATE ACCEPTED_ROWS SET ROW_COUNT = ?, ROWS_DATA = ?, CRC32C = ? WHERE RUN_ID = ? AND FILE_NAME = ?"
                                + " AND FIRST_LINE = ?", kept.count(), data, packedChecksum(runId, file, record.key(), county, kept.count(), data),
                        runId, file, record.key());
            }
        });
    }

    /** A packed record of accepted rows: its file, its key (the first line it was stored with), unit and rows. */
    private record PackedRecord(String file, long key, String unitCode, int rowCount, byte[] data) {
        List<PackedRows.Row> rows() {
            return PackedRows.unpack(data, rowCount);
        }

        void forEachRow(Consumer<PackedRows.Row> action) {
            PackedRows.unpack(data, rowCount, action);
        }
    }

    /**
     * The packed records of a run (of one file only, unless null) in file and line order, one record in memory at
     * a time: the keys first, then each record by its key, so that no database has to hold a result of every
     * record's bytes.
     */
    private void forEachPackedRecord(long runId, String file, Consumer<PackedRecord> action) {
        record Key(String file, long firstLine) {
        }
        List<Key> keys = file == null
                ? jdbc.query("SELECT FILE_NAME, FIRST_LINE FROM ACCEPTED_ROWS WHERE RUN_ID = ? ORDER BY RUN_ID, FILE_NAME, FIRST_LINE",
                (rs, i) -> new Key(rs.getString(1), rs.getLong(2)), runId)
                : jdbc.query("SELECT FILE_NAME, FIRST_LINE FROM ACCEPTED_ROWS WHERE RUN_ID = ? AND FILE_NAME = ?"
                        + " ORDER BY RUN_ID, FILE_NAME, FIRST_LINE", (rs, i) -> new Key(rs.getString(1), rs.getLong(2)), runId, file);
        for (Key key : keys) {
            jdbc.query("SELECT COUNTY_CODE, ROW_COUNT, ROWS_DATA, CRC32C FROM ACCEPTED_ROWS WHERE RUN_ID = ? AND FILE_NAME = ?"
                            + " AND FIRST_LINE = ?",
                    rs -> {
                        String county = rs.getString(1);
                        int rowCount = rs.getInt(2);
                        byte[] data = rs.getBytes(3);
                        long crc = rs.getLong(4);
                        RecordChecksum.check(rs.wasNull() ? null : crc, Detail.of("record.accepted.rows", runId, key.file(), key.firstLine()),
                                "ACCEPTED_ROWS", runId, key.file(), key.firstLine(), county, rowCount, data);
                        action.accept(new PackedRecord(key.file(), key.firstLine(), county, rowCount, data));
                    }, runId, key.file(), key.firstLine());
        }
    }

    /** Rows stored per file (accepted and rejected), for the accounting check. */
    public Map<String, Long> storedRowsByFile(long runId) {
        Map<String, Long> counts = new TreeMap<>();
        rowCountsByFile(runId).forEach((file, n) -> counts.put(file, n[0] + n[1]));
        return counts;
    }

    /** Rows stored per file: {accepted, rejected}. */
    private Map<String, long[]> rowCountsByFile(long runId) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("SELECT FILE_NAME, SUM(ROW_COUNT) FROM ACCEPTED_ROWS WHERE RUN_ID = ? GROUP BY RUN_ID, FILE_NAME",
                rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new long[2])[0] += rs.getLong(2);
                }, runId);
        jdbc.query("SELECT FILE_NAME, COUNT(*) - COUNT(REASON), COUNT(REASON) FROM SUBMISSION_ROW WHERE RUN_ID = ?"
                        + " GROUP BY RUN_ID, FILE_NAME",
                rs -> {
                    long[] n = counts.computeIfAbsent(rs.getString(1), k -> new long[2]);
                    n[0] += rs.getLong(2);
                    n[1] += rs.getLong(3);
                }, runId);
        return counts;
    }

    /** Accepted values: indicator code, then unit code, then the value in the catalog unit. */
    public Map<String, Map<String, BigDecimal>> acceptedValues(long runId) {
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        forEachAccepted(runId, (unit, indicator, value) -> values.computeIfAbsent(indicator, k -> new HashMap<>()).put(unit, value));
        return values;
    }

    /** One accepted value: its file's unit, the indicator and the value in the catalog unit. */
    @FunctionalInterface
    public interface AcceptedValue {
        void accept(String unitCode, String indicatorCode, BigDecimal value);
    }

    /** Streams the accepted values of a run in file and line order, never holding them all in memory. */
    public void forEachAccepted(long runId, AcceptedValue consumer) {
        forEachAcceptedText(runId, null, (file, unit, indicator, value) -> consumer.accept(unit, indicator, new BigDecimal(value)));
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
     * Streams every row of a run: the accepted rows in file and line order, then the rejected rows in file and line
     * order (what {@link #forEachAccepted} and {@link #eachRejectedRow} give), never holding them all in memory.
     */
    public void forEachRow(long runId, RowVisitor visitor) {
        forEachRow(runId, null, visitor);
    }

    /** The same, with the accepted rows of these indicators only (null: all): the others are skipped undecoded. */
    public void forEachRow(long runId, Set<String> acceptedIndicators, RowVisitor visitor) {
        forEachAcceptedText(runId, acceptedIndicators, visitor::accepted);
        eachRejectedRow(runId, Long.MAX_VALUE, visitor::rejected);
    }

    private interface AcceptedText {
        void accept(String file, String unitCode, String indicatorCode, String valueText);
    }

    /**
     * The accepted rows of a run from their packed records; then the accepted rows a database written before packing
     * keeps one per record in SUBMISSION_ROW (none in a newer one).
     */
    private void forEachAcceptedText(long runId, Set<String> indicators, AcceptedText consumer) {
        PackedRows.Indicators only = indicators == null ? null : new PackedRows.Indicators(indicators);
        forEachPackedRecord(runId, null, record -> PackedRows.values(record.data(), record.rowCount(), only,
                (indicator, value) -> consumer.accept(record.file(), record.unitCode(), indicator, value)));
        stream("SELECT FILE_NAME, COUNTY_CODE, INDICATOR_CODE, VALUE_TEXT, " + REJECTED.checkedColumns() + " FROM SUBMISSION_ROW"
                + " WHERE RUN_ID = ? AND REASON IS NULL ORDER BY RUN_ID, FILE_NAME, LINE", 10_000, rs -> {
            checkRow(rs, runId);
            if (indicators == null || indicators.contains(rs.getString(3))) {
                consumer.accept(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }, runId);
    }

    /** Accepted values of some indicators only: indicator code, then unit code, then the value. */
    public Map<String, Map<String, BigDecimal>> acceptedValues(long runId, Set<String> indicators) {
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
        return jdbc.query("SELECT FILE_NAME, COUNTY_CODE, VERSION, STATUS, ENCODING, SHA256, REASON, " + FILES.checkedColumns()
                        + " FROM SUBMISSION_FILE WHERE RUN_ID = ? ORDER BY RUN_ID, SEQ",
                (rs, i) -> {
                    checkLedgerLine(rs, runId);
                    FileStatus status = FileStatus.valueOf(rs.getString(4));
                    long[] n = status == FileStatus.PROCESSED ? rowsByFile.getOrDefault(rs.getString(1), new long[2]) : new long[2];
                    return new LedgerLine(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), status, rs.getString(5),
                            n[0] + n[1], n[0], n[1], rs.getString(6), Detail.fromStored(rs.getString(7)));
                }, runId);
    }

    public List<LedgerLine> ledger(long runId) {
        return ledger(runId, rowCountsByFile(runId));
    }

    public List<RejectedRow> rejectedRows(long runId) {
        List<RejectedRow> rows = new ArrayList<>();
        eachRejectedRow(runId, Long.MAX_VALUE, rows::add);
        return rows;
    }

    /** The first {@code limit} rejected rows in file and line order, one at a time (none is held after it is handed over). */
    public void eachRejectedRow(long runId, long limit, Consumer<RejectedRow> action) {
        stream("SELECT FILE_NAME, LINE, FILE_COUNTY, INDICATOR_CODE, RAW_VALUE, UNIT, REMARK, REASON, MESSAGE, " + REJECTED.checkedColumns()
                + " FROM SUBMISSION_ROW WHERE RUN_ID = ? AND REASON IS NOT NULL ORDER BY RUN_ID, FILE_NAME, LINE LIMIT ?", 1000, rs -> {
            checkRow(rs, runId);
            action.accept(new RejectedRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), RowReason.valueOf(rs.getString(8)), Detail.fromStored(rs.getString(9))));
        }, runId, limit);
    }

    /** Where a row is: its file and physical line. */
    public record RowPlace(String file, long line) {
    }

    /** The first accepted row of an indicator in one file of a run, if any (the file's packed records are decoded). */
    public Optional<RowPlace> acceptedRowOf(long runId, String file, String indicatorCode) {
        long[] found = {-1};
        forEachPackedRecord(runId, file, record -> {
            if (found[0] < 0) {
                record.forEachRow(row -> {
                    if (found[0] < 0 && row.indicatorCode().equals(indicatorCode)) {
                        found[0] = row.line();
                    }
                });
            }
        });
        return found[0] < 0 ? Optional.empty() : Optional.of(new RowPlace(file, found[0]));
    }

    /** Hands over the rejected rows of one file of a run in line order, one at a time. */
    public void eachRejectedRowOf(long runId, String file, Consumer<RejectedRow> action) {
        stream("SELECT FILE_NAME, LINE, FILE_COUNTY, INDICATOR_CODE, RAW_VALUE, UNIT, REMARK, REASON, MESSAGE, " + REJECTED.checkedColumns()
                + " FROM SUBMISSION_ROW WHERE RUN_ID = ? AND FILE_NAME = ? AND REASON IS NOT NULL ORDER BY RUN_ID, FILE_NAME, LINE", 1000, rs -> {
            checkRow(rs, runId);
            action.accept(new RejectedRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), RowReason.valueOf(rs.getString(8)), Detail.fromStored(rs.getString(9))));
        }, runId, file);
    }

    private static void checkLedgerLine(ResultSet rs, long runId) throws SQLException {
        FILES.check(rs, Detail.of("record.ledger.line", runId, rs.getString("FILE_NAME")));
    }

    private static void checkRow(ResultSet rs, long runId) throws SQLException {
        REJECTED.check(rs, Detail.of("record.rejected.row", runId, rs.getString("FILE_NAME"), rs.getLong("LINE")));
    }

    /** Runs a query whose rows are handed over one at a time, fetched in batches, so no result is held whole. */
    private void stream(String sql, int fetchSize, RowCallbackHandler handler, Object... parameters) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.setFetchSize(fetchSize);
            return ps;
        }, handler);
    }
}
