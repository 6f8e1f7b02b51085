package cn.ulanqab.stats.generator;

import java.math.BigDecimal;

/**
 * One generated catalog indicator. SUM indicators are submitted by the counties; a RATIO indicator names two
 * SUM indicators (by their index among the SUM indicators) and a factor.
 */
public record SyntheticIndicator(String code, String nameZh, String nameEn, String unit, boolean decimal,
                                 boolean ratio, int numerator, int denominator, BigDecimal factor) {

    public String valueType() {
        return decimal ? "DECIMAL" : "INTEGER";
    }

    /** Decimals of the printed figure: 0 for INTEGER, 2 for DECIMAL and RATIO. */
    public int printedDecimals() {
        return decimal ? 2 : 0;
    }
}
