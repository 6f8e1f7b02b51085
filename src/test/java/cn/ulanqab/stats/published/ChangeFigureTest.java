package cn.ulanqab.stats.published;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Change figures: the verb says the kind and direction, the rest reads as a level in % or 个百分点. */
class ChangeFigureTest {

    private static final ClaimSettings SETTINGS = ClaimSettings.defaults();

    @Test
    void readsAGrowthWithItsVerbAndDigits() {
        PrintedFigure f = PrintedFigureParser.parse("增长33.4%");
        assertThat(f.kind()).isEqualTo(ClaimKind.GROWTH);
        assertThat(f.verb()).isEqualTo("增长");
        assertThat(f.down()).isFalse();
        assertThat(f.number()).isEqualByComparingTo("33.4");
        assertThat(f.decimals()).isEqualTo(1);
        assertThat(f.unit()).isEqualTo("%");
        assertThat(f.qualifier()).isEqualTo(Qualifier.EXACT);
        assertThat(PrintedFigureParser.parse("提高34.4%").kind()).isEqualTo(ClaimKind.GROWTH);
        assertThat(PrintedFigureParser.parse("提升5%").kind()).isEqualTo(ClaimKind.GROWTH);
    }

    @Test
    void readsADeclineForEachVerbThatSaysItFell() {
        for (String verb : new String[]{"下降", "减少", "压减"}) {
            PrintedFigure f = PrintedFigureParser.parse(verb + "63.2%");
            assertThat(f.kind()).as(verb).isEqualTo(ClaimKind.DECLINE);
            assertThat(f.down()).as(verb).isTrue();
        }
    }

    @Test
    void readsAPointChangeUpOrDown() {
        PrintedFigure up = PrintedFigureParser.parse("提高23.4个百分点");
        assertThat(up.kind()).isEqualTo(ClaimKind.POINT_CHANGE);
        assertThat(up.unit()).isEqualTo("个百分点");
        assertThat(up.down()).isFalse();
        assertThat(PrintedFigureParser.parse("提升4.5个百分点").kind()).isEqualTo(ClaimKind.POINT_CHANGE);
        PrintedFigure down = PrintedFigureParser.parse("下降1.2个百分点");
        assertThat(down.kind()).isEqualTo(ClaimKind.POINT_CHANGE);
        assertThat(down.down()).isTrue();
    }

    @Test
    void aQualifierAfterTheVerbAppliesToTheChange() {
        PrintedFigure f = PrintedFigureParser.parse("增长6%以上");
        assertThat(f.qualifier()).isEqualTo(Qualifier.AT_LEAST);
        Claim claim = Claim.of(f, "万元", SETTINGS);
        assertThat(claim.describe(ClaimKind.GROWTH.symbol())).isEqualTo("g ≥ 5.5");
        assertThat(PrintedFigureParser.parse("增长约5%").qualifier()).isEqualTo(Qualifier.ABOUT);
        assertThat(PrintedFigureParser.parse("下降近10%").qualifier()).isEqualTo(Qualifier.NEARLY);
    }

    @Test
    void aLevelInPercentStaysALevel() {
        PrintedFigure f = PrintedFigureParser.parse("超95%");
        assertThat(f.kind()).isEqualTo(ClaimKind.LEVEL);
        assertThat(f.verb()).isEmpty();
    }

    @Test
    void refusesAChangeInAnyOtherUnit() {
        assertThatThrownBy(() -> PrintedFigureParser.parse("增长5000人")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a change is printed in % (relative to last year) or 个百分点");
        assertThatThrownBy(() -> PrintedFigureParser.parse("增长2.4倍")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrintedFigureParser.parse("增长")).hasMessageContaining("no change after it");
        assertThatThrownBy(() -> PrintedFigureParser.parse("减少3个百分点")).hasMessageContaining("提高, 提升 or 下降");
        assertThatThrownBy(() -> PrintedFigureParser.parse("增长1万%")).hasMessageContaining("magnitude");
    }

    @Test
    void aPointChangeNeedsARateIndicator() {
        PrintedFigure f = PrintedFigureParser.parse("提高23.4个百分点");
        assertThatThrownBy(() -> Claim.of(f, "万元", SETTINGS)).hasMessageContaining("not %");
        assertThat(Claim.of(f, "%", SETTINGS).describe("p")).isEqualTo("23.35 ≤ p < 23.45");
    }

    @Test
    void aRelativeChangeIsInPercentWhateverTheCatalogUnit() {
        Claim claim = Claim.of(PrintedFigureParser.parse("增长33.4%"), "万元", SETTINGS);
        assertThat(claim.value()).isEqualByComparingTo("33.4");
        assertThat(claim.halfUnit()).isEqualByComparingTo("0.05");
    }

    @Test
    void aGrowthClaimOnTheTotalIsTheBaseTimesOnePlusTheBounds() {
        Claim onTotal = Claim.of(PrintedFigureParser.parse("增长33.4%"), "万元", SETTINGS).onTotal(ClaimKind.GROWTH, new BigDecimal("1000"), false);
        assertThat(onTotal.lower()).isEqualByComparingTo("1333.5");
        assertThat(onTotal.lowerInclusive()).isTrue();
        assertThat(onTotal.upper()).isEqualByComparingTo("1334.5");
        assertThat(onTotal.upperInclusive()).isFalse();
        assertThat(onTotal.holds(new BigDecimal("1333.5"))).isTrue();
        assertThat(onTotal.holds(new BigDecimal("1334.5"))).isFalse();
    }

    @Test
    void aDeclineSwapsTheBoundsOnTheTotal() {
        // 压减63.2%: 63.15 ≤ d < 63.25, so from b = 1000 the total is 367.5 < t ≤ 368.5
        Claim onTotal = Claim.of(PrintedFigureParser.parse("压减63.2%"), "件", SETTINGS).onTotal(ClaimKind.DECLINE, new BigDecimal("1000"), true);
        assertThat(onTotal.lower()).isEqualByComparingTo("367.5");
        assertThat(onTotal.lowerInclusive()).isFalse();
        assertThat(onTotal.upper()).isEqualByComparingTo("368.5");
        assertThat(onTotal.upperInclusive()).isTrue();
        assertThat(onTotal.holds(new BigDecimal("368.5"))).isTrue();
        assertThat(onTotal.holds(new BigDecimal("367.5"))).isFalse();
    }

    @Test
    void computesTheChangeInThePrintedDirection() {
        assertThat(ClaimKind.GROWTH.change(new BigDecimal("1334"), new BigDecimal("1000"), false)).isEqualByComparingTo("33.4");
        assertThat(ClaimKind.GROWTH.change(new BigDecimal("979"), new BigDecimal("1000"), false)).isEqualByComparingTo("-2.1");
        assertThat(ClaimKind.DECLINE.change(new BigDecimal("368"), new BigDecimal("1000"), true)).isEqualByComparingTo("63.2");
        assertThat(ClaimKind.POINT_CHANGE.change(new BigDecimal("53.4"), new BigDecimal("48.9"), false)).isEqualByComparingTo("4.5");
        assertThat(ClaimKind.POINT_CHANGE.change(new BigDecimal("48.9"), new BigDecimal("53.4"), true)).isEqualByComparingTo("4.5");
        // a third: at least 32 correct digits, far beyond a binary fraction's 16
        BigDecimal third = new BigDecimal("100").divide(new BigDecimal("3"), new MathContext(50));
        assertThat(ClaimKind.GROWTH.change(new BigDecimal("4"), new BigDecimal("3"), false).subtract(third).abs())
                .isLessThan(new BigDecimal("1E-30"));
    }

    @Test
    void writesTheComputedChangeWithThePrintedVerbAndDigits() {
        PrintedFigure growth = PrintedFigureParser.parse("增长33.4%以上");
        assertThat(AsPrinted.change(growth, new BigDecimal("35.06"))).isEqualTo("增长35.1%");
        assertThat(AsPrinted.change(growth, new BigDecimal("-2.05"))).isEqualTo("增长-2.1%");
        assertThat(AsPrinted.change(PrintedFigureParser.parse("提升4.5个百分点"), new BigDecimal("4.449"))).isEqualTo("提升4.4个百分点");
        assertThat(AsPrinted.change(PrintedFigureParser.parse("压减63%"), new BigDecimal("63.5"))).isEqualTo("压减64%");
    }

    @Test
    void aLevelAndAChangeNeverSayTheSame() {
        assertThat(PrintedFigureParser.parse("增长5%").saysTheSameAs(PrintedFigureParser.parse("5%"), "%")).isFalse();
        assertThat(PrintedFigureParser.parse("增长5%").saysTheSameAs(PrintedFigureParser.parse("提高5%"), "%")).isFalse();
        assertThat(PrintedFigureParser.parse("增长5%").saysTheSameAs(PrintedFigureParser.parse("增长 5%"), "%")).isTrue();
    }
}
