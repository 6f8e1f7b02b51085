package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.review.Review;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of reconciliation.csv: the printed figure, the city total and the verdict, values in the catalog
 * unit, with the reviewer's disposition when there is one. A stale review (written against another total)
 * excuses nothing.
 */
public record ReconciliationLine(String indicatorCode, String nameZh, String nameEn, String unit, String publishedText,
                                 BigDecimal publishedValue, String claim, BigDecimal cityTotal, String asPrinted,
                                 BigDecimal difference, BigDecimal relativeDifference, Status status, int countiesReported,
                                 List<String> missingCounties, String hint, String section, String quote,
                                 Review review) {

    public ReconciliationLine {
        missingCounties = List.copyOf(missingCounties);
    }

    public ReconciliationLine withReview(Review newReview) {
        return new ReconciliationLine(indicatorCode, nameZh, nameEn, unit, publishedText, publishedValue, claim, cityTotal,
                asPrinted, difference, relativeDifference, status, countiesReported, missingCounties, hint, section, quote, newReview);
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
