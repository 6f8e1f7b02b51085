package cn.ulanqab.stats.targets;

/**
 * Where the expected share of a target comes from: last year's share at the same point of the year
 * ({@code base/<last year's period>.csv} ÷ {@code base/<last year>.csv}), or the calendar (MM/12, n/4).
 */
public enum PaceBasis {
    LAST_YEAR("last_year"), CALENDAR("calendar");

    private final String token;

    PaceBasis(String token) {
        this.token = token;
    }

    /** The word in targets.csv. */
    public String token() {
        return token;
    }
}
