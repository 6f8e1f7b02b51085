package cn.ulanqab.stats.aggregation;

import java.math.RoundingMode;
import java.util.Map;
import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.RegionFixture;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.FigureKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Totals at every level of a 2-province, 3-city, 6-county tree: SUM and its completeness, RATIO from summed components. */
class RegionAggregationTest {

    @TempDir
    Path input;

    private Registry registry;
    private Catalog catalog;
    private RegionTotals totals;

    @BeforeEach
    void load() {
        ReferenceData reference = RegionFixture.load(input);
        registry = reference.registry();
        catalog = reference.catalog();
        totals = new RegionTotals(registry);
    }

    private void add(String indicator, String unit, String value) {
        totals.add(indicator, unit, new BigDecimal(value));
    }

    private CityTotal total(String indicator, String region) {
        return totals.total(catalog.get(indicator), region);
    }

    private void everyCountyReportsA() {
        add("A", "110101", "1");
        add("A", "110102", "2");
        add("A", "110201", "10");
        add("A", "110202", "20");
        add("A", "120101", "100");
        add("A", "120102", "200");
    }

    @Test
    void sumsAtEveryLevelWhenEveryCountyReported() {
        everyCountyReportsA();
        assertThat(total("A", "110100").total()).isEqualByComparingTo("3");
        assertThat(total("A", "110200").total()).isEqualByComparingTo("30");
        assertThat(total("A", "120100").total()).isEqualByComparingTo("300");
        assertThat(total("A", "110000").total()).isEqualByComparingTo("33");
        assertThat(total("A", "120000").total()).isEqualByComparingTo("300");
        CityTotal country = total("A", "100000");
        assertThat(country.total()).isEqualByComparingTo("333");
        assertThat(country.complete()).isTrue();
        assertThat(country.reported()).hasSize(6);
        assertThat(country.missing()).isEmpty();
        assertThat(country.regionCode()).isEqualTo("100000");
    }

    @Test
    void aMissingCountyMakesIncompleteOnlyTheRegionsAboveIt() {
        everyCountyReportsA();
        totals = new RegionTotals(registry);
        add("A", "110101", "1");
        add("A", "110102", "2");
        add("A", "110201", "10");
        add("A", "120101", "100");
        add("A", "120102", "200");
        assertThat(total("A", "110100").complete()).isTrue();
        assertThat(total("A", "120000").complete()).isTrue();
        CityTotal city = total("A", "110200");
        assertThat(city.complete()).isFalse();
        assertThat(city.total()).as("the partial sum").isEqualByComparingTo("10");
        assertThat(city.missing()).containsExactly("110202");
        CityTotal province = total("A", "110000");
        assertThat(province.complete()).isFalse();
        assertThat(province.total()).isEqualByComparingTo("13");
        assertThat(province.reported()).containsExactly("110101", "110102", "110201");
        assertThat(province.missing()).containsExactly("110202");
        CityTotal country = total("A", "100000");
        assertThat(country.complete()).isFalse();
        assertThat(country.total()).isEqualByComparingTo("313");
    }

    @Test
    void noCountyBelowARegionMeansNoDataThere() {
        add("A", "110101", "5");
        assertThat(total("A", "120000").noData()).isTrue();
        assertThat(total("A", "120000").missing()).containsExactly("120101", "120102");
        assertThat(total("A", "110000").noData()).isFalse();
    }

    @Test
    void ratiosComeFromTheComponentsSummedOverEachRegion() {
        everyCountyReportsA();
        add("B", "110101", "4");
        add("B", "110102", "4");
        add("B", "110201", "50");
        add("B", "110202", "10");
        add("B", "120101", "1000");
        add("B", "120102", "1000");
        // 110100: 3 / 8 * 100 = 37.5; averaging the county ratios would give (25 + 50) / 2 = 37.5 by chance, so check 110000
        assertThat(total("R", "110100").total()).isEqualByComparingTo("37.5");
        assertThat(total("R", "110200").total()).isEqualByComparingTo("50");
        // 110000: (3 + 30) / (8 + 60) * 100 = 48.529411…, not the mean of its cities' ratios (43.75)
        BigDecimal province = total("R", "110000").total();
        assertThat(province).isEqualByComparingTo(new BigDecimal("3300").divide(new BigDecimal("68"), province.scale(),
                RoundingMode.HALF_UP));
        assertThat(province.doubleValue()).isBetween(48.52, 48.53);
        // country: 333 / 2068 * 100
        assertThat(total("R", "100000").total().doubleValue()).isBetween(16.102, 16.103);
        assertThat(total("R", "100000").complete()).isTrue();
    }

    @Test
    void aRatioIsIncompleteWhereAComponentIsMissingBelow() {
        everyCountyReportsA();
        add("B", "110101", "4");
        add("B", "110102", "4");
        add("B", "120101", "1000");
        add("B", "120102", "1000");
        assertThat(total("R", "110100").complete()).isTrue();
        CityTotal province = total("R", "110000");
        assertThat(province.total()).isNull();
        assertThat(province.complete()).isFalse();
        assertThat(province.missing()).containsExactly("110201", "110202");
        assertThat(total("R", "120000").complete()).isTrue();
    }

    @Test
    void cityIndicatorsAreEachCitysOwnValue() {
        add("C", "110100", "7");
        assertThat(total("C", "110100").total()).isEqualByComparingTo("7");
        assertThat(total("C", "110200").noData()).isTrue();
        assertThat(total("C", "110000").noData()).as("not a city").isTrue();
    }

    @Test
    void theAggregatorGivesTheSameFromValuesInMemory() {
        everyCountyReportsA();
        Map<String, Map<String, BigDecimal>> accepted = Map.of("A", Map.of(
                "110101", BigDecimal.ONE, "110102", new BigDecimal("2"), "110201", BigDecimal.TEN));
        CityTotal t = new Aggregator(registry).total(catalog.get("A"), "110000", accepted);
        assertThat(t.total()).isEqualByComparingTo("13");
        assertThat(t.missing()).containsExactly("110202");
    }

    @Test
    void severalCitiesKeepOnlyPrintedPairsInCatalogOrder() {
        List<FigureKey> keys = Aggregator.keys(registry, catalog, List.of(new FigureKey("R", "100000"),
                new FigureKey("A", "120100"), new FigureKey("A", "110000")));
        assertThat(keys).containsExactly(new FigureKey("A", "110000"), new FigureKey("A", "120100"), new FigureKey("R", "100000"));
    }

    @Test
    void oneCityKeepsEveryIndicatorOfTheCity() {
        ReferenceData shipped = ReferenceData.load(Path.of("input/reference"));
        List<FigureKey> keys = Aggregator.keys(shipped.registry(), shipped.catalog(), List.of());
        assertThat(keys).hasSize(shipped.catalog().indicators().size()).allMatch(k -> k.regionCode().equals("150900"));
    }
}
