package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.aggregation.CityTotalStore;
import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.published.PublishedFigure;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.stereotype.Service;

import cn.ulanqab.stats.submission.FileValues;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reconciles every catalog indicator of a run and stores the lines, in catalog order. */
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

    /** Rejected rows noted by name in an indicator's hint; the rest are counted. */
    static final int NOTED_REJECTIONS = 10;

    public void reconcile(long runId, ReferenceData reference, Map<String, PublishedFigure> published, Path submissionFolder,
                          String period) {
        Map<String, CityTotal> cityTotals = totals.totals(runId);
        Map<String, Map<String, BigDecimal>> earlier = new HashMap<>();
        submissions.latestSupersededFiles(runId).forEach((county, file) -> FileValues.read(submissionFolder.resolve(file.name()),
                county, reference.registry(), reference.catalog(), period).ifPresent(values -> earlier.put(county, values)));
        Map<String, String> earlierFile = new HashMap<>();
        submissions.latestSupersededFiles(runId).forEach((county, file) -> earlierFile.put(county, file.name()));
        Map<String, Map<String, BigDecimal>> accepted = submissions.acceptedValues(runId);
        // The first few rejected rows of each indicator become notes; the rest are counted (rejected-rows.csv has
        // them all), so neither memory nor the hint grows with the number of rejected rows.
        Map<String, List<SubmissionStore.RejectedRow>> firstRejected = new java.util.HashMap<>();
        Map<String, Long> rejectedCount = new java.util.HashMap<>();
        submissions.eachRejectedRow(runId, Long.MAX_VALUE, r -> {
            rejectedCount.merge(r.indicatorCode(), 1L, Long::sum);
            List<SubmissionStore.RejectedRow> first = firstRejected.computeIfAbsent(r.indicatorCode(), k -> new ArrayList<>());
            if (first.size() < NOTED_REJECTIONS) {
                first.add(r);
            }
        });
        Reconciler reconciler = new Reconciler(reference.registry());
        List<ReconciliationLine> lines = new ArrayList<>();
        for (Indicator indicator : reference.catalog().indicators()) {
            Set<String> codes = indicator.isRatio()
                    ? Set.of(indicator.formula().numerator(), indicator.formula().denominator()) : Set.of(indicator.code());
            List<SubmissionStore.RejectedRow> noted = new ArrayList<>();
            long more = 0;
            for (String code : codes) {
                List<SubmissionStore.RejectedRow> first = firstRejected.getOrDefault(code, List.of());
                noted.addAll(first);
                more += rejectedCount.getOrDefault(code, 0L) - first.size();
            }
            noted.sort(java.util.Comparator.comparing(SubmissionStore.RejectedRow::file).thenComparingLong(SubmissionStore.RejectedRow::line));
            List<String> notes = new ArrayList<>(noted.stream().map(r -> "rejected: " + reference.registry().find(r.countyCode())
                    .map(County::nameZh).orElse(r.countyCode()) + " " + r.file() + " line " + r.line() + " " + r.reason()).toList());
            if (more > 0) {
                notes.add("and " + more + " more rejected rows in rejected-rows.csv");
            }
            Map<String, Diagnosis.EarlierValue> earlierValues = new HashMap<>();
            earlier.forEach((county, values) -> {
                if (values.containsKey(indicator.code())) {
                    earlierValues.put(county, new Diagnosis.EarlierValue(earlierFile.get(county), values.get(indicator.code())));
                }
            });
            lines.add(reconciler.reconcile(indicator, cityTotals.get(indicator.code()), published.get(indicator.code()),
                    accepted.getOrDefault(indicator.code(), Map.of()), earlierValues, notes));
        }
        store.replace(runId, lines);
    }
}
