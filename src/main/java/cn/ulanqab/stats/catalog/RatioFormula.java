package cn.ulanqab.stats.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RATIO formula of the form {@code NUMERATOR / DENOMINATOR [* FACTOR]}, computed from summed
 * components, multiplying before dividing, with 34 significant digits.
 */
public record RatioFormula(String numerator, String denominator, BigDecimal factor) {

    public static final MathContext PRECISION = MathContext.DECIMAL128;

    private static final Pattern SHAPE = Pattern.compile(
            "\\s*([A-Z][A-Z0-9_]*)\\s*/\\s*([A-Z][A-Z0-9_]*)\\s*(?:\\*\\s*([0-9]+(?:\\.[0-9]+)?)\\s*)?");

    /** Parses a formula, or returns empty when it does not have the supported shape. */
    public static Optional<RatioFormula> parse(String text) {
        Matcher m = SHAPE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal factor = m.group(3) == null ? BigDecimal.ONE : new BigDecimal(m.group(3));
        return Optional.of(new RatioFormula(m.group(1), m.group(2), factor));
    }

    /** The ratio of the summed components, or empty when the denominator is zero. */
    public Optional<BigDecimal> apply(BigDecimal numeratorSum, BigDecimal denominatorSum) {
        if (denominatorSum.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(numeratorSum.multiply(factor, PRECISION).divide(denominatorSum, PRECISION));
    }

    @Override
    public String toString() {
        return numerator + " / " + denominator + (factor.compareTo(BigDecimal.ONE) == 0 ? "" : " * " + factor.toPlainString());
    }
}
