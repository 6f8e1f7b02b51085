package cn.ulanqab.stats.report;

import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.submission.FileStatus;
import cn.ulanqab.stats.submission.SubmissionStore;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a night's run amounts to: files, rows and figures counted from what is stored. */
public record RunSummary(long runId, String period, Map<FileStatus, Long> files, long rowsRead, long rowsAccepted,
                         long rowsRejected, Map<Status, Long> figures, long openFindings, long excusedFindings,
                         long reportFindings) {

    public static RunSummary of(long runId, String period, List<SubmissionStore.LedgerLine> ledger, List<ReconciliationLine> lines) {
        return of(runId, period, ledger, lines, null);
    }

    /** @param reportCheck the check of the published file against the report, null when the run had no report */
    public static RunSummary of(long runId, String period, List<SubmissionStore.LedgerLine> ledger, List<ReconciliationLine> lines,
                                List<PublishedCheck.Line> reportCheck) {
        Map<FileStatus, Long> files = new EnumMap<>(FileStatus.class);
        for (FileStatus s : FileStatus.values()) {
            files.put(s, ledger.stream().filter(l -> l.status() == s).count());
        }
        Map<Status, Long> figures = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            figures.put(s, lines.stream().filter(l -> l.status() == s).count());
        }
        return new RunSummary(runId, period, files,
                ledger.stream().mapToLong(SubmissionStore.LedgerLine::rowsRead).sum(),
                ledger.stream().mapToLong(SubmissionStore.LedgerLine::rowsAccepted).sum(),
                ledger.stream().mapToLong(SubmissionStore.LedgerLine::rowsRejected).sum(), figures,
                lines.stream().filter(ReconciliationLine::openFinding).count(),
                lines.stream().filter(ReconciliationLine::excused).count(),
                reportCheck == null ? 0 : PublishedCheck.findings(reportCheck));
    }

    /**
     * Findings that still need attention: MISMATCH, INCOMPLETE and NO_DATA figures that no current EXPLAINED or
     * ACCEPTED review excuses, and the findings of the check of the published file against the report.
     */
    public long findings() {
        return openFindings + reportFindings;
    }

    /** 0 when every published figure matches or its finding is excused by a review, 1 when findings remain. */
    public int exitStatus() {
        return findings() == 0 ? 0 : 1;
    }
}
