package cn.ulanqab.stats.reconciliation;

/** The verdict on one indicator. MISMATCH, INCOMPLETE and NO_DATA are findings: they make the exit status 1. */
public enum Status {
    MATCH, MISMATCH, INCOMPLETE, NO_DATA, UNPUBLISHED;

    public boolean isFinding() {
        return this == MISMATCH || this == INCOMPLETE || this == NO_DATA;
    }
}
