package cn.ulanqab.stats.reconciliation;

import java.math.MathContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How figures are written in the outputs: plain notation, no trailing zeros, at most six decimals. */
public final class Numbers {

    private Numbers() {
    }

    public static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal shown = value.scale() > 6 ? value.setScale(6, RoundingMode.HALF_UP) : value;
        shown = shown.stripTrailingZeros();
        if (shown.scale() < 0) {
            shown = shown.setScale(0);
        }
        return shown.toPlainString();
    }

    /**
     * A relative difference as a decimal fraction with six decimals (−0.004000); one too small for six decimals keeps
     * two significant digits (−0.000000077), so a difference is never printed as zero.
     */
    public static String fraction(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal six = value.setScale(6, RoundingMode.HALF_UP);
        if (six.signum() == 0 && value.signum() != 0) {
            return value.round(new MathContext(2, RoundingMode.HALF_UP)).toPlainString();
        }
        return six.toPlainString();
    }

    /**
     * A figure for a person to read: {@link #plain} with thousands separators ({@code 27,651,836.5}), the same whatever
     * the machine's locale. Never in a numeric CSV column.
     */
    public static String grouped(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal plain = new BigDecimal(plain(value));
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(Math.max(0, plain.scale()));
        format.setMaximumFractionDigits(Math.max(0, plain.scale()));
        return format.format(plain);
    }

    /** A count for a person to read, with thousands separators ({@code 5,673,780}). */
    public static String grouped(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
