package cn.ulanqab.stats.aggregation;

import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.Registry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AggregatorTest {

    private static final ReferenceData REFERENCE = ReferenceData.load(Path.of("input/reference"));
    private static final Registry REGISTRY = REFERENCE.registry();
    private static final Catalog CATALOG = REFERENCE.catalog();
    private static final List<String> COUNTIES = REGISTRY.countyCodes();

    private final Aggregator aggregator = new Aggregator(REGISTRY);
    private final Map<String, Map<String, BigDecimal>> accepted = new HashMap<>();

    private void put(String indicator, String county, String value) {
        accepted.computeIfAbsent(indicator, k -> new HashMap<>()).put(county, new BigDecimal(value));
    }

    private CityTotal total(String indicator) {
        return aggregator.total(CATALOG.get(indicator), accepted);
    }

    @Test
    void sumsAllElevenCounties() {
        for (int i = 0; i < COUNTIES.size(); i++) {
            put("MEAT_OUTPUT", COUNTIES.get(i), String.valueOf(i + 1) + ".5");
        }
        CityTotal t = total("MEAT_OUTPUT");
        assertThat(t.total()).isEqualByComparingTo("71.5"); // 1+...+11 = 66, plus 11 × 0.5
        assertThat(t.complete()).isTrue();
        assertThat(t.noData()).isFalse();
        assertThat(t.reported()).containsExactlyElementsOf(COUNTIES);
        assertThat(t.missing()).isEmpty();
    }

    @Test
    void ignoresTheCityValueOfASumIndicator() {
        COUNTIES.forEach(c -> put("MEAT_OUTPUT", c, "1"));
        put("MEAT_OUTPUT", "150900", "1000");
        assertThat(total("MEAT_OUTPUT").total()).isEqualByComparingTo("11");
    }

    @Test
    void oneCountyMissingGivesPartialIncompleteTotal() {
        COUNTIES.stream().filter(c -> !c.equals("150925")).forEach(c -> put("MEAT_OUTPUT", c, "10"));
        CityTotal t = total("MEAT_OUTPUT");
        assertThat(t.total()).isEqualByComparingTo("100");
        assertThat(t.complete()).isFalse();
        assertThat(t.noData()).isFalse();
        assertThat(t.missing()).containsExactly("150925");
        assertThat(t.reported()).hasSize(10);
    }

    @Test
    void zeroIsReportedNotMissing() {
        COUNTIES.forEach(c -> put("MEAT_OUTPUT", c, "0"));
        CityTotal t = total("MEAT_OUTPUT");
        assertThat(t.complete()).isTrue();
        assertThat(t.total()).isEqualByComparingTo("0");
    }

    @Test
    void noCountyReportedIsNoData() {
        CityTotal t = total("MEAT_OUTPUT");
        assertThat(t.noData()).isTrue();
        assertThat(t.complete()).isFalse();
        assertThat(t.total()).isNull();
        assertThat(t.missing()).containsExactlyElementsOf(COUNTIES);
    }

    @Test
    void ratioIsComputedFromSummedComponentsNotAveraged() {
        // one big county with few slots, ten small counties with many slots per head
        put("CHILDCARE_SLOTS", COUNTIES.get(0), "100");
        put("RESIDENT_POPULATION", COUNTIES.get(0), "1000000");
        for (String c : COUNTIES.subList(1, COUNTIES.size())) {
            put("CHILDCARE_SLOTS", c, "50");
            put("RESIDENT_POPULATION", c, "10000");
        }
        CityTotal t = total("CHILDCARE_SLOTS_PER_1000");
        BigDecimal expected = new BigDecimal("600").multiply(new BigDecimal("1000"))
                .divide(new BigDecimal("1100000"), MathContext.DECIMAL128); // 0.5454…
        assertThat(t.complete()).isTrue();
        assertThat(t.total()).isEqualByComparingTo(expected);
        assertThat(t.total()).isLessThan(BigDecimal.ONE); // the average of county ratios would be about 4.5
        assertThat(t.total().precision()).isGreaterThanOrEqualTo(34);
    }

    @Test
    void ratioKeepsThirtyFourSignificantDigits() {
        COUNTIES.forEach(c -> {
            put("PETITION_CASES_RESOLVED", c, "1");
            put("PETITION_CASES_ASSIGNED", c, "3");
        });
        // 11 × 100 / 33 = 33.333…: the 34-digit quotient of 1100 / 33, not a rounded short figure
        assertThat(total("PETITION_RESOLUTION_RATE").total())
                .isEqualTo(new BigDecimal("1100").divide(new BigDecimal("33"), MathContext.DECIMAL128));
    }

    @Test
    void ratioWithOneCountyMissingAComponentHasNoTotal() {
        COUNTIES.forEach(c -> {
            put("CHILDCARE_SLOTS", c, "50");
            put("RESIDENT_POPULATION", c, "10000");
        });
        accepted.get("RESIDENT_POPULATION").remove("150929");
        CityTotal t = total("CHILDCARE_SLOTS_PER_1000");
        assertThat(t.total()).isNull();
        assertThat(t.complete()).isFalse();
        assertThat(t.noData()).isFalse();
        assertThat(t.missing()).containsExactly("150929");
    }

    @Test
    void ratioWhoseDenominatorSumsToZeroHasNoTotal() {
        COUNTIES.forEach(c -> {
            put("PETITION_CASES_RESOLVED", c, "0");
            put("PETITION_CASES_ASSIGNED", c, "0");
        });
        CityTotal t = total("PETITION_RESOLUTION_RATE");
        assertThat(t.total()).isNull();
        assertThat(t.complete()).isFalse();
        assertThat(t.noData()).isFalse();
        assertThat(t.note()).contains("zero");
    }

    @Test
    void ratioWithNoComponentAtAllIsNoData() {
        put("MEAT_OUTPUT", COUNTIES.get(0), "1");
        CityTotal t = total("CHILDCARE_SLOTS_PER_1000");
        assertThat(t.noData()).isTrue();
        assertThat(t.total()).isNull();
        assertThat(t.complete()).isFalse();
    }

    @Test
    void ratioWithOnlyTheNumeratorReportedIsIncompleteNotNoData() {
        COUNTIES.forEach(c -> put("CHILDCARE_SLOTS", c, "50"));
        CityTotal t = total("CHILDCARE_SLOTS_PER_1000");
        assertThat(t.noData()).isFalse();
        assertThat(t.total()).isNull();
        assertThat(t.missing()).containsExactlyElementsOf(COUNTIES);
    }

    @Test
    void cityIndicatorTakesTheCityValue() {
        put("HOTLINE_APPEALS", "150900", "41250");
        put("HOTLINE_APPEALS", COUNTIES.get(0), "5");
        CityTotal t = total("HOTLINE_APPEALS");
        assertThat(t.total()).isEqualByComparingTo("41250");
        assertThat(t.complete()).isTrue();
        assertThat(t.reported()).containsExactly("150900");
        assertThat(t.missing()).isEmpty();
    }

    @Test
    void cityIndicatorWithoutCityValueIsNoData() {
        put("HOTLINE_APPEALS", COUNTIES.get(0), "5");
        CityTotal t = total("HOTLINE_APPEALS");
        assertThat(t.noData()).isTrue();
        assertThat(t.total()).isNull();
        assertThat(t.missing()).containsExactly("150900");
    }
}
