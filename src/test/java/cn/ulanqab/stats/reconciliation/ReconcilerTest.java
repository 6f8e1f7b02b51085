package cn.ulanqab.stats.reconciliation;

import java.math.MathContext;
import cn.ulanqab.stats.aggregation.Aggregator;
import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.Claim;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.published.PrintedFigure;
import cn.ulanqab.stats.published.PrintedFigureParser;
import cn.ulanqab.stats.published.PublishedFigure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest {

    private static final ReferenceData REFERENCE = ReferenceData.load(Path.of("input/reference"));
    private static final Registry REGISTRY = REFERENCE.registry();
    private static final Catalog CATALOG = REFERENCE.catalog();
    private static final List<String> COUNTIES = REGISTRY.countyCodes();

    private final Reconciler reconciler = new Reconciler(REGISTRY);
    private final Map<String, Map<String, BigDecimal>> accepted = new HashMap<>();

    static PublishedFigure figure(Indicator indicator, String text) {
        PrintedFigure printed = PrintedFigureParser.parse(text);
        Claim claim = Claim.of(printed, indicator.unit(), ClaimSettings.defaults());
        return new PublishedFigure(indicator.code(), "2023", text, "section", "quote " + text, printed, claim);
    }

    /** Ten counties share {@code rest} equally-ish; the last county reports {@code last} (null: missing). */
    private void counties(String indicator, String rest, String last) {
        Map<String, BigDecimal> values = accepted.computeIfAbsent(indicator, k -> new HashMap<>());
        BigDecimal share = new BigDecimal(rest).divide(BigDecimal.TEN);
        for (String c : COUNTIES.subList(0, 10)) {
            values.put(c, share);
        }
        if (last != null) {
            values.put(COUNTIES.get(10), new BigDecimal(last));
        }
    }

    private ReconciliationLine reconcile(String code, String printed) {
        Indicator indicator = CATALOG.get(code);
        CityTotal total = new Aggregator(REGISTRY).total(indicator, accepted);
        return reconciler.reconcile(indicator, total, printed == null ? null : figure(indicator, printed),
                accepted.getOrDefault(code, Map.of()), Map.of(), List.of());
    }

    @Test
    void matchesACompleteTotalInsideTheClaim() {
        counties("MONITORED_HOUSEHOLDS", "12000", "1812");
        ReconciliationLine line = reconcile("MONITORED_HOUSEHOLDS", "1.38万户");
        assertThat(line.status()).isEqualTo(Status.MATCH);
        assertThat(line.cityTotal()).isEqualByComparingTo("13812");
        assertThat(line.publishedValue()).isEqualByComparingTo("13800");
        assertThat(line.difference()).isEqualByComparingTo("12");
        assertThat(line.asPrinted()).isEqualTo("1.38万户");
        assertThat(line.countiesReported()).isEqualTo(11);
        assertThat(line.missingCounties()).isEmpty();
        assertThat(line.publishedText()).isEqualTo("1.38万户");
    }

    @Test
    void mismatchesACompleteTotalOutsideTheClaim() {
        counties("MONITORED_HOUSEHOLDS", "12000", "1912");
        ReconciliationLine line = reconcile("MONITORED_HOUSEHOLDS", "1.38万户");
        assertThat(line.status()).isEqualTo(Status.MISMATCH);
        assertThat(line.cityTotal()).isEqualByComparingTo("13912");
        assertThat(line.asPrinted()).isEqualTo("1.39万户");
        assertThat(line.difference()).isEqualByComparingTo("112");
        assertThat(line.causes()).first().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Cause.Kind.OUTSIDE_CLAIM);
            assertThat(c.value()).isEqualByComparingTo("13912");
        });
    }

    @Test
    void givesRelativeDifferenceToSixDecimals() {
        counties("MONITORED_HOUSEHOLDS", "12000", "1912");
        ReconciliationLine line = reconcile("MONITORED_HOUSEHOLDS", "1.38万户");
        // 112 / 13800 = 0.0081159…
        assertThat(line.relativeDifference()).isEqualTo(new BigDecimal("0.008116"));
        assertThat(Numbers.fraction(line.relativeDifference())).isEqualTo("0.008116");
    }

    @Test
    void keepsTwoSignificantDigitsOfARelativeDifferenceTooSmallForSixDecimals() {
        counties("HEATING_GAS_PIPELINES", "700", "29.20001");
        ReconciliationLine line = reconcile("HEATING_GAS_PIPELINES", "729.2公里");
        assertThat(line.difference()).isEqualByComparingTo("0.00001");
        assertThat(Numbers.fraction(line.relativeDifference())).as("0.00001 / 729.2").isEqualTo("0.000000014");
        assertThat(Numbers.fraction(new BigDecimal("-0.040").divide(new BigDecimal("516736.44"), new MathContext(2))))
                .isEqualTo("-0.000000077");
        assertThat(Numbers.fraction(new BigDecimal("0.0000004"))).isEqualTo("0.0000004");
        assertThat(Numbers.fraction(BigDecimal.ZERO.setScale(6))).isEqualTo("0.000000");
        assertThat(Numbers.fraction(new BigDecimal("0.0000005"))).as("six decimals when they show it").isEqualTo("0.000001");
    }

    @Test
    void givesNegativeRelativeDifferenceToSixDecimals() {
        counties("URBAN_NEW_JOBS", "8000", "650");
        ReconciliationLine line = reconcile("URBAN_NEW_JOBS", "8685人");
        assertThat(line.status()).isEqualTo(Status.MISMATCH);
        assertThat(line.difference()).isEqualByComparingTo("-35");
        assertThat(Numbers.fraction(line.relativeDifference())).isEqualTo("-0.004030");
    }

    @Test
    void incompleteWhenAPartialSumIsBelowTheClaim() {
        counties("MONITORED_HOUSEHOLDS", "12000", null);
        ReconciliationLine line = reconcile("MONITORED_HOUSEHOLDS", "1.38万户");
        assertThat(line.status()).isEqualTo(Status.INCOMPLETE);
        assertThat(line.cityTotal()).isEqualByComparingTo("12000");
        assertThat(line.countiesReported()).isEqualTo(10);
        assertThat(line.missingCounties()).containsExactly(COUNTIES.get(10));
        assertThat(line.causes()).extracting(Cause::kind).containsExactly(Cause.Kind.WAITING);
        assertThat(line.causes().get(0).value()).isEqualByComparingTo("12000");
    }

    @Test
    void incompleteWhenThePartialSumAlreadyMeetsTheClaim() {
        counties("MONITORED_HOUSEHOLDS", "13800", null);
        assertThat(reconcile("MONITORED_HOUSEHOLDS", "1.38万户").status()).isEqualTo(Status.INCOMPLETE);
    }

    @Test
    void mismatchWhenAnIncompleteSumAlreadyExceedsTheUpperBound() {
        counties("MONITORED_HOUSEHOLDS", "13850", null); // the claim allows t < 13850
        ReconciliationLine line = reconcile("MONITORED_HOUSEHOLDS", "1.38万户");
        assertThat(line.status()).isEqualTo(Status.MISMATCH);
        assertThat(line.cityTotal()).isEqualByComparingTo("13850");
        assertThat(line.missingCounties()).containsExactly(COUNTIES.get(10));
    }

    @Test
    void incompleteSumAgainstAnOpenEndedClaimStaysIncomplete() {
        counties("TECH_INCUBATORS", "5000", null);
        assertThat(reconcile("TECH_INCUBATORS", "千余家").status()).isEqualTo(Status.INCOMPLETE);
    }

    @Test
    void noDataWhenNobodyReported() {
        ReconciliationLine line = reconcile("MONITORED_HOUSEHOLDS", "1.38万户");
        assertThat(line.status()).isEqualTo(Status.NO_DATA);
        assertThat(line.cityTotal()).isNull();
        assertThat(line.difference()).isNull();
        assertThat(line.relativeDifference()).isNull();
        assertThat(line.asPrinted()).isNull();
        assertThat(line.publishedValue()).isEqualByComparingTo("13800");
        assertThat(line.countiesReported()).isZero();
    }

    @Test
    void unpublishedWhenNoFigureIsPrinted() {
        counties("MONITORED_HOUSEHOLDS", "12000", "1812");
        ReconciliationLine line = reconcile("MONITORED_HOUSEHOLDS", null);
        assertThat(line.status()).isEqualTo(Status.UNPUBLISHED);
        assertThat(line.cityTotal()).isEqualByComparingTo("13812");
        assertThat(line.publishedValue()).isNull();
        assertThat(line.difference()).isNull();
        assertThat(line.relativeDifference()).isNull();
        assertThat(line.asPrinted()).isNull();
    }

    @Test
    void unpublishedEvenWithoutData() {
        assertThat(reconcile("MONITORED_HOUSEHOLDS", null).status()).isEqualTo(Status.UNPUBLISHED);
    }

    @Test
    void roundsHalfUpToThePrintedPercentage() {
        accepted.put("HOTLINE_RESOLUTION_RATE", Map.of("150900", new BigDecimal("92.35")));
        ReconciliationLine line = reconcile("HOTLINE_RESOLUTION_RATE", "92.4%");
        assertThat(line.status()).isEqualTo(Status.MATCH);
        assertThat(line.asPrinted()).isEqualTo("92.4%");
    }

    @Test
    void cityValueJustBelowTheRoundingBoundaryMismatches() {
        accepted.put("HOTLINE_RESOLUTION_RATE", Map.of("150900", new BigDecimal("92.3499")));
        assertThat(reconcile("HOTLINE_RESOLUTION_RATE", "92.4%").status()).isEqualTo(Status.MISMATCH);
    }

    @Test
    void incompleteRatioBoundsNothing() {
        COUNTIES.forEach(c -> {
            accepted.computeIfAbsent("PETITION_CASES_RESOLVED", k -> new HashMap<>()).put(c, new BigDecimal("1000"));
            accepted.computeIfAbsent("PETITION_CASES_ASSIGNED", k -> new HashMap<>()).put(c, new BigDecimal("1"));
        });
        accepted.get("PETITION_CASES_ASSIGNED").remove(COUNTIES.get(3));
        ReconciliationLine line = reconcile("PETITION_RESOLUTION_RATE", "99.6%");
        assertThat(line.status()).isEqualTo(Status.INCOMPLETE);
        assertThat(line.cityTotal()).isNull();
        assertThat(line.missingCounties()).containsExactly(COUNTIES.get(3));
    }

    @Test
    void ratioWithZeroDenominatorIsIncomplete() {
        COUNTIES.forEach(c -> {
            accepted.computeIfAbsent("PETITION_CASES_RESOLVED", k -> new HashMap<>()).put(c, BigDecimal.ZERO);
            accepted.computeIfAbsent("PETITION_CASES_ASSIGNED", k -> new HashMap<>()).put(c, BigDecimal.ZERO);
        });
        assertThat(reconcile("PETITION_RESOLUTION_RATE", "99.6%").status()).isEqualTo(Status.INCOMPLETE);
    }

    @Test
    void completeRatioIsCompared() {
        COUNTIES.forEach(c -> {
            accepted.computeIfAbsent("PETITION_CASES_RESOLVED", k -> new HashMap<>()).put(c, new BigDecimal("996"));
            accepted.computeIfAbsent("PETITION_CASES_ASSIGNED", k -> new HashMap<>()).put(c, new BigDecimal("1000"));
        });
        ReconciliationLine line = reconcile("PETITION_RESOLUTION_RATE", "99.6%");
        assertThat(line.status()).isEqualTo(Status.MATCH);
        assertThat(line.cityTotal()).isEqualByComparingTo("99.6");
    }

    @Test
    void nearlyAThousandAsPrinted() {
        counties("TECH_INCUBATORS", "900", "68");
        ReconciliationLine line = reconcile("TECH_INCUBATORS", "近千家");
        assertThat(line.status()).isEqualTo(Status.MATCH);
        assertThat(line.asPrinted()).isEqualTo("968家");
    }

    @Test
    void mismatchHintCarriesTheDiagnosis() {
        counties("MEAT_OUTPUT", "1714000", "12.6");
        ReconciliationLine line = reconcile("MEAT_OUTPUT", "184万吨");
        assertThat(line.status()).isEqualTo(Status.MISMATCH);
        assertThat(line.causes()).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Cause.Kind.UNIT_SLIP);
            assertThat(c.county()).isEqualTo(COUNTIES.get(10));
            assertThat(c.factor()).isEqualByComparingTo("10000");
        });
        assertThat(line.namedCounty()).contains(COUNTIES.get(10));
    }

    @Test
    void keepsRejectionNotesInTheHint() {
        Indicator indicator = CATALOG.get("MONITORED_HOUSEHOLDS");
        counties("MONITORED_HOUSEHOLDS", "12000", null);
        CityTotal total = new Aggregator(REGISTRY).total(indicator, accepted);
        ReconciliationLine line = reconciler.reconcile(indicator, total, figure(indicator, "1.38万户"), Map.of(),
                Map.of(), List.of(new Cause(Cause.Kind.REJECTED_ROW, "150981", "150981.csv", 7, "NOT_A_NUMBER", "x", null,
                        null, null, null)));
        assertThat(line.causes()).last().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Cause.Kind.REJECTED_ROW);
            assertThat(c.file()).isEqualTo("150981.csv");
            assertThat(c.line()).isEqualTo(7);
        });
        assertThat(line.causeNames("150981")).isTrue();
    }

    @Test
    void statusesThatAreFindings() {
        assertThat(Status.MATCH.isFinding()).isFalse();
        assertThat(Status.UNPUBLISHED.isFinding()).isFalse();
        assertThat(Status.MISMATCH.isFinding()).isTrue();
        assertThat(Status.INCOMPLETE.isFinding()).isTrue();
        assertThat(Status.NO_DATA.isFinding()).isTrue();
    }
}
