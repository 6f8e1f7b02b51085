package cn.ulanqab.stats.history;

/**
 * One difference from the previous run of the same period. {@code regionCode} is the region of a figure's change
 * (null for a file's change).
 */
public record Change(Kind kind, String subject, String name, String before, String after, String note, String regionCode) {

    public enum Kind { NEW_FINDING, RESOLVED, STATUS_CHANGED, TOTAL_CHANGED, REVIEW_CHANGED, FILE_RESUBMITTED, FILE_ADDED, FILE_REMOVED }

    public Change(Kind kind, String subject, String name, String before, String after, String note) {
        this(kind, subject, name, before, after, note, null);
    }
}
