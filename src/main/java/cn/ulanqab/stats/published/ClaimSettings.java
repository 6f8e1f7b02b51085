package cn.ulanqab.stats.published;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.wording.Detail;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How loose the vague qualifiers are: {@code nearlyBand} for 近 (0.10 reads 近v as 0.9·v ≤ t < v) and
 * {@code aboutTolerance} for 约/左右 (0.05 reads 约v as |t − v| ≤ 0.05·v): settings
 * {@code reconciliation.claims.nearly-band} and {@code reconciliation.claims.about-tolerance}, each at least 0 and below 1
 * (else a {@link ConfigurationException}).
 */
public record ClaimSettings(BigDecimal nearlyBand, BigDecimal aboutTolerance) {

    public ClaimSettings {
        Objects.requireNonNull(nearlyBand, "nearlyBand");
        Objects.requireNonNull(aboutTolerance, "aboutTolerance");
        if (nearlyBand.signum() < 0 || nearlyBand.compareTo(BigDecimal.ONE) >= 0) {
            throw ConfigurationException.of("reconciliation.claims.nearly-band=" + nearlyBand.toPlainString(),
                    Detail.of("config.claims.nearly.band", nearlyBand.toPlainString()), Detail.of("fix.claims.nearly.band"));
        }
        if (aboutTolerance.signum() < 0 || aboutTolerance.compareTo(BigDecimal.ONE) >= 0) {
            throw ConfigurationException.of("reconciliation.claims.about-tolerance=" + aboutTolerance.toPlainString(),
                    Detail.of("config.claims.about.tolerance", aboutTolerance.toPlainString()), Detail.of("fix.claims.about.tolerance"));
        }
    }

    public static ClaimSettings defaults() {
        return new ClaimSettings(new BigDecimal("0.10"), new BigDecimal("0.05"));
    }
}
