package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.published.ClaimKind;
import cn.ulanqab.stats.published.FigureKey;
import cn.ulanqab.stats.review.Review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of reconciliation.csv (a change line also has last year's base and the change computed from it; a level
 * line has neither): the printed figure of a region, the region's total and the verdict, values in the catalog
 * unit, the causes of a finding as data, and the reviewer's disposition when there is one. A stale review (written
 * against another situation) excuses nothing.
 */
public record ReconciliationLine(String indicatorCode, String nameZh, String nameEn, String unit, String publishedText,
                                 BigDecimal publishedValue, String claim, BigDecimal cityTotal, String asPrinted,
                                 BigDecimal difference, BigDecimal relativeDifference, Status status, int countiesReported,
                                 List<String> missingCounties, List<Cause> causes, String section, String quote,
                                 Review review, String regionCode, ClaimKind claimKind, BigDecimal baseTotal,
                                 BigDecimal computedChange) {

    public ReconciliationLine {
        missingCounties = List.copyOf(missingCounties);
        causes = List.copyOf(causes);
        claimKind = claimKind == null ? ClaimKind.LEVEL : claimKind;
    }

    /** A line of a level figure. */
    public ReconciliationLine(String indicatorCode, String nameZh, String nameEn, String unit, String publishedText,
                              BigDecimal publishedValue, String claim, BigDecimal cityTotal, String asPrinted,
                              BigDecimal difference, BigDecimal relativeDifference, Status status, int countiesReported,
                              List<String> missingCounties, List<Cause> causes, String section, String quote, Review review,
                              String regionCode) {
        this(indicatorCode, nameZh, nameEn, unit, publishedText, publishedValue, claim, cityTotal, asPrinted, difference,
                relativeDifference, status, countiesReported, missingCounties, causes, section, quote, review, regionCode,
                ClaimKind.LEVEL, null, null);
    }

    /** A line whose region is not named (the city of a one-city registry). */
    public ReconciliationLine(String indicatorCode, String nameZh, String nameEn, String unit, String publishedText,
                              BigDecimal publishedValue, String claim, BigDecimal cityTotal, String asPrinted,
                              BigDecimal difference, BigDecimal relativeDifference, Status status, int countiesReported,
                              List<String> missingCounties, List<Cause> causes, String section, String quote, Review review) {
        this(indicatorCode, nameZh, nameEn, unit, publishedText, publishedValue, claim, cityTotal, asPrinted, difference,
                relativeDifference, status, countiesReported, missingCounties, causes, section, quote, review, null);
    }

    /** What the line is about: its indicator for its region, and the kind of claim (a level or a change). */
    public FigureKey key() {
        return new FigureKey(indicatorCode, regionCode, claimKind);
    }

    /** The unit of the printed value and of the difference: the catalog unit of a level, % or 个百分点 of a change. */
    public String printedUnit() {
        return claimKind.isChange() ? claimKind.changeUnit() : unit;
    }

    /** The same line with a cause put before its own (the report check's finding opens the hint). */
    public ReconciliationLine withFirstCause(Cause first) {
        List<Cause> all = new ArrayList<>();
        all.add(first);
        all.addAll(causes);
        return new ReconciliationLine(indicatorCode, nameZh, nameEn, unit, publishedText, publishedValue, claim, cityTotal,
                asPrinted, difference, relativeDifference, status, countiesReported, missingCounties, all, section, quote,
                review, regionCode, claimKind, baseTotal, computedChange);
    }

    public ReconciliationLine withReview(Review newReview) {
        return new ReconciliationLine(indicatorCode, nameZh, nameEn, unit, publishedText, publishedValue, claim, cityTotal,
                asPrinted, difference, relativeDifference, status, countiesReported, missingCounties, causes, section, quote, newReview,
                regionCode, claimKind, baseTotal, computedChange);
    }

    /** The county the diagnosis names first, if it names one. */
    public Optional<String> namedCounty() {
        return causes.stream().filter(Cause::namesCounty).map(Cause::county).findFirst();
    }

    /** Whether any cause of the line names this unit (a diagnosis, a rejected row, a row that would complete it). */
    public boolean causeNames(String unitCode) {
        return causes.stream().anyMatch(c -> unitCode.equals(c.county()));
    }

    public boolean reviewStale() {
        return review != null && review.staleFor(cityTotal, countiesReported, namedCounty().orElse(""));
    }

    /** {@code review_status}: blank without a review, else {@code stale}, {@code excused} or {@code current}. */
    public String reviewStatus() {
        if (review == null) {
            return "";
        }
        return reviewStale() ? "stale" : excused() ? "excused" : "current";
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
