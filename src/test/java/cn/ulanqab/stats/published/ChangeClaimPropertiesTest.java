package cn.ulanqab.stats.published;

import cn.ulanqab.stats.testing.Property;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The claim table applied to change figures, on 1,500 generated ones: every verb, % or 个百分点, every qualifier word a
 * change is printed with, 0–2 decimals, bases with and without decimals. The test writes each figure from parts it chose,
 * computes the change of each total from the base with its own arithmetic (50 digits, straight from the formulas of the
 * issue: (t ÷ b − 1) × 100, (1 − t ÷ b) × 100, t − b, b − t) and judges it by the claim table; the claim on the total
 * that the job checks ({@link Claim#onTotal}) must agree on totals placed on each bound, a hair inside and outside it,
 * and far off.
 */
class ChangeClaimPropertiesTest {

    static final BigDecimal BAND = ClaimPropertiesTest.BAND;
    static final BigDecimal TOLERANCE = ClaimPropertiesTest.TOLERANCE;
    static final MathContext FIFTY = new MathContext(50);
    static final BigDecimal HUNDRED = new BigDecimal("100");

    record Verb(String text, boolean percent, boolean points, int sign) {
    }

    /** sign: +1 when the change grows with t, −1 when it falls with t. */
    static final List<Verb> VERBS = List.of(new Verb("增长", true, false, 1), new Verb("提高", true, true, 1),
            new Verb("提升", true, true, 1), new Verb("下降", true, true, -1), new Verb("减少", true, false, -1),
            new Verb("压减", true, false, -1));

    record Word(String text, Qualifier qualifier, boolean prefix) {
    }

    static final List<Word> WORDS = List.of(new Word("", Qualifier.EXACT, true), new Word("近", Qualifier.NEARLY, true),
            new Word("超", Qualifier.MORE_THAN, true), new Word("约", Qualifier.ABOUT, true),
            new Word("以上", Qualifier.AT_LEAST, false), new Word("左右", Qualifier.ABOUT, false),
            new Word("以内", Qualifier.UP_TO, false));

    record Case(String text, boolean points, int sign, Qualifier qualifier, BigDecimal x, BigDecimal h, BigDecimal base,
                String verb, int decimals) {
    }

    @Test
    void theClaimOnTheTotalAgreesWithTheClaimTableOnTheChangeComputedFromTheBase() {
        int[] checked = {0};
        Property.forAll(1500, ChangeClaimPropertiesTest::figure, c -> {
            PrintedFigure printed = PrintedFigureParser.parse(c.text());
            ClaimKind kind = printed.kind();
            assertThat(kind).isEqualTo(c.points() ? ClaimKind.POINT_CHANGE : c.sign() > 0 ? ClaimKind.GROWTH : ClaimKind.DECLINE);
            Claim claim = Claim.of(printed, "%", new ClaimSettings(BAND, TOLERANCE));
            assertThat(claim.qualifier()).isEqualTo(c.qualifier());
            assertThat(claim.value()).isEqualByComparingTo(c.x());
            assertThat(claim.halfUnit()).isEqualByComparingTo(c.h());
            Claim onTotal = claim.onTotal(kind, c.base(), printed.down());
            for (BigDecimal t : totals(c)) {
                BigDecimal change = change(c, t);
                boolean expected = ClaimPropertiesTest.expected(
                        new ClaimPropertiesTest.Case(c.text(), "%", c.qualifier(), c.x(), c.h()), change);
                if (onTotal.holds(t) != expected) {
                    fail(c + " total " + t.toPlainString() + " (change " + change.toPlainString() + "): holds " + onTotal.holds(t)
                            + ", the table says " + expected + " (" + claim.describe(kind.symbol()) + ")");
                }
                BigDecimal computed = kind.change(t, c.base(), printed.down());
                assertThat(computed.subtract(change).abs()).as("computed change of " + t.toPlainString())
                        .isLessThanOrEqualTo(change.abs().max(BigDecimal.ONE).movePointLeft(30));
                assertThat(AsPrinted.change(printed, computed)).isEqualTo(c.verb() + change.setScale(c.decimals(), RoundingMode.HALF_UP)
                        .toPlainString() + (c.points() ? "个百分点" : "%"));
                checked[0]++;
            }
        });
        assertThat(checked[0]).isGreaterThan(10_000);
    }

    /** The change of a total, by the formulas. */
    static BigDecimal change(Case c, BigDecimal t) {
        if (c.points()) {
            return c.sign() > 0 ? t.subtract(c.base()) : c.base().subtract(t);
        }
        BigDecimal ratio = t.divide(c.base(), FIFTY);
        return (c.sign() > 0 ? ratio.subtract(BigDecimal.ONE) : BigDecimal.ONE.subtract(ratio)).multiply(HUNDRED);
    }

    /** The total whose change is exactly c: b·(1 ± c/100) or b ± c. */
    static BigDecimal totalOf(Case c, BigDecimal change) {
        BigDecimal signed = c.sign() > 0 ? change : change.negate();
        return c.points() ? c.base().add(signed) : c.base().multiply(HUNDRED.add(signed)).divide(HUNDRED);
    }

    /** Totals whose change lies on every bound of the table, a hair either side of it, and far off. */
    static List<BigDecimal> totals(Case c) {
        BigDecimal x = c.x();
        BigDecimal h = c.h();
        List<BigDecimal> bounds = List.of(x, x.subtract(h), x.add(h), x.multiply(BigDecimal.ONE.subtract(BAND)),
                x.subtract(x.multiply(TOLERANCE)), x.add(x.multiply(TOLERANCE)));
        BigDecimal hair = h.movePointLeft(6);
        List<BigDecimal> totals = new ArrayList<>();
        for (BigDecimal b : bounds) {
            for (BigDecimal change : List.of(b, b.subtract(hair), b.add(hair))) {
                totals.add(totalOf(c, change));
            }
        }
        totals.add(totalOf(c, x.multiply(BigDecimal.TEN)));
        totals.add(totalOf(c, BigDecimal.ZERO));
        totals.add(c.base().multiply(new BigDecimal("0.5")));
        return totals.stream().filter(t -> t.signum() >= 0).toList();
    }

    static Case figure(Random r) {
        Verb verb = VERBS.get(r.nextInt(VERBS.size()));
        boolean points = verb.points() && r.nextBoolean();
        Word word = WORDS.get(r.nextInt(WORDS.size()));
        int decimals = r.nextInt(3);
        // a decline of 100% or more cannot be printed: keep x below 100 for a relative decline
        int whole = verb.sign() < 0 && !points ? r.nextInt(99) : r.nextInt(300);
        BigDecimal x = new BigDecimal(whole + (decimals == 0 ? "" : "." + String.format("%0" + decimals + "d", r.nextInt((int) Math.pow(10, decimals)))));
        if (x.signum() == 0) {
            x = BigDecimal.ONE.setScale(decimals);
        }
        String number = x.toPlainString();
        String unit = points ? "个百分点" : "%";
        String text = verb.text() + (word.prefix() ? word.text() + number + unit : number + unit + word.text());
        BigDecimal h = new BigDecimal("0.5").movePointLeft(decimals);
        // bases: a count, an amount with two decimals, a rate of 0–100 (points are changes of a rate)
        BigDecimal base = points ? new BigDecimal(r.nextInt(1000)).movePointLeft(1).add(new BigDecimal("0.1"))
                : r.nextBoolean() ? new BigDecimal(1 + r.nextInt(1_000_000)) : new BigDecimal(1 + r.nextInt(100_000_000)).movePointLeft(2);
        return new Case(text, points, verb.sign(), word.qualifier(), x, h, base, verb.text(), decimals);
    }
}
