package cn.ulanqab.stats.review;

import cn.ulanqab.stats.catalog.Catalog;
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
import java.util.ArrayList;
import java.util.List;

/** Reads the reviewers' file of a run and stores every line of it. */
@Service
public class ReviewService {

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
        jdbc.update("INSERT INTO REVIEW_FILE (RUN_ID, FILE_NAME, ENCODING, SHA256, PROBLEM) VALUES (?, ?, ?, ?, ?)",
                runId, name(period), encodingOf(file), SubmissionCatalogue.sha256(file), result.problem());
        List<Object[]> rows = new ArrayList<>();
        result.reviews().forEach(r -> rows.add(new Object[]{runId, r.line(), r.indicatorCode(), r.disposition().name(), null, null}));
        result.rejected().forEach(r -> rows.add(new Object[]{runId, r.line(), r.indicatorCode(), r.rawValue(), r.reason().name(), r.message()}));
        jdbc.batchUpdate("INSERT INTO REVIEW_ROW (RUN_ID, LINE, INDICATOR_CODE, RAW_VALUE, REASON, MESSAGE) VALUES (?, ?, ?, ?, ?, ?)", rows);
        return result.reviews();
    }

    /** The reviewers' file as a ledger line, or none when the run had no such file. */
    public List<SubmissionStore.LedgerLine> ledgerLine(long runId) {
        return jdbc.query("SELECT f.FILE_NAME, f.ENCODING, f.SHA256, f.PROBLEM, COUNT(r.LINE), COUNT(r.LINE) - COUNT(r.REASON), COUNT(r.REASON)"
                        + " FROM REVIEW_FILE f LEFT JOIN REVIEW_ROW r ON r.RUN_ID = f.RUN_ID WHERE f.RUN_ID = ?"
                        + " GROUP BY f.FILE_NAME, f.ENCODING, f.SHA256, f.PROBLEM",
                (rs, i) -> new SubmissionStore.LedgerLine(rs.getString(1), null, null,
                        rs.getString(4) == null ? FileStatus.PROCESSED : FileStatus.UNREADABLE, rs.getString(2),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(3), rs.getString(4)), runId);
    }

    /** Rejected lines of the reviewers' file, in the shape of rejected submission rows. */
    public List<SubmissionStore.RejectedRow> rejectedRows(long runId, String period) {
        return jdbc.query("SELECT LINE, INDICATOR_CODE, RAW_VALUE, REASON, MESSAGE FROM REVIEW_ROW WHERE RUN_ID = ? AND REASON IS NOT NULL"
                        + " ORDER BY LINE",
                (rs, i) -> new SubmissionStore.RejectedRow(name(period), rs.getLong(1), "", rs.getString(2), rs.getString(3),
                        "", "", RowReason.valueOf(rs.getString(4)), rs.getString(5)), runId);
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
