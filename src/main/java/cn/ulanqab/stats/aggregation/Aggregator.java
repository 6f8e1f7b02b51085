package cn.ulanqab.stats.aggregation;

import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.RatioFormula;
import cn.ulanqab.stats.catalog.Registry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forms city totals from the accepted values ({@code indicator code -> unit code -> value}, in the
 * catalog unit): SUM over the counties, RATIO from the summed components (never an average of county
 * ratios), CITY from the city file.
 */
public final class Aggregator {

    private final Registry registry;

    public Aggregator(Registry registry) {
        this.registry = registry;
    }

    public CityTotal total(Indicator indicator, Map<String, Map<String, BigDecimal>> accepted) {
        return switch (indicator.aggregation()) {
            case SUM -> sum(indicator, accepted.getOrDefault(indicator.code(), Map.of()));
            case RATIO -> ratio(indicator, accepted);
            case CITY -> city(indicator, accepted.getOrDefault(indicator.code(), Map.of()));
        };
    }

    private CityTotal sum(Indicator indicator, Map<String, BigDecimal> values) {
        List<String> reported = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (String county : registry.countyCodes()) {
            BigDecimal v = values.get(county);
            if (v == null) {
                missing.add(county);
            } else {
                reported.add(county);
                total = total.add(v);
            }
        }
        if (reported.isEmpty()) {
            return new CityTotal(indicator.code(), null, reported, missing, false, true, "no county reported it");
        }
        return new CityTotal(indicator.code(), total, reported, missing, missing.isEmpty(), false, null);
    }

    private CityTotal ratio(Indicator indicator, Map<String, Map<String, BigDecimal>> accepted) {
        RatioFormula formula = indicator.formula();
        Map<String, BigDecimal> numerators = accepted.getOrDefault(formula.numerator(), Map.of());
        Map<String, BigDecimal> denominators = accepted.getOrDefault(formula.denominator(), Map.of());
        List<String> reported = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
        for (String county : registry.countyCodes()) {
            BigDecimal n = numerators.get(county);
            BigDecimal d = denominators.get(county);
            if (n == null || d == null) {
                missing.add(county);
            } else {
                reported.add(county);
                numerator = numerator.add(n);
                denominator = denominator.add(d);
            }
        }
        if (numerators.isEmpty() && denominators.isEmpty()) {
            return new CityTotal(indicator.code(), null, reported, missing, false, true,
                    "no county reported " + formula.numerator() + " or " + formula.denominator());
        }
        if (!missing.isEmpty()) {
            return new CityTotal(indicator.code(), null, reported, missing, false, false,
                    "computed only when every county reports both " + formula.numerator() + " and " + formula.denominator());
        }
        Optional<BigDecimal> ratio = formula.apply(numerator, denominator);
        return ratio.map(r -> new CityTotal(indicator.code(), r, reported, missing, true, false, null))
                .orElseGet(() -> new CityTotal(indicator.code(), null, reported, missing, false, false,
                        formula.denominator() + " sums to zero over the counties"));
    }

    private CityTotal city(Indicator indicator, Map<String, BigDecimal> values) {
        String city = registry.city().code();
        BigDecimal v = values.get(city);
        if (v == null) {
            return new CityTotal(indicator.code(), null, List.of(), List.of(city), false, true, "the city file does not report it");
        }
        return new CityTotal(indicator.code(), v, List.of(city), List.of(), true, false, null);
    }
}
