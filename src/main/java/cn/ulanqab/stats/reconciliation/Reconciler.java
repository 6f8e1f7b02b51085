package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.catalog.Aggregation;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.AsPrinted;
import cn.ulanqab.stats.published.Claim;
import cn.ulanqab.stats.published.ClaimKind;
import cn.ulanqab.stats.published.PublishedFigure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares a region's total with the claim of its printed figure and, when they disagree, gives the causes as data. */
public final class Reconciler {

    private final Registry registry;

    public Reconciler(Registry registry) {
        this.registry = registry;
    }

    /**
     * @param figure           the printed figure, or null when the report prints none
     * @param countyValues     the accepted county values of the indicator (for the diagnosis of a mismatch)
     * @param earlierValues    per county, the value its superseded file held, where it was resubmitted
     * @param rejectionNotes   the rows of this indicator that were rejected, and those that would complete its total
     */
    public ReconciliationLine reconcile(Indicator indicator, CityTotal total, PublishedFigure figure,
                                        Map<String, BigDecimal> countyValues, Map<String, Diagnosis.EarlierValue> earlierValues,
                                        List<Cause> rejectionNotes) {
        BigDecimal t = total.total();
        List<Cause> causes = new ArrayList<>();
        Status status;
        if (figure == null) {
            status = Status.UNPUBLISHED;
            causes.add(Cause.of(Cause.Kind.NOT_PRINTED));
        } else if (total.noData()) {
            status = Status.NO_DATA;
            causes.add(shortfall(indicator, total));
        } else if (t == null) {
            status = Status.INCOMPLETE;
            causes.add(shortfall(indicator, total));
        } else if (total.complete()) {
            Claim claim = figure.claim();
            if (claim.holds(t)) {
                status = Status.MATCH;
            } else {
                status = Status.MISMATCH;
                causes.add(Cause.about(Cause.Kind.OUTSIDE_CLAIM, t));
                if (indicator.aggregation() == Aggregation.SUM) {
                    causes.addAll(Diagnosis.explain(registry.leafCodesOf(region(total)), claim, t, countyValues, earlierValues));
                }
            }
        } else if (figure.claim().exceededBy(t)) {
            status = Status.MISMATCH;
            causes.add(Cause.about(Cause.Kind.EXCEEDED_BEFORE_COMPLETE, t));
        } else {
            status = Status.INCOMPLETE;
            causes.add(Cause.about(Cause.Kind.WAITING, t));
        }
        causes.addAll(rejectionNotes);

        BigDecimal published = figure == null ? null : figure.claim().value();
        BigDecimal difference = published == null || t == null ? null : t.subtract(published);
        BigDecimal relative = difference == null || published.signum() == 0 ? null
                : difference.divide(published, 6, RoundingMode.HALF_UP);
        if (relative != null && relative.signum() == 0 && difference.signum() != 0) {
            // a gap too small for six decimals keeps two significant digits rather than reading as none
            relative = difference.divide(published, new MathContext(2, RoundingMode.HALF_UP));
        }
        String asPrinted = figure == null || t == null ? null : AsPrinted.format(figure.figure(), t, indicator.unit());
        int needed = total.reported().size();
        return new ReconciliationLine(indicator.code(), indicator.nameZh(), indicator.nameEn(), indicator.unit(),
                figure == null ? null : figure.text(), published, figure == null ? null : figure.claim().describe(),
                t, asPrinted, difference, relative, status, needed, total.missing(), causes,
                figure == null ? null : figure.section(), figure == null ? null : figure.quote(), null, total.regionCode());
    }

    /**
     * Compares the change computed from last year's total b to this year's total t with the claim of a change figure
     * ({@code 增长33.4%}, {@code 压减63.2%}, {@code 提高23.4个百分点}). The claim is checked on t (b·(1 + g/100) … exactly),
     * so a partial sum bounds a growth from below and a decline from above as it bounds a level. A gap is put down to
     * this year's total (a county's value explains it, or the total misses its own printed level) or to the base (a power
     * of ten or two swapped digits in it, or this year's total fits its own printed level).
     *
     * @param base        last year's total, or null when the base file has none
     * @param basePeriod  last year's period (2022)
     * @param baseFile    the base file as a reader finds it (base/2022.csv)
     * @param levelStatus the status of the level line of the same indicator and region, or null when there is none
     */
    public ReconciliationLine reconcileChange(Indicator indicator, CityTotal total, PublishedFigure figure, BigDecimal base,
                                              String basePeriod, String baseFile, Status levelStatus,
                                              Map<String, BigDecimal> countyValues,
                                              Map<String, Diagnosis.EarlierValue> earlierValues, List<Cause> rejectionNotes) {
        ClaimKind kind = figure.kind();
        boolean down = figure.figure().down();
        BigDecimal t = total.total();
        BigDecimal change = null;
        List<Cause> causes = new ArrayList<>();
        Status status;
        if (total.noData()) {
            status = Status.NO_DATA;
            causes.add(shortfall(indicator, total));
        } else if (base == null) {
            status = Status.NO_DATA;
            causes.add(new Cause(Cause.Kind.NO_BASE, null, baseFile, 0, null, basePeriod, null, null, null, null));
        } else if (base.signum() == 0 && kind != ClaimKind.POINT_CHANGE) {
            status = Status.NO_DATA;
            causes.add(new Cause(Cause.Kind.BASE_ZERO, null, baseFile, 0, null, basePeriod, null, base, null, null));
        } else if (t == null) {
            status = Status.INCOMPLETE;
            causes.add(shortfall(indicator, total));
        } else {
            change = kind.change(t, base, down);
            Claim onTotal = figure.claim().onTotal(kind, base, down);
            if (total.complete()) {
                if (onTotal.holds(t)) {
                    status = Status.MATCH;
                } else {
                    status = Status.MISMATCH;
                    causes.add(new Cause(Cause.Kind.CHANGE_OUTSIDE_CLAIM, null, baseFile, 0, null, basePeriod, null, change, null, base));
                    causes.addAll(explainChange(indicator, total, figure, onTotal, base, baseFile, levelStatus, countyValues,
                            earlierValues));
                }
            } else if (onTotal.exceededBy(t)) {
                status = Status.MISMATCH;
                causes.add(Cause.about(Cause.Kind.EXCEEDED_BEFORE_COMPLETE, t));
            } else {
                status = Status.INCOMPLETE;
                causes.add(Cause.about(Cause.Kind.WAITING, t));
            }
        }
        causes.addAll(rejectionNotes);
        BigDecimal published = figure.claim().value();
        BigDecimal difference = change == null ? null : change.subtract(published);
        BigDecimal relative = difference == null || published.signum() == 0 ? null
                : difference.divide(published, 6, RoundingMode.HALF_UP);
        if (relative != null && relative.signum() == 0 && difference.signum() != 0) {
            relative = difference.divide(published, new MathContext(2, RoundingMode.HALF_UP));
        }
        String asPrinted = change == null ? null : AsPrinted.change(figure.figure(), change);
        return new ReconciliationLine(indicator.code(), indicator.nameZh(), indicator.nameEn(), indicator.unit(), figure.text(),
                published, figure.claim().describe(kind.symbol()), t, asPrinted, difference, relative, status,
                total.reported().size(), total.missing(), causes, figure.section(), figure.quote(), null, total.regionCode(), kind,
                base, change);
    }

    /** Whether this year's total or last year's base explains the gap of a change (see {@link #reconcileChange}). */
    private List<Cause> explainChange(Indicator indicator, CityTotal total, PublishedFigure figure, Claim onTotal,
                                      BigDecimal base, String baseFile, Status levelStatus,
                                      Map<String, BigDecimal> countyValues, Map<String, Diagnosis.EarlierValue> earlierValues) {
        ClaimKind kind = figure.kind();
        boolean down = figure.figure().down();
        BigDecimal t = total.total();
        BigDecimal printed = figure.claim().value();
        List<Cause> causes = new ArrayList<>();
        if (base.signum() != 0) {
            for (int power = 1; power <= 8; power++) {
                for (BigDecimal factor : List.of(BigDecimal.TEN.pow(power), BigDecimal.ONE.movePointLeft(power))) {
                    BigDecimal corrected = base.multiply(factor);
                    if (figure.claim().onTotal(kind, corrected, down).holds(t)) {
                        causes.add(new Cause(Cause.Kind.CHANGE_FROM_BASE, null, baseFile, 0, Cause.BASE_UNIT_SLIP, null, null, base, factor,
                                corrected));
                    }
                }
            }
            for (BigDecimal swapped : Diagnosis.adjacentSwaps(base)) {
                if ((swapped.signum() != 0 || kind == ClaimKind.POINT_CHANGE) && figure.claim().onTotal(kind, swapped, down).holds(t)) {
                    causes.add(new Cause(Cause.Kind.CHANGE_FROM_BASE, null, baseFile, 0, Cause.BASE_DIGITS_SWAPPED, null, null, base, null,
                            swapped));
                }
            }
        }
        BigDecimal neededTotal = kind.totalFor(printed, base, down);
        if (indicator.aggregation() == Aggregation.SUM) {
            List<Cause> counties = Diagnosis.explain(registry.leafCodesOf(region(total)), onTotal, t, countyValues, earlierValues)
                    .stream().filter(Cause::namesCounty).toList();
            if (!counties.isEmpty()) {
                causes.add(Cause.ofCounty(Cause.Kind.CHANGE_FROM_TOTAL, null, t, null, neededTotal));
                causes.addAll(counties);
            }
        }
        if (causes.isEmpty()) {
            BigDecimal neededBase = kind.baseFor(printed, t, down);
            if (levelStatus == Status.MATCH && neededBase != null) {
                causes.add(new Cause(Cause.Kind.CHANGE_FROM_BASE, null, baseFile, 0, Cause.BASE_LEVEL_MATCHES, null, null, base, null, neededBase));
            } else if (levelStatus == Status.MISMATCH) {
                causes.add(Cause.ofCounty(Cause.Kind.CHANGE_FROM_TOTAL, null, t, null, neededTotal));
            } else {
                causes.add(Cause.ofCounty(Cause.Kind.CHANGE_UNEXPLAINED, null, neededTotal, null, neededBase));
            }
        }
        return causes;
    }

    /** Why a total has no value (NO_DATA) or none yet (an incomplete ratio), from what the total holds. */
    private Cause shortfall(Indicator indicator, CityTotal total) {
        String region = region(total);
        return switch (indicator.aggregation()) {
            case SUM -> Cause.of(Cause.Kind.NO_COUNTY_REPORTED);
            case RATIO -> total.noData() ? Cause.of(Cause.Kind.RATIO_NO_DATA)
                    : total.missing().isEmpty() ? Cause.of(Cause.Kind.RATIO_ZERO_DENOMINATOR) : Cause.of(Cause.Kind.RATIO_INCOMPLETE);
            case CITY -> registry.isCity(region)
                    ? new Cause(Cause.Kind.CITY_FILE_LACKS, region, null, 0, null, null, null, null, null, null)
                    : Cause.of(Cause.Kind.NOT_A_CITY);
        };
    }

    private String region(CityTotal total) {
        return total.regionCode() == null ? registry.city().code() : total.regionCode();
    }
}
