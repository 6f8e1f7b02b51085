package cn.ulanqab.stats.published;

import java.math.BigDecimal;

/**
 * A figure as printed in the report, taken apart by {@link PrintedFigureParser}.
 *
 * @param text           the text as printed ({@code 近2800万立方米})
 * @param qualifier      its qualifier word, {@link Qualifier#EXACT} when none
 * @param number         the number as printed, with its printed decimals ({@code 1.38}); for Chinese
 *                       numerals the whole value ({@code 百万} → 1000000)
 * @param magnitude      10^4 for 万, 10^8 for 亿, 10^12 for 万亿, 1 when none
 * @param magnitudeWord  万, 亿, 万亿 or empty
 * @param unit           the printed unit without its magnitude ({@code 元} for {@code 5.2亿元}); empty when none
 * @param decimals       the number of printed decimals (0 for Chinese numerals)
 * @param chineseNumeral whether the number was written in Chinese numerals ({@code 千}, {@code 三千五百})
 * @param kind           a level, or the change it claims against last year ({@code 增长33.4%}: {@link ClaimKind#GROWTH})
 * @param verb           the printed verb of a change ({@code 增长}, {@code 压减}, {@code 提高}); empty for a level
 */
public record PrintedFigure(String text, Qualifier qualifier, BigDecimal number, BigDecimal magnitude,
                            String magnitudeWord, String unit, int decimals, boolean chineseNumeral, ClaimKind kind,
                            String verb) {

    /** The verbs of a change that falls: 下降, 减少, 压减. */
    static final java.util.List<String> DOWN_VERBS = java.util.List.of("下降", "减少", "压减");

    /** A level figure. */
    public PrintedFigure(String text, Qualifier qualifier, BigDecimal number, BigDecimal magnitude,
                         String magnitudeWord, String unit, int decimals, boolean chineseNumeral) {
        this(text, qualifier, number, magnitude, magnitudeWord, unit, decimals, chineseNumeral, ClaimKind.LEVEL, "");
    }

    /** Whether the printed verb says the figure fell (下降, 减少, 压减). */
    public boolean down() {
        return DOWN_VERBS.contains(verb);
    }

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");

    /** number × magnitude, in the printed base unit ({@link #unit()}). */
    public BigDecimal value() {
        return number.multiply(magnitude);
    }

    /**
     * Whether a magnitude was printed: 万, 亿 or 万亿 after the number, or inside a Chinese numeral ({@code 百万}).
     * Without a unit, a printed magnitude applies to the catalog unit's base and a bare number is in the catalog unit.
     */
    public boolean magnitudePrinted() {
        return !magnitudeWord.isEmpty() || chineseNumeral && number.compareTo(TEN_THOUSAND) >= 0;
    }

    /**
     * Half a unit of the last printed digit, in the printed base unit: for Arabic numbers half of the
     * last digit's place times the magnitude ({@code 1.38万} → 50, {@code 8685} → 0.5); for Chinese
     * numerals half of the smallest place named ({@code 千} → 500, {@code 三千五百} → 50).
     */
    public BigDecimal halfUnit() {
        BigDecimal place;
        if (chineseNumeral) {
            // Every place a Chinese numeral names carries a non-zero digit, so the smallest place
            // named is the lowest non-zero digit of the number: 三千五百 = 3500 → 100.
            BigDecimal stripped = number.stripTrailingZeros();
            place = BigDecimal.ONE.scaleByPowerOfTen(-stripped.scale());
        } else {
            place = BigDecimal.ONE.scaleByPowerOfTen(-decimals);
        }
        return HALF.multiply(place).multiply(magnitude);
    }

    /**
     * Whether two prints of a figure of an indicator say the same: the same qualifier and number with the same printed
     * digits, in the same unit once the unit rule has supplied a missing one ({@code 1.8亿} and {@code 1.8亿元} for 万元,
     * {@code 405287.26} and {@code 405287.26万元}, {@code 1.38万} and {@code 1.38万户} for 户). A unit that does not fit
     * the catalog unit is never the same.
     */
    public boolean saysTheSameAs(PrintedFigure other, String catalogUnit) {
        if (kind != other.kind || !verb.equals(other.verb)) {
            return false;
        }
        if (qualifier != other.qualifier || decimals != other.decimals || number.compareTo(other.number) != 0) {
            return false;
        }
        try {
            return magnitude.multiply(UnitFit.printedToCatalog(this, catalogUnit))
                    .compareTo(other.magnitude.multiply(UnitFit.printedToCatalog(other, catalogUnit))) == 0;
        } catch (IllegalArgumentException unitDoesNotFit) {
            return false;
        }
    }
}
