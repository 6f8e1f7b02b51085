package cn.ulanqab.stats.targets;

import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.catalog.Aggregation;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Level;
import cn.ulanqab.stats.published.Claim;
import cn.ulanqab.stats.published.ClaimSettings;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Judges the year's targets against the cumulative totals of one period: during the year (a month or a quarter) by the
 * pace they should be at, at the year's own period as met or missed. Plain domain logic, all in BigDecimal with 34
 * significant digits where it divides.
 */
public final class TargetEvaluator {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final ClaimSettings settings;
    private final boolean yearEnd;
    private final BigDecimal calendarShare;

    /**
     * @param yearEnd       the period is the year itself: targets are MET or MISSED
     * @param calendarShare the share of the year gone by the period (MM/12, n/4, 1 for the year)
     */
    public TargetEvaluator(ClaimSettings settings, boolean yearEnd, BigDecimal calendarShare) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.yearEnd = yearEnd;
        this.calendarShare = Objects.requireNonNull(calendarShare, "calendarShare");
    }

    /**
     * Last year's figures a target is measured against, each null when its base file has no row.
     *
     * @param samePeriod       the total of the same period of last year (the base of a growth target)
     * @param samePeriodName   that period, for the hint ({@code 2023-06})
     * @param fullYear         last year's total of the whole year (with {@code samePeriod}, the pace of a SUM target)
     */
    public record LastYear(BigDecimal samePeriod, String samePeriodName, BigDecimal fullYear) {
    }

    /** The counties' own figures of the latest completed run of an earlier period of the same year. */
    public record Earlier(String period, Map<String, BigDecimal> byCounty) {
    }

    /**
     * @param total    the indicator's cumulative total for the target's region (null: nobody reported it)
     * @param byCounty tonight's figure of each county of the region that reported it
     * @param earlier  an earlier run of the year, null when there is none
     */
    public TargetResult evaluate(Target target, Indicator indicator, CityTotal total, LastYear lastYear,
                                 Map<String, BigDecimal> byCounty, Earlier earlier) {
        List<TargetNote> notes = new ArrayList<>();
        boolean countyLevel = indicator.level() == Level.COUNTY;
        Integer reported = null;
        List<String> missing = null;
        if (countyLevel && total != null) {
            reported = total.reported().size();
            missing = total.missing();
        }
        TargetBound bound;
        BigDecimal v;
        if (target.growth()) {
            v = target.figure().value();
            bound = TargetBound.of(target.figure().qualifier(), v, target.figure().halfUnit(), settings);
        } else {
            Claim claim = Claim.of(target.figure(), indicator.unit(), settings);
            v = claim.value();
            bound = TargetBound.of(claim.qualifier(), v, claim.halfUnit(), settings);
        }
        boolean sum = indicator.aggregation() == Aggregation.SUM;
        BigDecimal expected = null;
        PaceBasis basis = null;
        if (sum && !target.growth()) {
            if (lastYear != null && lastYear.samePeriod() != null && lastYear.fullYear() != null && lastYear.fullYear().signum() != 0) {
                expected = lastYear.samePeriod().divide(lastYear.fullYear(), MC);
                basis = PaceBasis.LAST_YEAR;
            } else {
                expected = calendarShare;
                basis = PaceBasis.CALENDAR;
            }
        }
        if (countyLevel && sum && earlier != null) {
            TreeSet<String> counties = new TreeSet<>(byCounty.keySet());
            for (String county : counties) {
                BigDecimal before = earlier.byCounty().get(county);
                BigDecimal now = byCounty.get(county);
                if (before != null && now.compareTo(before) < 0) {
                    notes.add(TargetNote.notCumulative(earlier.period(), county, before, now));
                }
            }
        }
        BigDecimal t = total == null ? null : total.total();
        boolean complete = total != null && total.complete();
        if (t == null) {
            TargetStatus status = total == null || total.noData() ? TargetStatus.NO_DATA : TargetStatus.INCOMPLETE;
            notes.add(0, TargetNote.of(status == TargetStatus.NO_DATA ? TargetNote.Kind.NO_DATA : TargetNote.Kind.INCOMPLETE));
            return new TargetResult(target, indicator, v, null, null, null, expected, basis, status, reported, missing, notes);
        }
        BigDecimal share = target.growth() || v.signum() == 0 ? null : t.divide(v, MC);
        BigDecimal measured = t;
        BigDecimal growth = null;
        if (target.growth()) {
            BigDecimal b = lastYear == null ? null : lastYear.samePeriod();
            String basePeriod = lastYear == null ? null : lastYear.samePeriodName();
            if (b == null || b.signum() == 0) {
                notes.add(0, b == null ? TargetNote.noBase(basePeriod) : TargetNote.of(TargetNote.Kind.BASE_ZERO));
                return new TargetResult(target, indicator, v, t, null, null, null, null, TargetStatus.NO_DATA, reported, missing, notes);
            }
            growth = t.divide(b, MC).subtract(BigDecimal.ONE).multiply(HUNDRED);
            measured = growth;
        }
        TargetStatus status = status(bound, measured, complete, share, expected);
        if (status == TargetStatus.INCOMPLETE) {
            notes.add(0, TargetNote.of(TargetNote.Kind.INCOMPLETE));
        }
        return new TargetResult(target, indicator, v, t, share, growth, expected, basis, status, reported, missing, notes);
    }

    /**
     * @param measured the total, or for a growth target the growth; partial when not {@code complete}, and then only
     *                 a lower bound of the final one (the missing counties can only add)
     */
    private TargetStatus status(TargetBound bound, BigDecimal measured, boolean complete, BigDecimal share, BigDecimal expected) {
        if (!bound.upper()) {
            if (bound.reachedBy(measured)) {
                return TargetStatus.MET;
            }
            if (!complete) {
                return TargetStatus.INCOMPLETE;
            }
            if (yearEnd) {
                return TargetStatus.MISSED;
            }
            return share != null && expected != null && share.compareTo(expected) >= 0 ? TargetStatus.ON_TRACK : TargetStatus.BEHIND;
        }
        if (bound.brokenBy(measured)) {
            return yearEnd ? TargetStatus.MISSED : TargetStatus.EXCEEDED;
        }
        if (!complete) {
            return TargetStatus.INCOMPLETE;
        }
        if (yearEnd) {
            return TargetStatus.MET;
        }
        return share != null && expected != null && share.compareTo(expected) > 0 ? TargetStatus.OVER_PACE : TargetStatus.WITHIN;
    }
}
