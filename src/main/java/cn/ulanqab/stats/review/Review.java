package cn.ulanqab.stats.review;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One accepted line of {@code input/reviews/<period>.csv}. {@code cityTotal} is the total the reviewer saw, if
 * given; {@code regionCode} the region of the figure reviewed (null: the one city). */
public record Review(long line, String indicatorCode, Disposition disposition, String note, String reviewer,
                     LocalDate date, BigDecimal cityTotal, String regionCode) {

    /** A review without a region_code: of the city of a one-city registry. */
    public Review(long line, String indicatorCode, Disposition disposition, String note, String reviewer,
                  LocalDate date, BigDecimal cityTotal) {
        this(line, indicatorCode, disposition, note, reviewer, date, cityTotal, null);
    }

    /** Stale when the figure's total is no longer the one the review was written against: it then excuses nothing. */
    public boolean staleFor(BigDecimal currentTotal) {
        if (cityTotal == null) {
            return false;
        }
        return currentTotal == null || currentTotal.compareTo(cityTotal) != 0;
    }
}
