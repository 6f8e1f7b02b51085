package cn.ulanqab.stats.review;

import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.database.ChecksummedTable;
import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.submission.FileStatus;
import cn.ulanqab.stats.submission.RowReason;
import cn.ulanqab.stats.submission.SubmissionCatalogue;
import cn.ulanqab.stats.submission.SubmissionEncoding;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the reviewers' file of a run and stores every line of it. */
@Service
public class ReviewService {

    private static final ChecksummedTable FILE = new ChecksummedTable("REVIEW_FILE", "RUN_ID", "FILE_NAME", "ENCODING", "SHA256",
            "PROBLEM");
    private static final ChecksummedTable LINES = new ChecksummedTable("REVIEW_ROW", "RUN_ID", "LINE", "INDICATOR_CODE", "RAW_VALUE",
            "REASON", "MESSAGE");

    private final JdbcTemplate jdbc;

    public ReviewService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reads the reviewers' file of the period, when there is one, stores it and every line of it (an accepted review or a
     * rejected line with its reason), and returns the accepted reviews for {@code ReconciliationService} to place.
     */
    public List<Review> read(long runId, Path input, String period, Catalog catalog) {
        Path file = ReviewFile.of(input, period);
        jdbc.update("DELETE FROM REVIEW_ROW WHERE RUN_ID = ?", runId);
        jdbc.update("DELETE FROM REVIEW_FILE WHERE RUN_ID = ?", runId);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        ReviewFile.Result result = ReviewFile.read(file, catalog);
        jdbc.update(FILE.insert(), FILE.record(runId, name(period), encodingOf(file), SubmissionCatalogue.sha256(file),
                result.problem() == null ? null : result.problem().stored()));
        List<Object[]> rows = new ArrayList<>();
        result.reviews().forEach(r -> rows.add(LINES.record(runId, r.line(), r.indicatorCode(), r.disposition().name(), null, null)));
        result.rejected().forEach(r -> rows.add(LINES.record(runId, r.line(), r.indicatorCode(), r.rawValue(), r.reason().name(), r.message().stored())));
        jdbc.batchUpdate(LINES.insert(), rows);
        return result.reviews();
    }

    /** The reviewers' file as a ledger line, or none when the run had no such file. */
    public List<SubmissionStore.LedgerLine> ledgerLine(long runId) {
        long[] lines = new long[2];
        jdbc.query("SELECT " + LINES.checkedColumns() + " FROM REVIEW_ROW WHERE RUN_ID = ?", rs -> {
            checkLine(rs, runId);
            lines[rs.getString("REASON") == null ? 0 : 1]++;
        }, runId);
        return jdbc.query("SELECT " + FILE.checkedColumns() + " FROM REVIEW_FILE WHERE RUN_ID = ?",
                (rs, i) -> {
                    FILE.check(rs, Detail.of("record.review.file", runId));
                    String problem = rs.getString("PROBLEM");
                    return new SubmissionStore.LedgerLine(rs.getString("FILE_NAME"), null, null,
                            problem == null ? FileStatus.PROCESSED : FileStatus.UNREADABLE, rs.getString("ENCODING"),
                            lines[0] + lines[1], lines[0], lines[1], rs.getString("SHA256"), Detail.fromStored(problem));
                }, runId);
    }

    /** Rejected lines of the reviewers' file, in the shape of rejected submission rows. */
    public List<SubmissionStore.RejectedRow> rejectedRows(long runId, String period) {
        return jdbc.query("SELECT " + LINES.checkedColumns() + " FROM REVIEW_ROW WHERE RUN_ID = ? AND REASON IS NOT NULL ORDER BY LINE",
                (rs, i) -> {
                    checkLine(rs, runId);
                    return new SubmissionStore.RejectedRow(name(period), rs.getLong("LINE"), "", rs.getString("INDICATOR_CODE"),
                            rs.getString("RAW_VALUE"), "", "", RowReason.valueOf(rs.getString("REASON")), Detail.fromStored(rs.getString("MESSAGE")));
                }, runId);
    }

    private static void checkLine(ResultSet rs, long runId) throws SQLException {
        LINES.check(rs, Detail.of("record.review.line", rs.getLong("LINE"), runId));
    }

    public static String name(String period) {
        return "reviews/" + period + ".csv";
    }

    private static String encodingOf(Path file) {
        try {
            SubmissionEncoding.Detected detected = SubmissionEncoding.detect(file);
            return detected.label();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
