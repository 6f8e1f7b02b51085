package cn.ulanqab.stats.report;

import cn.ulanqab.stats.targets.TargetResult;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * One target of report.html as a bullet chart: a bar where the total is, a mark where it should be by now, the target
 * line. A level target is drawn in shares of its target (the line at 1), a growth target in percent (the line at the
 * printed growth). Positions are in the SVG's pixels.
 */
public record TargetChart(TargetResult result, String status, String label, String hint, String bar, String mark, String line) {

    /** The chart's drawing width in pixels; the scale leaves a tenth beyond the largest value drawn. */
    static final BigDecimal WIDTH = new BigDecimal("480");
    private static final BigDecimal ROOM = new BigDecimal("1.1");

    public static List<TargetChart> chartsOf(List<TargetResult> results, TargetWords words, Wording wording) {
        return results.stream().sorted(TargetWords.WORST_FIRST).map(r -> of(r, words, wording)).toList();
    }

    public static TargetChart of(TargetResult r, TargetWords words, Wording wording) {
        BigDecimal value;
        BigDecimal expected = null;
        BigDecimal target;
        String label;
        if (r.target().growth()) {
            value = r.cumulativeGrowth();
            target = r.targetValue();
            label = value != null ? wording.get("html.targets.growth", number(value), number(target))
                    : r.cumulativeTotal() == null ? wording.get("html.targets.nothing")
                    : wording.get("html.targets.growth.none", wording.number(r.cumulativeTotal()) + " " + r.indicator().unit());
        } else {
            value = r.shareOfTarget();
            expected = r.expectedShare();
            target = BigDecimal.ONE;
            String total = r.cumulativeTotal() == null ? wording.get("html.targets.nothing")
                    : wording.number(r.cumulativeTotal()) + " " + r.indicator().unit();
            label = value == null ? total : expected == null ? wording.get("html.targets.share", total, wording.percent(value))
                    : wording.get("html.targets.share.expected", total, wording.percent(value), wording.percent(expected));
        }
        BigDecimal top = target.max(value == null ? BigDecimal.ZERO : value).max(expected == null ? BigDecimal.ZERO : expected);
        BigDecimal scale = top.signum() <= 0 ? BigDecimal.ZERO : WIDTH.divide(top.multiply(ROOM), MathContext.DECIMAL128);
        return new TargetChart(r, words.status(r), label, words.hint(r), px(value, scale), px(expected, scale), px(target, scale));
    }

    /** A position in pixels with one decimal, at least 0; blank for nothing to draw. */
    private static String px(BigDecimal v, BigDecimal scale) {
        if (v == null) {
            return "";
        }
        return v.max(BigDecimal.ZERO).multiply(scale).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String number(BigDecimal percent) {
        return percent.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** For the template: whether a bar, a mark is drawn. */
    public boolean hasBar() {
        return !bar.isEmpty();
    }

    public boolean hasMark() {
        return !mark.isEmpty();
    }
}
