package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.review.Review;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of reconciliation.csv: the printed figure of a region, the region's total and the verdict, values in the catalog
 * unit, with the reviewer's disposition when there is one. A stale review (written against another total)
 * excuses nothing.
 */
public record ReconciliationLine(String indicatorCode, String nameZh, String nameEn, String unit, String publishedText,
                                 BigDecimal publishedValue, String claim, BigDecimal cityTotal, String asPrinted,
                                 BigDecimal difference, BigDecimal relativeDifference, Status status, int countiesReported,
                                 List<String> missingCounties, String hint, String section, String quote,
                                 Review review, String regionCode) {

    public ReconciliationLine {
        missingCounties = List.copyOf(missingCounties);
    }

    /** A line whose region is not named (the city of a one-city registry). */
    public ReconciliationLine(String indicatorCode, String nameZh, String nameEn, String unit, String publishedText,
                              BigDecimal publishedValue, String claim, BigDecimal cityTotal, String asPrinted,
                              BigDecimal difference, BigDecimal relativeDifference, Status status, int countiesReported,
                              List<String> missingCounties, String hint, String section, String quote, Review review) {
        this(indicatorCode, nameZh, nameEn, unit, publishedText, publishedValue, claim, cityTotal, asPrinted, difference,
                relativeDifference, status, countiesReported, missingCounties, hint, section, quote, review, null);
    }

    /** What the line is about: its indicator for its region. */
    public cn.ulanqab.stats.published.FigureKey key() {
        return new cn.ulanqab.stats.published.FigureKey(indicatorCode, regionCode);
    }

    public ReconciliationLine withHint(String newHint) {
        return new ReconciliationLine(indicatorCode, nameZh, nameEn, unit, publishedText, publishedValue, claim, cityTotal,
                asPrinted, difference, relativeDifference, status, countiesReported, missingCounties, newHint, section, quote,
                review, regionCode);
    }

    public ReconciliationLine withReview(Review newReview) {
        return new ReconciliationLine(indicatorCode, nameZh, nameEn, unit, publishedText, publishedValue, claim, cityTotal,
                asPrinted, difference, relativeDifference, status, countiesReported, missingCounties, hint, section, quote, newReview,
                regionCode);
    }

    public boolean reviewStale() {
        return review != null && review.staleFor(cityTotal);
    }

    /** A finding that a current EXPLAINED or ACCEPTED review excuses from the exit status. */
    public boolean excused() {
        return status.isFinding() && review != null && review.disposition().excuses() && !reviewStale();
    }

    /** A finding that still needs attention: it makes the exit status 1. */
    public boolean openFinding() {
        return status.isFinding() && !excused();
    }
}
