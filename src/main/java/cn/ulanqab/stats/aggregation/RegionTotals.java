package cn.ulanqab.stats.aggregation;

import java.util.Comparator;
import java.util.stream.IntStream;
import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.RatioFormula;
import cn.ulanqab.stats.catalog.Registry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds accepted values up the region tree in one pass: each value of a county-level unit (a leaf) is added into
 * the region just above it, and the leaf is marked as reported; when the first total is asked for, the sums of
 * regions are added into the regions above them, deepest first. Memory is bounded by indicators × regions above the
 * leaves (one running sum each) plus one bit per indicator and leaf, however many values are added; values of
 * regions of type city (their CITY-level indicators) are kept as they are.
 */
public final class RegionTotals {

    private final Registry registry;
    private final Map<String, Integer> leafIndex = new HashMap<>();
    private final Map<String, Integer> aggregateIndex = new HashMap<>();
    private final int[] parentOfLeaf;
    private final int[] parentOfAggregate;
    /** Regions above the leaves, deepest first: the order in which their sums are added into their parents'. */
    private final int[] rollUpOrder;
    private boolean rolledUp;
    private String lastUnit;
    private Integer lastLeaf;
    private boolean lastIsCity;
    private final Map<String, Sums> byIndicator = new HashMap<>();

    private static final class Sums {
        final BigDecimal[] sums;
        final BitSet reported = new BitSet();
        final Map<String, BigDecimal> own = new HashMap<>();

        Sums(int aggregates) {
            sums = new BigDecimal[aggregates];
        }
    }

    public RegionTotals(Registry registry) {
        this.registry = registry;
        List<County> leaves = registry.counties();
        for (int i = 0; i < leaves.size(); i++) {
            leafIndex.put(leaves.get(i).code(), i);
        }
        List<County> aggregates = registry.aggregates();
        for (int i = 0; i < aggregates.size(); i++) {
            aggregateIndex.put(aggregates.get(i).code(), i);
        }
        parentOfLeaf = new int[leaves.size()];
        for (int i = 0; i < leaves.size(); i++) {
            parentOfLeaf[i] = nearestAggregate(leaves.get(i).code());
        }
        parentOfAggregate = new int[aggregates.size()];
        for (int i = 0; i < aggregates.size(); i++) {
            parentOfAggregate[i] = nearestAggregate(aggregates.get(i).code());
        }
        rollUpOrder = IntStream.range(0, aggregates.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> registry.ancestors(aggregates.get(i).code()).size()).reversed())
                .mapToInt(Integer::intValue).toArray();
    }

    private int nearestAggregate(String code) {
        List<County> above = registry.ancestors(code);
        return above.isEmpty() ? -1 : aggregateIndex.get(above.get(0).code());
    }

    /** Adds one accepted value (in the catalog unit) of a unit of the registry; values of other units are ignored. */
    public void add(String indicatorCode, String unitCode, BigDecimal value) {
        if (rolledUp) {
            throw new IllegalStateException("values are added before the first total is asked for");
        }
        if (unitCode != lastUnit) {
            // the values of one file come one after another with the same unit: look it up once
            lastUnit = unitCode;
            lastLeaf = leafIndex.get(unitCode);
            lastIsCity = registry.isCity(unitCode);
        }
        Integer leaf = lastLeaf;
        boolean city = lastIsCity;
        if (leaf == null && !city) {
            return;
        }
        Sums s = byIndicator.computeIfAbsent(indicatorCode, k -> new Sums(aggregateIndex.size()));
        if (city) {
            s.own.put(unitCode, value);
        }
        if (leaf != null) {
            s.reported.set(leaf);
            int a = parentOfLeaf[leaf];
            if (a >= 0) {
                s.sums[a] = s.sums[a] == null ? value : s.sums[a].add(value);
            }
        }
    }

    /**
     * The total of an indicator for a region above the leaves: SUM over its leaves (complete when all of them
     * reported), RATIO from the components summed over its leaves, CITY the region's own value (regions of type city).
     */
    public CityTotal total(Indicator indicator, String regionCode) {
        rollUp();
        return switch (indicator.aggregation()) {
            case SUM -> sum(indicator, regionCode);
            case RATIO -> ratio(indicator, regionCode);
            case CITY -> city(indicator, regionCode);
        };
    }

    private void rollUp() {
        if (rolledUp) {
            return;
        }
        rolledUp = true;
        for (Sums s : byIndicator.values()) {
            for (int a : rollUpOrder) {
                int parent = parentOfAggregate[a];
                if (parent >= 0 && s.sums[a] != null) {
                    s.sums[parent] = s.sums[parent] == null ? s.sums[a] : s.sums[parent].add(s.sums[a]);
                }
            }
        }
    }

    private CityTotal sum(Indicator indicator, String region) {
        Sums s = byIndicator.get(indicator.code());
        List<String> reported = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (County leaf : registry.leavesOf(region)) {
            (reported(s, leaf.code()) ? reported : missing).add(leaf.code());
        }
        if (reported.isEmpty()) {
            return new CityTotal(indicator.code(), null, reported, missing, false, true, "no county reported it", region);
        }
        return new CityTotal(indicator.code(), sumOf(s, region), reported, missing, missing.isEmpty(), false, null, region);
    }

    private CityTotal ratio(Indicator indicator, String region) {
        RatioFormula formula = indicator.formula();
        Sums n = byIndicator.get(formula.numerator());
        Sums d = byIndicator.get(formula.denominator());
        List<String> reported = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean any = false;
        for (County leaf : registry.leavesOf(region)) {
            boolean hasN = reported(n, leaf.code());
            boolean hasD = reported(d, leaf.code());
            any |= hasN || hasD;
            (hasN && hasD ? reported : missing).add(leaf.code());
        }
        if (!any) {
            return new CityTotal(indicator.code(), null, reported, missing, false, true,
                    "no county reported " + formula.numerator() + " or " + formula.denominator(), region);
        }
        if (!missing.isEmpty()) {
            return new CityTotal(indicator.code(), null, reported, missing, false, false,
                    "computed only when every county reports both " + formula.numerator() + " and " + formula.denominator(), region);
        }
        Optional<BigDecimal> ratio = formula.apply(sumOf(n, region), sumOf(d, region));
        return ratio.map(r -> new CityTotal(indicator.code(), r, reported, missing, true, false, null, region))
                .orElseGet(() -> new CityTotal(indicator.code(), null, reported, missing, false, false,
                        formula.denominator() + " sums to zero over the counties", region));
    }

    private CityTotal city(Indicator indicator, String region) {
        if (!registry.isCity(region)) {
            return new CityTotal(indicator.code(), null, List.of(), List.of(), false, true,
                    "a CITY-level indicator has a value for regions of type city only", region);
        }
        Sums s = byIndicator.get(indicator.code());
        BigDecimal v = s == null ? null : s.own.get(region);
        if (v == null) {
            return new CityTotal(indicator.code(), null, List.of(), List.of(region), false, true, "the city file does not report it", region);
        }
        return new CityTotal(indicator.code(), v, List.of(region), List.of(), true, false, null, region);
    }

    private boolean reported(Sums s, String leaf) {
        return s != null && s.reported.get(leafIndex.get(leaf));
    }

    private BigDecimal sumOf(Sums s, String region) {
        if (s == null) {
            return BigDecimal.ZERO;
        }
        Integer a = aggregateIndex.get(region);
        if (a == null) {
            // a leaf: its own value is its total (not a region that gets totals, but well defined)
            return s.own.getOrDefault(region, BigDecimal.ZERO);
        }
        return s.sums[a] == null ? BigDecimal.ZERO : s.sums[a];
    }
}
