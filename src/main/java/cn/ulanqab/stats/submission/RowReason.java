package cn.ulanqab.stats.submission;

/** Why a row was rejected, in the order the checks apply: the first that fails gives the reason. */
public enum RowReason {
    MALFORMED_ROW,
    UNKNOWN_COUNTY,
    COUNTY_MISMATCH,
    UNKNOWN_INDICATOR,
    WRONG_LEVEL,
    PERIOD_MISMATCH,
    MISSING_VALUE,
    NOT_A_NUMBER,
    UNKNOWN_UNIT,
    NEGATIVE_VALUE,
    NOT_AN_INTEGER,
    DUPLICATE,
    DUPLICATE_CONFLICT,
    /** Reviewers' file only: a disposition other than EXPLAINED, ACCEPTED or WILL_FIX. */
    UNKNOWN_DISPOSITION,
    /** Reviewers' file only: a date that is not an ISO date. */
    INVALID_DATE,
    /** Reviewers' file only: a field longer than the run keeps (a note of 2,000 characters, a reviewer's name of 200). */
    FIELD_TOO_LONG
}
