package cn.ulanqab.stats.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class RatioFormulaTest {

    @Test
    void parsesNumeratorDenominatorAndFactor() {
        RatioFormula f = RatioFormula.parse("CHILDCARE_SLOTS / RESIDENT_POPULATION * 1000").orElseThrow();
        assertThat(f.numerator()).isEqualTo("CHILDCARE_SLOTS");
        assertThat(f.denominator()).isEqualTo("RESIDENT_POPULATION");
        assertThat(f.factor()).isEqualByComparingTo("1000");
        assertThat(f).hasToString("CHILDCARE_SLOTS / RESIDENT_POPULATION * 1000");
    }

    @Test
    void parsesAPlainQuotientWithFactorOne() {
        RatioFormula f = RatioFormula.parse("A / B").orElseThrow();
        assertThat(f.numerator()).isEqualTo("A");
        assertThat(f.denominator()).isEqualTo("B");
        assertThat(f.factor()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(f).hasToString("A / B");
    }

    @Test
    void toleratesMissingOrExtraBlanks() {
        assertThat(RatioFormula.parse("A/B*100")).contains(new RatioFormula("A", "B", new BigDecimal("100")));
        assertThat(RatioFormula.parse("  A  /  B  *  2.5  ")).contains(new RatioFormula("A", "B", new BigDecimal("2.5")));
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @NullAndEmptySource
    @ValueSource(strings = {"A", "A * 1000 / B", "A / B / C", "A + B", "a / b", "A / B * -1", "A / B *",
            "A / B * 1e3", "(A / B) * 1000", "A / B * 1000 * 2", "1000 * A / B", "A / 7B", "A / B * 1,000"})
    void rejectsOtherShapes(String text) {
        assertThat(RatioFormula.parse(text)).isEmpty();
    }

    @Test
    void appliesTheFactorToTheRatioOfSums() {
        RatioFormula f = RatioFormula.parse("A / B * 1000").orElseThrow();
        assertThat(f.apply(new BigDecimal("600"), new BigDecimal("1100000")).orElseThrow())
                .isEqualByComparingTo("0.5454545454545454545454545454545455");
        assertThat(f.apply(new BigDecimal("3"), new BigDecimal("1000")).orElseThrow()).isEqualByComparingTo("3");
    }

    @Test
    void zeroDenominatorGivesNothing() {
        assertThat(RatioFormula.parse("A / B").orElseThrow().apply(BigDecimal.ONE, new BigDecimal("0.00"))).isEmpty();
    }
}
