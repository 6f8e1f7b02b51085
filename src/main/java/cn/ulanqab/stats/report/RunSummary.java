package cn.ulanqab.stats.report;

import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.submission.FileStatus;
import cn.ulanqab.stats.submission.SubmissionStore;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a night's run amounts to: files, rows and figures counted from what is stored. Files and rows are the
 * submissions'; the reviewers' file is counted apart ({@code reviewsAccepted}, {@code reviewsRejected}; -1 when the
 * run had no reviewers' file). {@code targetFindings} counts the year's targets that are INCOMPLETE or NO_DATA.
 */
public record RunSummary(long runId, String period, Map<FileStatus, Long> files, long rowsRead, long rowsAccepted,
                         long rowsRejected, Map<Status, Long> figures, long openFindings, long excusedFindings,
                         long reportFindings, long reviewsAccepted, long reviewsRejected, long targetFindings) {

    /** The same summary with the targets that are INCOMPLETE or NO_DATA counted among the findings. */
    public RunSummary withTargetFindings(long count) {
        return new RunSummary(runId, period, files, rowsRead, rowsAccepted, rowsRejected, figures, openFindings,
                excusedFindings, reportFindings, reviewsAccepted, reviewsRejected, count);
    }

    public static RunSummary of(long runId, String period, List<SubmissionStore.LedgerLine> ledger, List<ReconciliationLine> lines) {
        return of(runId, period, ledger, lines, null);
    }

    /** @param reportCheck the check of the published file against the report, null when the run had no report */
    public static RunSummary of(long runId, String period, List<SubmissionStore.LedgerLine> ledger, List<ReconciliationLine> lines,
                                List<PublishedCheck.Line> reportCheck) {
        List<SubmissionStore.LedgerLine> reviews = ledger.stream().filter(l -> l.file().startsWith(REVIEWS_FOLDER)).toList();
        List<SubmissionStore.LedgerLine> submissions = ledger.stream().filter(l -> !l.file().startsWith(REVIEWS_FOLDER)).toList();
        Map<FileStatus, Long> files = new EnumMap<>(FileStatus.class);
        for (FileStatus s : FileStatus.values()) {
            files.put(s, submissions.stream().filter(l -> l.status() == s).count());
        }
        Map<Status, Long> figures = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            figures.put(s, lines.stream().filter(l -> l.status() == s).count());
        }
        return new RunSummary(runId, period, files,
                submissions.stream().mapToLong(SubmissionStore.LedgerLine::rowsRead).sum(),
                submissions.stream().mapToLong(SubmissionStore.LedgerLine::rowsAccepted).sum(),
                submissions.stream().mapToLong(SubmissionStore.LedgerLine::rowsRejected).sum(), figures,
                lines.stream().filter(ReconciliationLine::openFinding).count(),
                lines.stream().filter(ReconciliationLine::excused).count(),
                reportCheck == null ? 0 : PublishedCheck.findings(reportCheck),
                reviews.isEmpty() ? -1 : reviews.stream().mapToLong(SubmissionStore.LedgerLine::rowsAccepted).sum(),
                reviews.isEmpty() ? -1 : reviews.stream().mapToLong(SubmissionStore.LedgerLine::rowsRejected).sum(), 0);
    }

    /** The file-ledger name of the reviewers' file starts with this (reviews/<period>.csv). */
    static final String REVIEWS_FOLDER = "reviews/";

    /** Whether the period has printed figures to check (every figure UNPUBLISHED: a month before its report). */
    public boolean anyPublished() {
        return figures.entrySet().stream().anyMatch(e -> e.getKey() != Status.UNPUBLISHED && e.getValue() > 0);
    }

    public boolean hasReviews() {
        return reviewsAccepted >= 0;
    }

    /**
     * Findings that still need attention: MISMATCH, INCOMPLETE and NO_DATA figures that no current EXPLAINED or
     * ACCEPTED review excuses, the findings of the check of the published file against the report, and the year's
     * targets that are INCOMPLETE or NO_DATA (a target behind, missed, over pace or exceeded is news, not a finding).
     */
    public long findings() {
        return openFindings + reportFindings + targetFindings;
    }

    /** 0 when every published figure matches or its finding is excused by a review, 1 when findings remain. */
    public int exitStatus() {
        return findings() == 0 ? 0 : 1;
    }
}
