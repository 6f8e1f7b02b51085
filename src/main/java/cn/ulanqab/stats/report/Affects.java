package cn.ulanqab.stats.report;

import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.submission.RowReason;
import cn.ulanqab.stats.submission.SubmissionStore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which figure a rejected row leaves incomplete or changes: the {@code affects} column of rejected-rows.csv. Blank when
 * a valid row of the same indicator of the same unit counts (a DUPLICATE whose first copy was kept, a broken row beside
 * a good one), when the row names no indicator of the catalog or one the unit does not report (WRONG_LEVEL); otherwise the indicator's code and the codes of the
 * ratios computed from it, each with {@code @region_code} of the unit's city when the registry has several cities.
 * Memory: one bit per unit and indicator that counted.
 */
public final class Affects {

    private final ReferenceData reference;
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final Map<String, List<String>> ratiosOf = new HashMap<>();
    private final Map<String, BitSet> counted = new HashMap<>();

    public Affects(ReferenceData reference) {
        this.reference = reference;
        List<Indicator> indicators = reference.catalog().indicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            indexOf.put(indicator.code(), i);
            if (indicator.isRatio()) {
                ratiosOf.computeIfAbsent(indicator.formula().numerator(), k -> new ArrayList<>()).add(indicator.code());
                if (!indicator.formula().denominator().equals(indicator.formula().numerator())) {
                    ratiosOf.computeIfAbsent(indicator.formula().denominator(), k -> new ArrayList<>()).add(indicator.code());
                }
            }
        }
    }

    /** An accepted row: the unit's value of the indicator counts. */
    public void counted(String unit, String indicatorCode) {
        Integer i = indexOf.get(indicatorCode);
        if (i != null) {
            counted.computeIfAbsent(unit, k -> new BitSet()).set(i);
        }
    }

    /** The {@code affects} of a rejected row, once every accepted row was {@link #counted}. */
    public String of(SubmissionStore.RejectedRow row) {
        if (row.indicatorCode() == null || row.countyCode() == null || row.reason() == RowReason.WRONG_LEVEL) {
            // a row of an indicator this unit does not report would never have counted
            return "";
        }
        String code = row.indicatorCode().strip();
        Integer i = indexOf.get(code);
        Registry registry = reference.registry();
        if (i == null || registry.find(row.countyCode()).isEmpty()) {
            return "";
        }
        BitSet unit = counted.get(row.countyCode());
        if (unit != null && unit.get(i)) {
            return "";
        }
        List<String> figures = new ArrayList<>();
        figures.add(code);
        figures.addAll(ratiosOf.getOrDefault(code, List.of()));
        if (registry.singleCity()) {
            return String.join(";", figures);
        }
        String city = registry.isCity(row.countyCode()) ? row.countyCode()
                : registry.cityOf(row.countyCode()).map(County::code).orElse("");
        return String.join(";", figures.stream().map(f -> city.isEmpty() ? f : f + "@" + city).toList());
    }
}
