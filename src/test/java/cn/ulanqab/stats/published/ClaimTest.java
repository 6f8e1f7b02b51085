package cn.ulanqab.stats.published;

import java.util.Locale;
import cn.ulanqab.stats.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimTest {

    private static Claim claim(String text, String catalogUnit) {
        return Claim.of(PrintedFigureParser.parse(text), catalogUnit, ClaimSettings.defaults());
    }

    @ParameterizedTest(name = "{2} against {0} ({1}): holds = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            92.4%     | %  | 92.35    | true
            92.4%     | %  | 92.4499  | true
            92.4%     | %  | 92.45    | false
            92.4%     | %  | 92.3499  | false
            1.38万户   | 户 | 13750    | true
            1.38万户   | 户 | 13849    | true
            1.38万户   | 户 | 13850    | false
            1.38万户   | 户 | 13749.99 | false
            8685人     | 人 | 8684.5   | true
            8685人     | 人 | 8685.5   | false
            近千家     | 家 | 900      | true
            近千家     | 家 | 999      | true
            近千家     | 家 | 1000     | false
            近千家     | 家 | 899      | false
            超95%      | %  | 95       | false
            超95%      | %  | 95.01    | true
            破百万     | 件 | 1000000  | false
            破百万     | 件 | 1000001  | true
            千余家     | 家 | 1000     | false
            千余家     | 家 | 1001     | true
            20多个     | 个 | 20       | false
            20多个     | 个 | 21       | true
            6%以上     | %  | 5.5      | true
            6%以上     | %  | 5.49     | false
            6%以上     | %  | 100      | true
            不少于10个  | 个 | 9.5      | true
            不少于10个  | 个 | 9.4      | false
            约3万人     | 人 | 28500    | true
            约3万人     | 人 | 31500    | true
            约3万人     | 人 | 28499    | false
            约3万人     | 人 | 31501    | false
            3万人左右   | 人 | 31501    | false
            10个以下    | 个 | 0        | true
            10个以下    | 个 | 10.4     | true
            10个以下    | 个 | 10.5     | false
            10个以内    | 个 | 10.5     | false
            """)
    void holdsExactlyInsideItsBoundaries(String text, String catalogUnit, BigDecimal total, boolean holds) {
        assertThat(claim(text, catalogUnit).holds(total)).isEqualTo(holds);
    }

    @ParameterizedTest(name = "{0} ({1}): {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1.38万户   | 户 | 13750 ≤ t < 13850
            92.4%     | %  | 92.35 ≤ t < 92.45
            近千家     | 家 | 900 ≤ t < 1000
            破百万     | 件 | t > 1000000
            超95%      | %  | t > 95
            6%以上     | %  | t ≥ 5.5
            约3万人     | 人 | 28500 ≤ t ≤ 31500
            10个以下    | 个 | t < 10.5
            5.2亿元     | 万元 | 51500 ≤ t < 52500
            """)
    void describesTheAllowedRange(String text, String catalogUnit, String range) {
        assertThat(claim(text, catalogUnit).describe()).isEqualTo(range);
    }

    @ParameterizedTest(name = "{0} against {1} → v = {2}, h = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            5.2亿元       | 万元     | 52000     | 500
            8387万元      | 万元     | 8387      | 0.5
            34.7亿元      | 万元     | 347000    | 500
            1200元        | 万元     | 0.12      | 0.00005
            1.8亿元       | 亿元     | 1.8       | 0.05
            破百万        | 件       | 1000000   | 500000
            近2800万立方米 | 立方米   | 28000000  | 5000
            729.2千米     | 公里     | 729.2     | 0.05
            729.2公里     | 千米     | 729.2     | 0.05
            5.9平方千米    | 平方公里  | 5.9       | 0.05
            33.9万件      | 件       | 339000    | 500
            """)
    void convertsThePrintedValueToTheCatalogUnit(String text, String catalogUnit, BigDecimal value, BigDecimal halfUnit) {
        Claim claim = claim(text, catalogUnit);

        assertThat(claim.value()).isEqualByComparingTo(value);
        assertThat(claim.halfUnit()).isEqualByComparingTo(halfUnit);
    }

    /** The unit rule: a figure without a unit is in the catalog unit; a magnitude without a unit applies to its base. */
    @ParameterizedTest(name = "{0} without a unit against {1} → v = {2}, h = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            405287.26     | 万元     | 405287.26 | 0.005
            1.8亿         | 万元     | 18000     | 500
            1.38万        | 户       | 13800     | 50
            1.38万        | 万户     | 1.38      | 0.005
            8685          | 人       | 8685      | 0.5
            超95          | %        | 95        | 0.5
            近千          | 家       | 1000      | 500
            千余万        | 元       | 10000000  | 5000000
            破百万        | 万元     | 100       | 50
            约3万         | 吨       | 30000     | 5000
            """)
    void readsAFigureWithoutAUnitInTheCatalogUnit(String text, String catalogUnit, BigDecimal value, BigDecimal halfUnit) {
        Claim claim = claim(text, catalogUnit);

        assertThat(claim.value()).isEqualByComparingTo(value);
        assertThat(claim.halfUnit()).isEqualByComparingTo(halfUnit);
    }

    @Test
    void aBareNumberThatIsTheExactCountySumOfATenThousandYuanIndicatorMatchesIt() {
        Claim bare = claim("405287.26", "万元");

        assertThat(bare.holds(new BigDecimal("405287.26"))).isTrue();
        assertThat(bare.holds(new BigDecimal("40.528726"))).isFalse();
        // 超 with the unit read as 元 would claim t > 40.5 万元 and let 41 万元 pass
        assertThat(claim("超405287", "万元").holds(new BigDecimal("41"))).isFalse();
    }

    @ParameterizedTest(name = "{0} does not fit {1}")
    @CsvSource(delimiter = '|', textBlock = """
            184万斤       | 吨   | 斤 | 吨
            23微克/立方米  | 吨   | 微克/立方米 | 吨
            5.2亿元       | 亩   | 元 | 亩
            0.5个百分点    | %    | 个百分点 | %
            """)
    void rejectsAPrintedUnitThatDoesNotFitTheCatalogUnitNamingBoth(String text, String catalogUnit,
                                                                 String printedBase, String catalogBase) {
        assertThatThrownBy(() -> claim(text, catalogUnit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + printedBase + "'")
                .hasMessageContaining("'" + catalogUnit + "'")
                .hasMessageContaining(catalogBase);
    }

    @ParameterizedTest(name = "partial {2} against {0}: exceeded = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            1.38万户   | 户 | 13849   | false
            1.38万户   | 户 | 13850   | true
            1.38万户   | 户 | 100     | false
            近千家     | 家 | 999     | false
            近千家     | 家 | 1000    | true
            约3万人     | 人 | 31500   | false
            约3万人     | 人 | 31501   | true
            10个以下    | 个 | 10.5    | true
            超95%      | %  | 1000    | false
            6%以上     | %  | 1000    | false
            """)
    void isExceededOnlyByATotalAboveWhatItAllows(String text, String catalogUnit, BigDecimal partial, boolean exceeded) {
        assertThat(claim(text, catalogUnit).exceededBy(partial)).isEqualTo(exceeded);
    }

    @Test
    void readsNearlyAThousandAsNinetyPercentBand() {
        Claim claim = claim("近千家", "家");

        assertThat(claim.qualifier()).isEqualTo(Qualifier.NEARLY);
        assertThat(claim.lower()).isEqualByComparingTo("900");
        assertThat(claim.lowerInclusive()).isTrue();
        assertThat(claim.upper()).isEqualByComparingTo("1000");
        assertThat(claim.upperInclusive()).isFalse();
    }

    @Test
    void usesTheConfiguredBandAndTolerance() {
        ClaimSettings settings = new ClaimSettings(new BigDecimal("0.2"), new BigDecimal("0.1"));

        Claim nearly = Claim.of(PrintedFigureParser.parse("近千家"), "家", settings);
        Claim about = Claim.of(PrintedFigureParser.parse("约3万人"), "人", settings);

        assertThat(nearly.holds(new BigDecimal("800"))).isTrue();
        assertThat(nearly.holds(new BigDecimal("799"))).isFalse();
        assertThat(about.holds(new BigDecimal("33000"))).isTrue();
        assertThat(about.holds(new BigDecimal("33001"))).isFalse();
    }

    @Test
    void defaultsToATenPercentBandAndFivePercentTolerance() {
        assertThat(ClaimSettings.defaults().nearlyBand()).isEqualByComparingTo("0.10");
        assertThat(ClaimSettings.defaults().aboutTolerance()).isEqualByComparingTo("0.05");
    }

    @Test
    void rejectsABandOfOneOrMore() {
        assertThatThrownBy(() -> new ClaimSettings(BigDecimal.ONE, new BigDecimal("0.05")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("reconciliation.claims.nearly-band=1: the band for 近 must be at least 0"
                            + " and below 1, not 1. Fix: write a fraction at least 0 and below 1, e.g. reconciliation.claims.nearly-band=0.10");
                    assertThat(e.worded(Locale.CHINESE)).isEqualTo("reconciliation.claims.nearly-band=1：“近”的区间须不小于 0 且小于 1，"
                            + "现为 1。修正方法：请填写不小于 0 且小于 1 的小数，如 reconciliation.claims.nearly-band=0.10");
                });
        assertThatThrownBy(() -> new ClaimSettings(new BigDecimal("0.10"), new BigDecimal("-0.01")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("reconciliation.claims.about-tolerance=-0.01: ");
    }
}
