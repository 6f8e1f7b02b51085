package cn.ulanqab.stats.published;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What a printed figure claims: a level (the total itself) or a change against last year's total b.
 * <ul>
 *   <li>{@link #LEVEL}: {@code 8685人}</li>
 *   <li>{@link #GROWTH}: {@code 增长x%}, {@code 提高x%}, {@code 提升x%}: g = (t ÷ b − 1) × 100</li>
 *   <li>{@link #DECLINE}: {@code 下降x%}, {@code 减少x%}, {@code 压减x%}: d = (1 − t ÷ b) × 100</li>
 *   <li>{@link #POINT_CHANGE}: {@code 提高x个百分点}, {@code 提升x个百分点} (t − b), {@code 下降x个百分点} (b − t)</li>
 * </ul>
 * A change is always computed in the printed direction: {@code 增长} of a total that fell is a negative growth.
 */
public enum ClaimKind {
    LEVEL("level"), GROWTH("growth"), DECLINE("decline"), POINT_CHANGE("point_change");

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final String code;

    ClaimKind(String code) {
        this.code = code;
    }

    /** As written in reconciliation.csv's {@code claim_kind}: level, growth, decline, point_change. */
    public String code() {
        return code;
    }

    /** The name of the claimed quantity in a claim's description: t (the total), g, d or p (points). */
    public String symbol() {
        return switch (this) {
            case LEVEL -> "t";
            case GROWTH -> "g";
            case DECLINE -> "d";
            case POINT_CHANGE -> "p";
        };
    }

    /** The unit a change is printed in: % (growth, decline) or 个百分点 (point change); none for a level. */
    public String changeUnit() {
        return this == POINT_CHANGE ? "个百分点" : this == LEVEL ? "" : "%";
    }

    public boolean isChange() {
        return this != LEVEL;
    }

    /**
     * The change from base b to total t in the printed direction, in percent or points, to 34 significant digits.
     *
     * @param down for a point change, whether the verb says it fell (下降): then b − t
     */
    public BigDecimal change(BigDecimal total, BigDecimal base, boolean down) {
        return switch (this) {
            case LEVEL -> total;
            case GROWTH -> total.divide(base, MathContext.DECIMAL128).subtract(BigDecimal.ONE).multiply(HUNDRED);
            case DECLINE -> BigDecimal.ONE.subtract(total.divide(base, MathContext.DECIMAL128)).multiply(HUNDRED);
            case POINT_CHANGE -> down ? base.subtract(total) : total.subtract(base);
        };
    }

    /**
     * The total that, from base b, makes exactly the change c (exact: no division): b·(1 + c/100), b·(1 − c/100),
     * b + c or b − c.
     */
    public BigDecimal totalFor(BigDecimal change, BigDecimal base, boolean down) {
        return switch (this) {
            case LEVEL -> change;
            case GROWTH -> base.add(base.multiply(change).movePointLeft(2));
            case DECLINE -> base.subtract(base.multiply(change).movePointLeft(2));
            case POINT_CHANGE -> down ? base.subtract(change) : base.add(change);
        };
    }

    /** The base that, with total t, makes exactly the change c (null when none does: a growth of −100%). */
    public BigDecimal baseFor(BigDecimal change, BigDecimal total, boolean down) {
        return switch (this) {
            case LEVEL -> null;
            case GROWTH, DECLINE -> {
                BigDecimal factor = this == GROWTH ? HUNDRED.add(change) : HUNDRED.subtract(change);
                yield factor.signum() == 0 ? null : total.multiply(HUNDRED).divide(factor, MathContext.DECIMAL128);
            }
            case POINT_CHANGE -> down ? total.add(change) : total.subtract(change);
        };
    }

    /** Whether a larger total makes a smaller change (a decline, a point fall): the claim's bounds swap in terms of t. */
    public boolean falling(boolean down) {
        return this == DECLINE || this == POINT_CHANGE && down;
    }
}
