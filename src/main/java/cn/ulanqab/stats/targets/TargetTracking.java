package cn.ulanqab.stats.targets;

import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.aggregation.CityTotalStore;
import cn.ulanqab.stats.catalog.BaseTotals;
import cn.ulanqab.stats.catalog.Period;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.history.RunHistory;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.published.FigureKey;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tracks the year's targets for a completed run from what it stored: its totals, its counties' figures, last year's
 * base files, and the counties' figures of the latest completed run of the nearest earlier period of the same year.
 */
@Component
public class TargetTracking {

    private static final BigDecimal TWELVE = new BigDecimal("12");

    private final CityTotalStore totals;
    private final SubmissionStore submissions;
    private final RunHistory history;

    public TargetTracking(CityTotalStore totals, SubmissionStore submissions, RunHistory history) {
        this.totals = totals;
        this.submissions = submissions;
        this.history = history;
    }

    /** One result per target, in the order of the targets file (none without targets). */
    public List<TargetResult> track(long runId, Period period, TargetPlan plan, BaseTotals samePeriodLastYear,
                                    ReferenceData reference, ClaimSettings settings) {
        if (plan.isEmpty()) {
            return List.of();
        }
        Map<FigureKey, CityTotal> runTotals = totals.totals(runId);
        Set<String> indicators = new LinkedHashSet<>();
        plan.targets().forEach(t -> indicators.add(t.indicatorCode()));
        Map<String, Map<String, BigDecimal>> now = submissions.acceptedValues(runId, indicators);
        Optional<Map.Entry<String, Long>> earlierRun = earlierRun(period);
        Map<String, Map<String, BigDecimal>> before = earlierRun.map(e -> submissions.acceptedValues(e.getValue(), indicators))
                .orElse(Map.of());
        BigDecimal calendarShare = new BigDecimal(period.months()).divide(TWELVE, MathContext.DECIMAL128);
        TargetEvaluator evaluator = new TargetEvaluator(settings, period.isYear(), calendarShare);
        List<TargetResult> results = new ArrayList<>();
        for (Target target : plan.targets()) {
            String code = target.indicatorCode();
            String region = target.regionCode();
            List<String> units = reference.registry().leafCodesOf(region);
            TargetEvaluator.LastYear lastYear = new TargetEvaluator.LastYear(
                    samePeriodLastYear.total(code, region).orElse(null), samePeriodLastYear.period().label(),
                    plan.lastFullYear().total(code, region).orElse(null));
            TargetEvaluator.Earlier earlier = earlierRun.map(e -> new TargetEvaluator.Earlier(e.getKey(),
                    of(before.getOrDefault(code, Map.of()), units))).orElse(null);
            results.add(evaluator.evaluate(target, reference.catalog().get(code), runTotals.get(new FigureKey(code, region)),
                    lastYear, of(now.getOrDefault(code, Map.of()), units), earlier));
        }
        return results;
    }

    /**
     * The latest completed run of the nearest earlier period of the year that has one: for 2024-06 the months 2024-05 …
     * 2024-01 and the quarter 2024-Q1 (a quarter counts as its last month; of a month and a quarter ending together the
     * latest run); for the year every month and quarter of it.
     */
    private Optional<Map.Entry<String, Long>> earlierRun(Period period) {
        Map<String, Integer> monthsOf = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            Period p = new Period(period.year(), m, 0);
            if (period.isYear() || m < period.months()) {
                monthsOf.put(p.label(), m);
            }
        }
        for (int q = 1; q <= 4; q++) {
            Period p = new Period(period.year(), 0, q);
            if (period.isYear() || 3 * q < period.months()) {
                monthsOf.put(p.label(), 3 * q);
            }
        }
        Map<String, Long> runs = history.latestCompletedRuns(monthsOf.keySet());
        return runs.entrySet().stream().max(Comparator.<Map.Entry<String, Long>>comparingInt(e -> monthsOf.get(e.getKey()))
                .thenComparing(Map.Entry::getValue));
    }

    private static Map<String, BigDecimal> of(Map<String, BigDecimal> byUnit, List<String> units) {
        Map<String, BigDecimal> result = new HashMap<>();
        units.forEach(u -> {
            BigDecimal v = byUnit.get(u);
            if (v != null) {
                result.put(u, v);
            }
        });
        return result;
    }
}
