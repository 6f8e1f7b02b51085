package cn.ulanqab.stats.history;

import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.submission.FileStatus;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

/**
 * One difference from the previous run of the same period, as data: each output words its note itself.
 * {@code regionCode} is the region of a figure's change (null for a file's change); {@code line} tonight's line of the
 * figure (null for a file's change); {@code detail} for a file's change the ledger's reason (an unreadable file), the
 * status of the file it replaced (a resubmission) or the file last read (a unit that dropped out).
 */
public record Change(Kind kind, String subject, String name, String before, String after, String regionCode,
                     ReconciliationLine line, String detail) {

    /** In the order changes.csv lists them: what needs attention tonight first. */
    public enum Kind {
        FILE_UNREADABLE, COUNTY_DROPPED_OUT, FILE_RESUBMITTED, REVIEW_STALE, NEW_FINDING, STATUS_CHANGED, RESOLVED,
        TOTAL_CHANGED, REVIEW_CHANGED, FILE_REMOVED, FILE_ADDED
    }

    private static final Set<Kind> TONIGHT = EnumSet.of(Kind.FILE_UNREADABLE, Kind.COUNTY_DROPPED_OUT, Kind.REVIEW_STALE);

    /** By kind in the fixed order, then by indicator (or unit), then region. */
    public static final Comparator<Change> ORDER = Comparator.comparing(Change::kind)
            .thenComparing(Change::subject)
            .thenComparing(c -> c.regionCode() == null ? "" : c.regionCode());

    /**
     * What the reviewers must see before the findings: a new unreadable file, a unit that dropped out, a resubmission
     * that replaced a readable file, a review that went stale.
     */
    public boolean tonight() {
        return TONIGHT.contains(kind) || kind == Kind.FILE_RESUBMITTED && FileStatus.PROCESSED.name().equals(detail);
    }
}
