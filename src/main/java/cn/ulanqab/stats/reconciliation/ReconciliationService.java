package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.aggregation.CityTotalStore;
import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.published.PublishedFigure;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
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

    public void reconcile(long runId, ReferenceData reference, Map<String, PublishedFigure> published) {
        Map<String, CityTotal> cityTotals = totals.totals(runId);
        Map<String, Map<String, BigDecimal>> accepted = submissions.acceptedValues(runId);
        List<SubmissionStore.RejectedRow> rejected = submissions.rejectedRows(runId);
        Reconciler reconciler = new Reconciler(reference.registry());
        List<ReconciliationLine> lines = new ArrayList<>();
        for (Indicator indicator : reference.catalog().indicators()) {
            Set<String> codes = indicator.isRatio()
                    ? Set.of(indicator.formula().numerator(), indicator.formula().denominator()) : Set.of(indicator.code());
            List<String> notes = rejected.stream().filter(r -> codes.contains(r.indicatorCode()))
                    .map(r -> "rejected: " + reference.registry().find(r.countyCode()).map(County::nameZh).orElse(r.countyCode())
                            + " " + r.file() + " line " + r.line() + " " + r.reason()).toList();
            lines.add(reconciler.reconcile(indicator, cityTotals.get(indicator.code()), published.get(indicator.code()),
                    accepted.getOrDefault(indicator.code(), Map.of()), notes));
        }
        store.replace(runId, lines);
    }
}
