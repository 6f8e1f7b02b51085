package cn.ulanqab.stats.targets;

import cn.ulanqab.stats.catalog.Indicator;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where a target stands tonight: one line of targets.csv.
 *
 * @param targetValue       v in the catalog unit; for a growth target the printed growth in percent
 * @param cumulativeTotal   t since January (the partial total when INCOMPLETE), null when nothing bounds it
 * @param shareOfTarget     t ÷ v, null for a growth target, without a total or when v is 0
 * @param cumulativeGrowth  g = (t ÷ b − 1) × 100 against the same period of last year, growth targets only
 * @param expectedShare     where t should be by now (SUM level targets only), else null
 * @param paceBasis         where {@code expectedShare} comes from, null with it
 * @param countiesReported  null for a CITY indicator
 * @param missingCounties   null for a CITY indicator
 * @param notes             what the hint says
 */
public record TargetResult(Target target, Indicator indicator, BigDecimal targetValue, BigDecimal cumulativeTotal,
                           BigDecimal shareOfTarget, BigDecimal cumulativeGrowth, BigDecimal expectedShare,
                           PaceBasis paceBasis, TargetStatus status, Integer countiesReported,
                           List<String> missingCounties, List<TargetNote> notes) {

    public TargetResult {
        notes = List.copyOf(notes);
        missingCounties = missingCounties == null ? null : List.copyOf(missingCounties);
    }

    /** Share minus expected share: how far ahead (positive) or behind (negative) of the pace, null without both. */
    public BigDecimal aheadOfPace() {
        return shareOfTarget == null || expectedShare == null ? null : shareOfTarget.subtract(expectedShare);
    }
}
