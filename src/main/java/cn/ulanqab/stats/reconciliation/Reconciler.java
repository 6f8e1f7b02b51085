package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.catalog.Aggregation;
import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.AsPrinted;
import cn.ulanqab.stats.published.Claim;
import cn.ulanqab.stats.published.PublishedFigure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares a region's total with the claim of its printed figure and says why, in the hint, when they disagree. */
public final class Reconciler {

    /** Between the causes and notes of a hint; a cause may itself contain "; ". */
    public static final String HINT_SEPARATOR = " | ";

    private final Registry registry;

    public Reconciler(Registry registry) {
        this.registry = registry;
    }

    /**
     * @param figure           the printed figure, or null when the report prints none
     * @param countyValues     the accepted county values of the indicator (for the diagnosis of a mismatch)
     * @param earlierValues    per county, the value its superseded file held, where it was resubmitted
     * @param rejectionNotes   short notes on the rows of this indicator that were rejected
     */
    public ReconciliationLine reconcile(Indicator indicator, CityTotal total, PublishedFigure figure,
                                        Map<String, BigDecimal> countyValues, Map<String, Diagnosis.EarlierValue> earlierValues,
                                        List<String> rejectionNotes) {
        BigDecimal t = total.total();
        List<String> hints = new ArrayList<>();
        Status status;
        if (figure == null) {
            status = Status.UNPUBLISHED;
            hints.add("not printed in the report; shown for information");
        } else if (total.noData()) {
            status = Status.NO_DATA;
            hints.add(total.note());
        } else if (t == null) {
            status = Status.INCOMPLETE;
            hints.add(total.note() + missingNote(total));
        } else if (total.complete()) {
            Claim claim = figure.claim();
            if (claim.holds(t)) {
                status = Status.MATCH;
            } else {
                status = Status.MISMATCH;
                hints.add("the total " + Numbers.plain(t) + " is outside what " + figure.text() + " claims (" + claim.describe() + ")");
                if (indicator.aggregation() == Aggregation.SUM) {
                    hints.addAll(Diagnosis.explain(registry, registry.leafCodesOf(region(total)), indicator, claim, t,
                            countyValues, earlierValues));
                }
            }
        } else if (figure.claim().exceededBy(t)) {
            status = Status.MISMATCH;
            hints.add("even before" + missingNote(total).replace("; waiting for", "") + " the partial total " + Numbers.plain(t)
                    + " already exceeds what " + figure.text() + " claims (" + figure.claim().describe() + ")");
        } else {
            status = Status.INCOMPLETE;
            hints.add("partial total " + Numbers.plain(t) + missingNote(total) + "; the claim needs " + figure.claim().describe());
        }
        hints.addAll(rejectionNotes);

        BigDecimal published = figure == null ? null : figure.claim().value();
        BigDecimal difference = published == null || t == null ? null : t.subtract(published);
        BigDecimal relative = difference == null || published.signum() == 0 ? null
                : difference.divide(published, 6, RoundingMode.HALF_UP);
        if (relative != null && relative.signum() == 0 && difference.signum() != 0) {
            // a gap too small for six decimals keeps two significant digits rather than reading as none
            relative = difference.divide(published, new java.math.MathContext(2, RoundingMode.HALF_UP));
        }
        String asPrinted = figure == null || t == null ? null : AsPrinted.format(figure.figure(), t, indicator.unit());
        int needed = total.reported().size();
        return new ReconciliationLine(indicator.code(), indicator.nameZh(), indicator.nameEn(), indicator.unit(),
                figure == null ? null : figure.text(), published, figure == null ? null : figure.claim().describe(),
                t, asPrinted, difference, relative, status, needed, total.missing(), String.join(HINT_SEPARATOR, hints),
                figure == null ? null : figure.section(), figure == null ? null : figure.quote(), null, total.regionCode());
    }

    private String region(CityTotal total) {
        return total.regionCode() == null ? registry.city().code() : total.regionCode();
    }

    private String missingNote(CityTotal total) {
        if (total.missing().isEmpty()) {
            return "";
        }
        List<String> names = total.missing().stream()
                .map(code -> registry.find(code).map(County::nameZh).orElse(code) + " (" + code + ")").toList();
        return "; waiting for " + String.join(", ", names);
    }
}
