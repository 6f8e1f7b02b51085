package cn.ulanqab.stats.report;

import cn.ulanqab.stats.catalog.Aggregation;
import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Level;
import cn.ulanqab.stats.published.Claim;
import cn.ulanqab.stats.published.ClaimKind;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.reconciliation.Cause;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A finding as the reviewers' page shows it: the line, each county's contribution (with a bar), and the
 * geometry of an inline SVG chart that stacks the contributions against the range the printed figure allows.
 */
public record FindingView(ReconciliationLine line, List<String> missing, List<CountyBar> counties, Chart chart) {

    static final int CHART_WIDTH = 640;
    static final int BAR_WIDTH = 180;

    /**
     * One county's value, its share of the largest value as a bar width in pixels, and its place in the stack; for a
     * county without a value, {@code rejected} is the reason (and raw value) of its row the causes name, else blank.
     */
    public record CountyBar(String code, String name, String value, boolean missing, int barWidth, int stackX, int stackWidth,
                            boolean suspect, String rejected) {
        /** The width of its segment in the chart: a county the diagnosis names is drawn however small its share. */
        public int segmentWidth() {
            return suspect ? Math.max(stackWidth, 3) : stackWidth;
        }
    }

    /** Pixel positions on a chart {@link #CHART_WIDTH} wide; -1 where the claim has no such bound. */
    public record Chart(int width, int totalX, int lowerX, int upperX, int valueX, String scaleLabel) {
    }

    /** Whether the diagnosis names one of the counties (marked in the table and the chart). */
    public boolean hasSuspect() {
        return counties.stream().anyMatch(CountyBar::suspect);
    }

    /**
     * Findings first, open before excused, the worst first: MISMATCH, INCOMPLETE, NO_DATA, then by the size of the
     * relative difference.
     */
    public static final Comparator<ReconciliationLine> SEVERITY = Comparator
            .comparing(ReconciliationLine::excused)
            .thenComparingInt((ReconciliationLine l) -> switch (l.status()) {
                case MISMATCH -> 0;
                case INCOMPLETE -> 1;
                case NO_DATA -> 2;
                default -> 3;
            })
            .thenComparing(l -> l.relativeDifference() == null ? BigDecimal.ZERO : l.relativeDifference().abs(), Comparator.reverseOrder());

    public static FindingView of(ReconciliationLine line, Indicator indicator, Claim claim, Registry registry,
                                 Map<String, BigDecimal> values) {
        List<String> missing = line.missingCounties().stream()
                .map(code -> registry.find(code).map(c -> c.nameZh() + " " + code).orElse(code)).toList();
        if (indicator.isRatio()) {
            return new FindingView(line, missing, List.of(), null);
        }
        List<String> units = new ArrayList<>();
        String region = line.regionCode() == null ? registry.city().code() : line.regionCode();
        if (indicator.level() == Level.CITY) {
            units.add(region);
        } else {
            units.addAll(registry.leafCodesOf(region));
        }
        BigDecimal largest = units.stream().map(values::get).filter(v -> v != null && v.signum() > 0)
                .max(Comparator.naturalOrder()).orElse(BigDecimal.ONE);
        BigDecimal scale = scaleOf(line, line.claimKind() == ClaimKind.LEVEL ? claim : null, values, units);
        List<CountyBar> bars = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (String code : units) {
            BigDecimal v = values.get(code);
            String name = registry.find(code).map(County::shortNameZh).orElse(code);
            if (v == null) {
                bars.add(new CountyBar(code, name, "", true, 0, 0, 0, false, rejected(line, code)));
                continue;
            }
            int x = px(running, scale, CHART_WIDTH);
            running = running.add(v.max(BigDecimal.ZERO));
            bars.add(new CountyBar(code, name, Wording.grouped(v), false, px(v.max(BigDecimal.ZERO), largest, BAR_WIDTH),
                    x, Math.max(0, px(running, scale, CHART_WIDTH) - x), suspect(line, code), ""));
        }
        Chart chart = null;
        // a change's claim is in percent or points, not on the scale of the total: its line has the county bars only
        if (indicator.aggregation() == Aggregation.SUM && line.claimKind() == ClaimKind.LEVEL && line.status() != Status.NO_DATA
                && line.publishedValue() != null && line.cityTotal() != null) {
            BigDecimal[] bounds = bounds(claim);
            chart = new Chart(CHART_WIDTH, px(line.cityTotal(), scale, CHART_WIDTH),
                    bounds[0] == null ? -1 : px(bounds[0], scale, CHART_WIDTH),
                    bounds[1] == null ? -1 : px(bounds[1], scale, CHART_WIDTH),
                    px(line.publishedValue(), scale, CHART_WIDTH), Wording.grouped(scale) + " " + line.unit());
        }
        return new FindingView(line, missing, bars, chart);
    }

    private static BigDecimal scaleOf(ReconciliationLine line, Claim claim, Map<String, BigDecimal> values, List<String> units) {
        BigDecimal max = BigDecimal.ZERO;
        for (String u : units) {
            BigDecimal v = values.get(u);
            if (v != null && v.signum() > 0) {
                max = max.add(v);
            }
        }
        for (BigDecimal b : bounds(claim)) {
            if (b != null) {
                max = max.max(b);
            }
        }
        if (line.publishedValue() != null && line.claimKind() == ClaimKind.LEVEL) {
            max = max.max(line.publishedValue());
        }
        return max.signum() == 0 ? BigDecimal.ONE : max.multiply(new BigDecimal("1.08"));
    }

    /** Named by the diagnosis as the likely cause of the gap. */
    private static boolean suspect(ReconciliationLine line, String code) {
        return line.causes().stream().anyMatch(c -> c.namesCounty() && code.equals(c.county()));
    }

    /** The reason (and raw value) of the unit's rejected row that the causes name: the row that holds its value. */
    private static String rejected(ReconciliationLine line, String code) {
        return line.causes().stream().filter(c -> code.equals(c.county()) && (c.kind() == Cause.Kind.WOULD_COMPLETE
                        || c.kind() == Cause.Kind.REJECTED_ROW)).findFirst()
                .map(c -> c.raw() == null ? c.code() : c.code() + " “" + c.raw() + "”").orElse("");
    }

    private static BigDecimal[] bounds(Claim claim) {
        return claim == null ? new BigDecimal[2] : new BigDecimal[]{claim.lower(), claim.upper()};
    }

    private static int px(BigDecimal value, BigDecimal scale, int width) {
        return value.multiply(BigDecimal.valueOf(width)).divide(scale, MathContext.DECIMAL64).setScale(0, RoundingMode.HALF_UP)
                .max(BigDecimal.ZERO).min(BigDecimal.valueOf(width)).intValue();
    }
}
