package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.aggregation.Aggregator;
import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.aggregation.CityTotalStore;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.BaseTotals;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.ClaimKind;
import cn.ulanqab.stats.published.FigureKey;
import cn.ulanqab.stats.published.PublishedFigure;
import cn.ulanqab.stats.review.Review;
import cn.ulanqab.stats.submission.FileValues;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reconciles every (indicator, region) pair the run totalled ({@link Aggregator#keys}) and stores the lines, in
 * catalog order. County values are read back only for the indicators whose diagnosis needs them (a mismatched sum).
 */
@Service
public class ReconciliationService {

    private final CityTotalStore totals;
    private final SubmissionStore submissions;
    private final ReconciliationStore store;

    public ReconciliationService(CityTotalStore totals, SubmissionStore submissions, ReconciliationStore store) {
        this.totals = totals;
        this.submissions = submissions;
        this.store = store;
    }

    /** The change claims a level's total is also checked against, in the order their lines follow the level's. */
    private static final List<ClaimKind> CHANGES = List.of(ClaimKind.GROWTH, ClaimKind.DECLINE, ClaimKind.POINT_CHANGE);

    /** Rejected rows noted by name in a figure's hint, per indicator and unit; the rest are counted. */
    static final int NOTED_REJECTIONS = 10;

    /**
     * Reconciles every total with its level figure and, where the report prints one, with its change figures against
     * last year's totals ({@code base}).
     */
    public void reconcile(long runId, ReferenceData reference, Map<FigureKey, PublishedFigure> published, Path submissionFolder,
                          String period, BaseTotals base) {
        Registry registry = reference.registry();
        Map<FigureKey, CityTotal> regionTotals = totals.totals(runId);
        Map<String, Map<String, BigDecimal>> earlier = new HashMap<>();
        Map<String, String> earlierFile = new HashMap<>();
        submissions.latestSupersededFiles(runId).forEach((county, file) -> {
            earlierFile.put(county, file.name());
            FileValues.read(submissionFolder.resolve(file.name()), county, registry, reference.catalog(), period)
                    .ifPresent(values -> earlier.put(county, values));
        });
        List<FigureKey> keys = Aggregator.keys(registry, reference.catalog(), published.keySet());

        Set<String> diagnosed = new HashSet<>();
        for (FigureKey key : keys) {
            Indicator indicator = reference.catalog().get(key.indicatorCode());
            CityTotal total = regionTotals.get(key);
            PublishedFigure figure = published.get(key);
            if (figure != null && !indicator.isRatio() && total != null && total.complete() && total.total() != null
                    && !figure.claim().holds(total.total())) {
                diagnosed.add(indicator.code());
            }
            for (ClaimKind kind : CHANGES) {
                PublishedFigure change = published.get(key.withKind(kind));
                BigDecimal b = change == null ? null : base.total(key.indicatorCode(), key.regionCode()).orElse(null);
                if (b != null && (b.signum() != 0 || kind == ClaimKind.POINT_CHANGE) && !indicator.isRatio() && total != null
                        && total.complete() && total.total() != null
                        && !change.claim().onTotal(kind, b, change.figure().down()).holds(total.total())) {
                    diagnosed.add(indicator.code());
                }
            }
        }
        // One pass over the rows: the accepted values of the diagnosed indicators, and the first few rejected rows of
        // each indicator and unit as notes, the rest counted (rejected-rows.csv has them all), so neither memory nor
        // the hint grows with the number of rows.
        Map<String, Map<String, BigDecimal>> accepted = new HashMap<>();
        Map<String, Map<String, List<SubmissionStore.RejectedRow>>> firstRejected = new HashMap<>();
        Map<String, Map<String, Long>> rejectedCount = new HashMap<>();
        submissions.forEachRow(runId, diagnosed, new SubmissionStore.RowVisitor() {
            @Override
            public void accepted(String file, String unit, String indicator, String value) {
                if (diagnosed.contains(indicator)) {
                    accepted.computeIfAbsent(indicator, k -> new HashMap<>()).put(unit, new BigDecimal(value));
                }
            }

            @Override
            public void rejected(SubmissionStore.RejectedRow r) {
                if (r.indicatorCode() == null) {
                    return;
                }
                rejectedCount.computeIfAbsent(r.indicatorCode(), k -> new HashMap<>()).merge(r.countyCode(), 1L, Long::sum);
                List<SubmissionStore.RejectedRow> first = firstRejected.computeIfAbsent(r.indicatorCode(), k -> new HashMap<>())
                        .computeIfAbsent(r.countyCode(), k -> new ArrayList<>());
                if (first.size() < NOTED_REJECTIONS) {
                    first.add(r);
                }
            }
        });

        Reconciler reconciler = new Reconciler(registry);
        String baseFileName = BaseTotals.FOLDER + "/" + base.period().label() + ".csv";
        List<ReconciliationLine> lines = new ArrayList<>(keys.size());
        for (FigureKey key : keys) {
            Indicator indicator = reference.catalog().get(key.indicatorCode());
            Set<String> units = new HashSet<>(registry.leafCodesOf(key.regionCode()));
            units.add(key.regionCode());
            Set<String> codes = indicator.isRatio()
                    ? Set.of(indicator.formula().numerator(), indicator.formula().denominator()) : Set.of(indicator.code());
            List<SubmissionStore.RejectedRow> matched = new ArrayList<>();
            long more = 0;
            for (String code : codes) {
                for (Map.Entry<String, List<SubmissionStore.RejectedRow>> e : firstRejected.getOrDefault(code, Map.of()).entrySet()) {
                    if (units.contains(e.getKey())) {
                        matched.addAll(e.getValue());
                        more += rejectedCount.get(code).get(e.getKey()) - e.getValue().size();
                    }
                }
            }
            matched.sort(Comparator.comparing(SubmissionStore.RejectedRow::file)
                    .thenComparingLong(SubmissionStore.RejectedRow::line));
            List<Cause> notes = new ArrayList<>(matched.stream().map(r -> new Cause(Cause.Kind.REJECTED_ROW, r.countyCode(),
                    r.file(), r.line(), r.reason().name(), r.rawValue(), null, null, null, null)).toList());
            if (more > 0) {
                notes.add(Cause.about(Cause.Kind.MORE_REJECTED, BigDecimal.valueOf(more)));
            }
            CityTotal regionTotal = regionTotals.get(key);
            PublishedFigure figure = published.get(key);
            if (figure != null && !indicator.isRatio() && regionTotal != null && regionTotal.total() != null
                    && regionTotal.missing().size() == 1) {
                notes.addAll(Diagnosis.rejectedValuesThatComplete(indicator, figure.claim(), regionTotal.total(),
                        matched.stream().filter(r -> r.countyCode().equals(regionTotal.missing().get(0))).toList()));
            }
            Map<String, Diagnosis.EarlierValue> earlierValues = new HashMap<>();
            earlier.forEach((county, values) -> {
                if (units.contains(county) && values.containsKey(indicator.code())) {
                    earlierValues.put(county, new Diagnosis.EarlierValue(earlierFile.get(county), values.get(indicator.code())));
                }
            });
            ReconciliationLine level = reconciler.reconcile(indicator, regionTotals.get(key), published.get(key),
                    accepted.getOrDefault(indicator.code(), Map.of()), earlierValues, notes);
            lines.add(level);
            for (ClaimKind kind : CHANGES) {
                PublishedFigure change = published.get(key.withKind(kind));
                if (change != null) {
                    List<Cause> changeNotes = notes.stream().filter(n -> n.kind() != Cause.Kind.WOULD_COMPLETE).toList();
                    lines.add(reconciler.reconcileChange(indicator, regionTotal, change,
                            base.total(key.indicatorCode(), key.regionCode()).orElse(null), base.period().label(), baseFileName,
                            published.containsKey(key) ? level.status() : null, accepted.getOrDefault(indicator.code(), Map.of()),
                            earlierValues, changeNotes));
                }
            }
        }
        store.replace(runId, lines);
    }

    /**
     * Puts each review beside the line of its indicator and region. A review without region_code is of the one city
     * of a one-city registry (with several cities it matches no line); with a null registry, of any line of its indicator.
     * The stored lines are written again only when a line's review changes (a night without reviews, the usual one,
     * leaves them as they are: deleting and inserting again the 66,600 lines of the national workload took 32 s of a run
     * under load).
     */
    public void applyReviews(long runId, List<Review> reviews, Registry registry) {
        String defaultRegion = registry != null && registry.singleCity() ? registry.city().code() : null;
        Map<FigureKey, Review> byKey = new HashMap<>();
        Map<String, Review> anyRegion = new HashMap<>();
        for (Review r : reviews) {
            if (r.regionCode() != null) {
                byKey.put(new FigureKey(r.indicatorCode(), r.regionCode()), r);
            } else if (registry == null) {
                anyRegion.put(r.indicatorCode(), r);
            } else if (defaultRegion != null) {
                byKey.putIfAbsent(new FigureKey(r.indicatorCode(), defaultRegion), r);
            }
        }
        List<ReconciliationLine> stored = store.lines(runId);
        List<ReconciliationLine> lines = stored.stream()
                .map(l -> {
                    String region = l.regionCode() == null ? defaultRegion : l.regionCode();
                    Review r = byKey.get(new FigureKey(l.indicatorCode(), region));
                    return l.withReview(r != null ? r : anyRegion.get(l.indicatorCode()));
                }).toList();
        if (!lines.equals(stored)) {
            store.replace(runId, lines);
        }
    }
}
