package cn.ulanqab.stats.history;

/** One difference from the previous run of the same period. */
public record Change(Kind kind, String subject, String name, String before, String after, String note) {

    public enum Kind { NEW_FINDING, RESOLVED, STATUS_CHANGED, TOTAL_CHANGED, FILE_RESUBMITTED, FILE_ADDED, FILE_REMOVED }
}
