package cn.ulanqab.stats.review;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One accepted line of {@code input/reviews/<period>.csv}. The basis the review was written against, each part
 * optional: {@code cityTotal} the total the reviewer saw, {@code countiesReported} how many counties had reported,
 * {@code namedCounty} the county the diagnosis named. {@code regionCode} is the region of the figure reviewed (null:
 * the one city).
 */
public record Review(long line, String indicatorCode, Disposition disposition, String note, String reviewer,
                     LocalDate date, BigDecimal cityTotal, String regionCode, Integer countiesReported, String namedCounty) {

    public Review(long line, String indicatorCode, Disposition disposition, String note, String reviewer,
                  LocalDate date, BigDecimal cityTotal, String regionCode) {
        this(line, indicatorCode, disposition, note, reviewer, date, cityTotal, regionCode, null, null);
    }

    /** A review without a region_code: of the city of a one-city registry. */
    public Review(long line, String indicatorCode, Disposition disposition, String note, String reviewer,
                  LocalDate date, BigDecimal cityTotal) {
        this(line, indicatorCode, disposition, note, reviewer, date, cityTotal, null, null, null);
    }

    /** Stale when the figure's total is no longer the one the review was written against: it then excuses nothing. */
    public boolean staleFor(BigDecimal currentTotal) {
        return totalDiffers(currentTotal);
    }

    /**
     * Stale when any part of the basis it gives differs from tonight's: the total, the number of counties reported,
     * the county the diagnosis names (blank tonight: none). A review excuses only the situation it was written for.
     */
    public boolean staleFor(BigDecimal currentTotal, int currentCounties, String currentNamedCounty) {
        return totalDiffers(currentTotal) || countiesDiffer(currentCounties) || namedCountyDiffers(currentNamedCounty);
    }

    public boolean totalDiffers(BigDecimal currentTotal) {
        return cityTotal != null && (currentTotal == null || currentTotal.compareTo(cityTotal) != 0);
    }

    public boolean countiesDiffer(int currentCounties) {
        return countiesReported != null && countiesReported != currentCounties;
    }

    public boolean namedCountyDiffers(String currentNamedCounty) {
        return namedCounty != null && !namedCounty.equals(currentNamedCounty);
    }
}
