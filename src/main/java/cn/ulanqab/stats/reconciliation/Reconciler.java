package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.catalog.Aggregation;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.AsPrinted;
import cn.ulanqab.stats.published.Claim;
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
