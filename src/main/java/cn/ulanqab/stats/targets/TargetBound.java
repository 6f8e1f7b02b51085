package cn.ulanqab.stats.targets;

import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.published.Qualifier;

import java.math.BigDecimal;

/**
 * What a target claims, one-sided: exceeding a target is meeting it. With v the printed value and h half a unit of its
 * last printed digit (both in the catalog unit, or in percent for a growth target): plain and {@code 以上}/{@code 不少于}
 * t ≥ v − h; {@code 超} t &gt; v; {@code 近} t ≥ (1 − nearly band)·v; {@code 约}/{@code 左右} t ≥ (1 − about
 * tolerance)·v; {@code 以内}/{@code 以下} (an upper limit) t ≤ v + h.
 *
 * @param limit  the value the total is held against
 * @param upper  an upper limit (t ≤ limit) rather than a lower bound
 * @param strict t &gt; limit rather than t ≥ limit (超)
 */
public record TargetBound(BigDecimal limit, boolean upper, boolean strict) {

    public static TargetBound of(Qualifier qualifier, BigDecimal value, BigDecimal halfUnit, ClaimSettings settings) {
        return switch (qualifier) {
            case EXACT, AT_LEAST -> new TargetBound(value.subtract(halfUnit), false, false);
            case MORE_THAN -> new TargetBound(value, false, true);
            case NEARLY -> new TargetBound(BigDecimal.ONE.subtract(settings.nearlyBand()).multiply(value), false, false);
            case ABOUT -> new TargetBound(BigDecimal.ONE.subtract(settings.aboutTolerance()).multiply(value), false, false);
            case UP_TO -> new TargetBound(value.add(halfUnit), true, false);
        };
    }

    /** Whether a lower-bound target is reached by this total (a partial sum reaching it reaches it for good). */
    public boolean reachedBy(BigDecimal total) {
        int c = total.compareTo(limit);
        return strict ? c > 0 : c >= 0;
    }

    /** Whether an upper limit is broken by this total (a partial sum breaking it breaks it for good). */
    public boolean brokenBy(BigDecimal total) {
        return total.compareTo(limit) > 0;
    }
}
