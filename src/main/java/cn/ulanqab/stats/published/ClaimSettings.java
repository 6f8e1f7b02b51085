package cn.ulanqab.stats.published;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How loose the vague qualifiers are: {@code nearlyBand} for 近 (0.10 reads 近v as 0.9·v ≤ t < v) and
 * {@code aboutTolerance} for 约/左右 (0.05 reads 约v as |t − v| ≤ 0.05·v).
 */
public record ClaimSettings(BigDecimal nearlyBand, BigDecimal aboutTolerance) {

    public ClaimSettings {
        Objects.requireNonNull(nearlyBand, "nearlyBand");
        Objects.requireNonNull(aboutTolerance, "aboutTolerance");
        if (nearlyBand.signum() < 0 || nearlyBand.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("the band for 近 must be at least 0 and below 1, not " + nearlyBand.toPlainString());
        }
        if (aboutTolerance.signum() < 0 || aboutTolerance.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("the tolerance for 约/左右 must be at least 0 and below 1, not " + aboutTolerance.toPlainString());
        }
    }

    public static ClaimSettings defaults() {
        return new ClaimSettings(new BigDecimal("0.10"), new BigDecimal("0.05"));
    }
}
