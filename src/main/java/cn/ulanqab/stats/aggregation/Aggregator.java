package cn.ulanqab.stats.aggregation;

import java.util.HashMap;
import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.FigureKey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Forms region totals from the accepted values ({@code indicator code -> unit code -> value}, in the catalog unit):
 * SUM over the counties below the region, RATIO from the summed components (never an average of county ratios),
 * CITY from the city's own file. The job itself streams the values into a {@link RegionTotals}; this class serves
 * values already in memory and decides which totals a run keeps ({@link #keys}).
 */
public final class Aggregator {

    private final Registry registry;

    public Aggregator(Registry registry) {
        this.registry = registry;
    }

    /** The total for the registry's city (the one city of a one-city registry). */
    public CityTotal total(Indicator indicator, Map<String, Map<String, BigDecimal>> accepted) {
        return total(indicator, registry.city().code(), accepted);
    }

    public CityTotal total(Indicator indicator, String regionCode, Map<String, Map<String, BigDecimal>> accepted) {
        RegionTotals totals = new RegionTotals(registry);
        Set<String> codes = indicator.isRatio() ? Set.of(indicator.formula().numerator(), indicator.formula().denominator())
                : Set.of(indicator.code());
        for (String code : codes) {
            accepted.getOrDefault(code, Map.of()).forEach((unit, value) -> totals.add(code, unit, value));
        }
        return totals.total(indicator, regionCode);
    }

    /**
     * The (indicator, region) pairs a run totals and reconciles, in catalog order, each indicator's regions in code
     * order: every printed pair and, with a one-city registry, every indicator of the city (an UNPUBLISHED line shown
     * for information, as the one-city job always did). With several cities only printed pairs: all regions × all
     * indicators of the national registry would be some 730,000 lines of which 90% nobody printed; their detail is in
     * county-breakdown.csv.
     */
    public static List<FigureKey> keys(Registry registry, Catalog catalog, Collection<FigureKey> printed) {
        Map<String, TreeSet<String>> regions = new HashMap<>();
        printed.forEach(k -> regions.computeIfAbsent(k.indicatorCode(), c -> new TreeSet<>()).add(k.regionCode()));
        List<FigureKey> keys = new ArrayList<>();
        for (Indicator indicator : catalog.indicators()) {
            Set<String> of = new LinkedHashSet<>();
            if (registry.singleCity()) {
                of.add(registry.city().code());
            }
            of.addAll(regions.getOrDefault(indicator.code(), new TreeSet<>()));
            of.forEach(r -> keys.add(new FigureKey(indicator.code(), r)));
        }
        return keys;
    }
}
