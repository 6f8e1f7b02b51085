package cn.ulanqab.stats.published;

import cn.ulanqab.stats.testing.Property;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The claim table of the spec, checked on 1,500 generated printed figures: every qualifier word and place, magnitudes
 * 万 and 亿 or none, a unit or none (the unit rule), Arabic and Chinese numerals. The test writes each figure from parts
 * it chose itself and computes v, h and the bounds with its own arithmetic (BigDecimal, from the parts, never from the
 * parser), then places totals on each bound, just inside and just outside it, and far away; {@link Claim#holds} must
 * agree with the table on every one.
 */
class ClaimPropertiesTest {

    static final BigDecimal BAND = new BigDecimal("0.10");
    static final BigDecimal TOLERANCE = new BigDecimal("0.05");

    /** A catalog unit: its text, its base unit and the base units in it. */
    record CatalogUnit(String text, String base, int exponent) {
    }

    static final List<CatalogUnit> CATALOG_UNITS = List.of(new CatalogUnit("万元", "元", 4), new CatalogUnit("元", "元", 0),
            new CatalogUnit("亿元", "元", 8), new CatalogUnit("户", "户", 0), new CatalogUnit("万户", "户", 4),
            new CatalogUnit("吨", "吨", 0), new CatalogUnit("亩", "亩", 0), new CatalogUnit("%", "%", 0),
            new CatalogUnit("公里", "公里", 0));

    /** Which qualifier a word makes, and where it stands. */
    enum Place { PREFIX, INNER, SUFFIX }

    record Word(String text, Qualifier qualifier, Place place) {
    }

    static final List<Word> WORDS = List.of(new Word("", Qualifier.EXACT, Place.PREFIX),
            new Word("近", Qualifier.NEARLY, Place.PREFIX), new Word("超", Qualifier.MORE_THAN, Place.PREFIX),
            new Word("超过", Qualifier.MORE_THAN, Place.PREFIX), new Word("逾", Qualifier.MORE_THAN, Place.PREFIX),
            new Word("破", Qualifier.MORE_THAN, Place.PREFIX), new Word("约", Qualifier.ABOUT, Place.PREFIX),
            new Word("不少于", Qualifier.AT_LEAST, Place.PREFIX), new Word("余", Qualifier.MORE_THAN, Place.INNER),
            new Word("多", Qualifier.MORE_THAN, Place.INNER), new Word("以上", Qualifier.AT_LEAST, Place.SUFFIX),
            new Word("不少于", Qualifier.AT_LEAST, Place.SUFFIX), new Word("左右", Qualifier.ABOUT, Place.SUFFIX),
            new Word("以下", Qualifier.UP_TO, Place.SUFFIX), new Word("以内", Qualifier.UP_TO, Place.SUFFIX));

    static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    /**
     * A generated figure with what the test knows of it: the text, and in the catalog unit its value v and half
     * unit h, the qualifier, and the catalog unit.
     */
    record Case(String text, String catalogUnit, Qualifier qualifier, BigDecimal v, BigDecimal h) {
    }

    @Test
    void everyTotalOnJustInsideOrJustOutsideTheBoundsGetsTheStatusOfTheClaimTable() {
        int[] totalsChecked = {0};
        Property.forAll(1500, ClaimPropertiesTest::figure, c -> {
            Claim claim = Claim.of(PrintedFigureParser.parse(c.text()), c.catalogUnit(), new ClaimSettings(BAND, TOLERANCE));
            assertThat(claim.qualifier()).isEqualTo(c.qualifier());
            assertThat(claim.value()).as("v of " + c).isEqualByComparingTo(c.v());
            assertThat(claim.halfUnit()).as("h of " + c).isEqualByComparingTo(c.h());
            for (BigDecimal total : totals(c)) {
                if (claim.holds(total) != expected(c, total)) {
                    fail(c + " against " + total.toPlainString() + ": holds " + claim.holds(total) + ", the table says "
                            + expected(c, total) + " (" + claim.describe() + ")");
                }
                totalsChecked[0]++;
            }
        });
        assertThat(totalsChecked[0]).isGreaterThan(10_000);
    }

    /** The claim table of the spec, written out again: plain, 以上, 超, 近, 约, 以下. */
    static boolean expected(Case c, BigDecimal t) {
        BigDecimal v = c.v();
        BigDecimal h = c.h();
        return switch (c.qualifier()) {
            case EXACT -> t.compareTo(v.subtract(h)) >= 0 && t.compareTo(v.add(h)) < 0;
            case AT_LEAST -> t.compareTo(v.subtract(h)) >= 0;
            case MORE_THAN -> t.compareTo(v) > 0;
            case NEARLY -> t.compareTo(v.multiply(BigDecimal.ONE.subtract(BAND))) >= 0 && t.compareTo(v) < 0;
            case ABOUT -> t.subtract(v).abs().compareTo(v.multiply(TOLERANCE)) <= 0;
            case UP_TO -> t.compareTo(v.add(h)) < 0;
        };
    }

    /** Each bound of the claim, a hair below and above it, the value itself, and totals far off either side. */
    static List<BigDecimal> totals(Case c) {
        BigDecimal v = c.v();
        BigDecimal h = c.h();
        List<BigDecimal> bounds = List.of(v, v.subtract(h), v.add(h), v.multiply(BigDecimal.ONE.subtract(BAND)),
                v.subtract(v.multiply(TOLERANCE)), v.add(v.multiply(TOLERANCE)));
        BigDecimal hair = h.movePointLeft(6);
        List<BigDecimal> totals = new ArrayList<>();
        for (BigDecimal b : bounds) {
            totals.add(b);
            totals.add(b.subtract(hair));
            totals.add(b.add(hair));
        }
        totals.add(v.multiply(BigDecimal.TEN));
        totals.add(v.divide(BigDecimal.TEN, MathContext.DECIMAL64));
        totals.add(BigDecimal.ZERO);
        return totals;
    }

    static Case figure(Random r) {
        CatalogUnit catalog = CATALOG_UNITS.get(r.nextInt(CATALOG_UNITS.size()));
        Word word = WORDS.get(r.nextInt(WORDS.size()));
        boolean chinese = r.nextInt(4) == 0;

        String numberText;
        BigDecimal number;
        BigDecimal place;
        int magnitude = 0;
        if (chinese) {
            // 三千, 五百, 七千二百, 四万, 两百万, 六千万, 九亿: a leading digit, perhaps a second, and a place word
            int lead = 1 + r.nextInt(9);
            String[][] forms = {{"千", "3"}, {"百", "2"}, {"万", "4"}, {"百万", "6"}, {"千万", "7"}, {"亿", "8"}, {"十", "1"}};
            String[] form = forms[r.nextInt(forms.length)];
            int exponent = Integer.parseInt(form[1]);
            numberText = (lead == 2 && r.nextBoolean() && exponent >= 2 ? "两" : DIGITS[lead]) + form[0];
            number = BigDecimal.valueOf(lead).scaleByPowerOfTen(exponent);
            place = BigDecimal.ONE.scaleByPowerOfTen(exponent);
            if (form[0].equals("千") && r.nextBoolean()) {
                int second = 1 + r.nextInt(9);
                numberText += DIGITS[second] + "百";
                number = number.add(BigDecimal.valueOf(second * 100L));
                place = new BigDecimal("100");
            }
            if (word.place() == Place.INNER && lead == 1 && form[0].equals("十")) {
                numberText = "十"; // 一十余 is not how it is printed
            }
        } else {
            int decimals = r.nextInt(3);
            long unscaled = 1 + (long) (r.nextDouble() * Math.pow(10, 1 + r.nextInt(6)));
            if (word.place() == Place.INNER) {
                decimals = 0; // 20多个, 1.5万余 is rare; 余 and 多 follow whole numbers
            }
            number = BigDecimal.valueOf(unscaled, decimals);
            numberText = number.toPlainString();
            place = BigDecimal.ONE.scaleByPowerOfTen(-decimals);
            magnitude = List.of(0, 0, 4, 8).get(r.nextInt(4));
            numberText += magnitude == 4 ? "万" : magnitude == 8 ? "亿" : "";
        }
        boolean magnitudePrinted = magnitude > 0 || chinese && number.compareTo(new BigDecimal("10000")) >= 0;

        // a printed unit of the catalog's base, with 万 or 亿 in front (万元, 亿元, 万户), or none at all
        String printedUnit = "";
        int unitExponent = 0;
        int pick = r.nextInt(3);
        if (pick == 1) {
            printedUnit = catalog.base();
        } else if (pick == 2 && magnitude == 0 && !chinese && !catalog.base().equals("%")) {
            unitExponent = r.nextBoolean() ? 4 : 8;
            printedUnit = (unitExponent == 4 ? "万" : "亿") + catalog.base();
        }

        String text = switch (word.place()) {
            case PREFIX -> word.text() + numberText + printedUnit;
            case INNER -> numberText + word.text() + printedUnit;
            case SUFFIX -> numberText + printedUnit + word.text();
        };
        if (r.nextInt(10) == 0) {
            text = "\u3000" + text + " ";
        }

        // v and h in the catalog unit, by the unit rule: no unit is the catalog unit, a bare magnitude is of its base
        BigDecimal toCatalog;
        if (printedUnit.isEmpty()) {
            toCatalog = magnitudePrinted ? BigDecimal.ONE.scaleByPowerOfTen(-catalog.exponent()) : BigDecimal.ONE;
        } else {
            toCatalog = BigDecimal.ONE.scaleByPowerOfTen(unitExponent - catalog.exponent());
        }
        BigDecimal scale = BigDecimal.ONE.scaleByPowerOfTen(magnitude);
        BigDecimal v = number.multiply(scale).multiply(toCatalog);
        BigDecimal h = place.multiply(new BigDecimal("0.5")).multiply(scale).multiply(toCatalog);
        return new Case(text, catalog.text(), word.qualifier(), v, h);
    }
}
