package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.Claim;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.published.PrintedFigureParser;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosisTest {

    private static final ReferenceData REFERENCE = ReferenceData.load(Path.of("input/reference"));
    private static final Registry REGISTRY = REFERENCE.registry();
    private static final List<String> COUNTIES = REGISTRY.countyCodes();

    private static Claim claim(String text, Indicator indicator) {
        return Claim.of(PrintedFigureParser.parse(text), indicator.unit(), ClaimSettings.defaults());
    }

    /** Ten counties share {@code rest}; the one of {@code code} reports {@code odd}. */
    private static Map<String, BigDecimal> values(String rest, String code, String odd) {
        Map<String, BigDecimal> values = new HashMap<>();
        List<String> others = COUNTIES.stream().filter(c -> !c.equals(code)).toList();
        BigDecimal share = new BigDecimal(rest).divide(BigDecimal.TEN);
        others.forEach(c -> values.put(c, share));
        values.put(code, new BigDecimal(odd));
        return values;
    }

    private static BigDecimal sum(Map<String, BigDecimal> values) {
        return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void namesAUnitSlipOfTenThousand() {
        Indicator meat = REFERENCE.catalog().get("MEAT_OUTPUT");
        // 184万吨 = 1,840,000 t; 卓资县 wrote 12.6 (万吨) where 126,000 t was meant
        Map<String, BigDecimal> values = values("1714000", "150921", "12.6");
        Claim claim = claim("184万吨", meat);
        assertThat(claim.holds(sum(values))).isFalse();
        List<Cause> causes = Diagnosis.explain(REGISTRY, meat, claim, sum(values), values, Map.of());
        assertThat(causes).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Cause.Kind.UNIT_SLIP);
            assertThat(c.county()).isEqualTo("150921");
            assertThat(c.value()).isEqualByComparingTo("12.6");
            assertThat(c.factor()).isEqualByComparingTo("10000");
            assertThat(c.closing()).isEqualByComparingTo("126000");
        });
    }

    @Test
    void namesTransposedDigits() {
        Indicator jobs = REFERENCE.catalog().get("URBAN_NEW_JOBS");
        Map<String, BigDecimal> values = values("7970", "150981", "172");
        values.put(COUNTIES.get(0), values.get(COUNTIES.get(0)).add(new BigDecimal("3"))); // others sum to 7973
        Claim claim = claim("8685人", jobs);
        BigDecimal total = sum(values);
        assertThat(total).isEqualByComparingTo("8145");
        List<Cause> causes = Diagnosis.explain(REGISTRY, jobs, claim, total, values, Map.of());
        assertThat(causes).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Cause.Kind.DIGITS_SWAPPED);
            assertThat(c.county()).isEqualTo("150981");
            assertThat(c.value()).isEqualByComparingTo("172");
            assertThat(c.closing()).isEqualByComparingTo("712");
        });
    }

    @Test
    void namesACountyLeftOut() {
        Indicator jobs = REFERENCE.catalog().get("URBAN_NEW_JOBS");
        Map<String, BigDecimal> values = values("8680", "150929", "2000");
        List<Cause> causes = Diagnosis.explain(REGISTRY, jobs, claim("8680人", jobs), sum(values), values, Map.of());
        assertThat(causes).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Cause.Kind.COUNTED_TWICE);
            assertThat(c.county()).isEqualTo("150929");
        });
    }

    @Test
    void saysSoWhenNothingExplainsTheGap() {
        Indicator jobs = REFERENCE.catalog().get("URBAN_NEW_JOBS");
        Map<String, BigDecimal> values = new HashMap<>();
        COUNTIES.forEach(c -> values.put(c, new BigDecimal("100")));
        List<Cause> causes = Diagnosis.explain(REGISTRY, jobs, claim("8685人", jobs), sum(values), values, Map.of());
        assertThat(causes).extracting(Cause::kind).containsExactly(Cause.Kind.UNEXPLAINED);
    }

    @Test
    void listsEverySwapOfAdjacentDifferingDigits() {
        assertThat(Diagnosis.adjacentSwaps(new BigDecimal("172")))
                .extracting(BigDecimal::toPlainString).containsExactly("712", "127");
        assertThat(Diagnosis.adjacentSwaps(new BigDecimal("1.25")))
                .extracting(BigDecimal::toPlainString).containsExactly("1.52");
        assertThat(Diagnosis.adjacentSwaps(new BigDecimal("111"))).isEmpty();
    }

    @Test
    void namesAResubmissionWhoseEarlierVersionWouldHaveMatched() {
        Indicator milk = REFERENCE.catalog().get("MILK_OUTPUT");
        // 43.3万吨 printed; 察右后旗's resubmission dropped a digit: 4493.33 where the first file had 44933.3
        Map<String, BigDecimal> values = values("388066.7", "150928", "4493.33");
        Claim claim = claim("43.3万吨", milk);
        assertThat(claim.holds(sum(values))).isFalse();
        List<Cause> causes = Diagnosis.explain(REGISTRY, milk, claim, sum(values), values,
                Map.of("150928", new Diagnosis.EarlierValue("150928.csv", new BigDecimal("44933.3"))));
        assertThat(causes).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Cause.Kind.RESUBMISSION);
            assertThat(c.county()).isEqualTo("150928");
            assertThat(c.file()).isEqualTo("150928.csv");
            assertThat(c.closing()).isEqualByComparingTo("44933.3");
        });
    }

    @Test
    void pointsAtTheRoundingEdgeWhenOnlyRoundingSeparatesThem() {
        Indicator households = REFERENCE.catalog().get("MONITORED_HOUSEHOLDS");
        Claim claim = claim("1.38万户", households);
        // 13,887 rounds to 1.39万: within one printed digit (100) of the claim's upper bound 13,850
        Map<String, BigDecimal> values = values("11110", "150902", "2777");
        List<Cause> causes = Diagnosis.explain(REGISTRY, households, claim, sum(values), values, Map.of());
        assertThat(causes).extracting(Cause::kind).containsExactly(Cause.Kind.ROUNDING_EDGE);
    }

    @Test
    void blamesThePrintedUnitAndNoCountyWhenTheTotalTimesAPowerOfTenFits() {
        Indicator households = REFERENCE.catalog().get("MONITORED_HOUSEHOLDS");
        // the counties add up to 13,812 户 exactly; the figure was printed as 1.38 where 1.38万 was meant
        Claim claim = claim("1.38户", households);
        Map<String, BigDecimal> values = values("12000", "150902", "1812");
        List<Cause> causes = Diagnosis.explain(REGISTRY, households, claim, sum(values), values, Map.of());
        assertThat(causes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Cause.Kind.PUBLISHED_UNIT);
            assertThat(c.county()).isNull();
            assertThat(c.factor()).isEqualByComparingTo("0.0001");
            assertThat(c.closing()).isEqualByComparingTo("1.3812");
        });
        assertThat(causes).noneMatch(Cause::namesCounty);
    }
}
