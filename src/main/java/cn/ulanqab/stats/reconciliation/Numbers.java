package cn.ulanqab.stats.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;

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
            return value.round(new java.math.MathContext(2, RoundingMode.HALF_UP)).toPlainString();
        }
        return six.toPlainString();
    }
}
