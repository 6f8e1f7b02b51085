package cn.ulanqab.stats.published;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Writes a total the way the report printed the figure, with its magnitude word and unit but
 * without the qualifier: 13912 against {@code 1.38万户} → {@code 1.39万户}, 968 against
 * {@code 近千家} → {@code 968家}, 96.3 against {@code 超95%} → {@code 96.3%}.
 * <p>
 * The total is expressed in the printed magnitude (none for Chinese numerals, which carry their own)
 * and unit (none for a figure printed without one: {@code 405287.26} → {@code 405290.1}, {@code 1.8亿} →
 * {@code 1.9亿} for an indicator in 万元), with the printed number of decimals, rounded half-up. For EXACT, AT_LEAST and UP_TO
 * that is all; for the other qualifiers, when that rounding would change the total, one more decimal
 * is shown, so that a total just above or below the printed figure does not read as equal to it.
 */
public final class AsPrinted {

    private AsPrinted() {
    }

    /**
     * A computed change written as the report printed it, without the qualifier: the printed verb, the change half-up to
     * the printed decimals, and % or 个百分点; a change the other way keeps its minus sign ({@code 增长-2.1%}).
     *
     * @param change the change in percent or points, in the printed direction
     */
    public static String change(PrintedFigure figure, BigDecimal change) {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(change, "change");
        return figure.verb() + change.setScale(figure.decimals(), RoundingMode.HALF_UP).toPlainString() + figure.unit();
    }

    /**
     * @param total the total in the catalog unit
     * @throws IllegalArgumentException when the printed unit does not fit the catalog unit
     */
    public static String format(PrintedFigure figure, BigDecimal total, String catalogUnit) {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(total, "total");
        BigDecimal inMagnitude = UnitFit.toPrinted(total, figure, catalogUnit).divide(figure.magnitude());
        int decimals = figure.decimals();
        BigDecimal rounded = inMagnitude.setScale(decimals, RoundingMode.HALF_UP);
        boolean plainRounding = switch (figure.qualifier()) {
            case EXACT, AT_LEAST, UP_TO -> true;
            case MORE_THAN, NEARLY, ABOUT -> false;
        };
        if (!plainRounding && rounded.compareTo(inMagnitude) != 0) {
            rounded = inMagnitude.setScale(decimals + 1, RoundingMode.HALF_UP);
        }
        return rounded.toPlainString() + figure.magnitudeWord() + figure.unit();
    }
}
