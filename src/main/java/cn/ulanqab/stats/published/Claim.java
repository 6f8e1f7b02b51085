package cn.ulanqab.stats.published;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a printed figure claims about the true total {@code t}, in the catalog unit.
 *
 * <table>
 *   <tr><th>qualifier</th><th>claim</th></tr>
 *   <tr><td>EXACT</td><td>v − h ≤ t &lt; v + h</td></tr>
 *   <tr><td>AT_LEAST</td><td>t ≥ v − h</td></tr>
 *   <tr><td>MORE_THAN</td><td>t &gt; v</td></tr>
 *   <tr><td>NEARLY</td><td>(1 − band)·v ≤ t &lt; v</td></tr>
 *   <tr><td>ABOUT</td><td>|t − v| ≤ tolerance·v</td></tr>
 *   <tr><td>UP_TO</td><td>t &lt; v + h</td></tr>
 * </table>
 *
 * @param value    v, the printed value in the catalog unit
 * @param halfUnit h, half a unit of the last printed digit, in the catalog unit
 * @param lower    the lowest total allowed, null when unbounded
 * @param upper    the highest total allowed, null when unbounded
 */
public record Claim(Qualifier qualifier, BigDecimal value, BigDecimal halfUnit,
                    BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive) {

    public Claim {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(halfUnit, "halfUnit");
    }

    /**
     * The claim of a printed figure, converted to the catalog unit (a figure without a unit is in the catalog
     * unit, see {@link UnitFit}).
     *
     * @throws IllegalArgumentException when the printed unit does not fit the catalog unit
     */
    public static Claim of(PrintedFigure figure, String catalogUnit, ClaimSettings settings) {
        if (figure.kind().isChange()) {
            if (figure.kind() == ClaimKind.POINT_CHANGE && !PrintedFigureParser.PERCENT.equals(catalogUnit == null ? "" : catalogUnit.strip())) {
                throw new IllegalArgumentException("'" + figure.text() + "' is a change in 个百分点, a difference of rates, but the catalog unit is '"
                        + catalogUnit + "', not %");
            }
            // a change is claimed in percent or points whatever the catalog unit: g, d or the point change itself
            return bounds(figure.qualifier(), figure.number(), figure.halfUnit(), settings);
        }
        BigDecimal v = UnitFit.toCatalog(figure.value(), figure, catalogUnit);
        BigDecimal h = UnitFit.toCatalog(figure.halfUnit(), figure, catalogUnit);
        return bounds(figure.qualifier(), v, h, settings);
    }

    /** The claim of qualifier q on a printed value v whose last digit is worth 2h. */
    static Claim bounds(Qualifier q, BigDecimal v, BigDecimal h, ClaimSettings settings) {
        return switch (q) {
            case EXACT -> new Claim(q, v, h, v.subtract(h), true, v.add(h), false);
            case AT_LEAST -> new Claim(q, v, h, v.subtract(h), true, null, false);
            case MORE_THAN -> new Claim(q, v, h, v, false, null, false);
            case NEARLY -> new Claim(q, v, h, BigDecimal.ONE.subtract(settings.nearlyBand()).multiply(v), true, v, false);
            case ABOUT -> {
                BigDecimal slack = settings.aboutTolerance().multiply(v);
                yield new Claim(q, v, h, v.subtract(slack), true, v.add(slack), true);
            }
            case UP_TO -> new Claim(q, v, h, null, false, v.add(h), false);
        };
    }

    /** Whether a (complete) total is what the figure claims. */
    public boolean holds(BigDecimal total) {
        Objects.requireNonNull(total, "total");
        boolean aboveLower = lower == null || (lowerInclusive ? total.compareTo(lower) >= 0 : total.compareTo(lower) > 0);
        return aboveLower && !exceededBy(total);
    }

    /**
     * Whether a total is already above what the claim allows. For an incomplete sum of non-negative
     * values this is final: the missing values can only make it larger.
     */
    public boolean exceededBy(BigDecimal partialTotal) {
        Objects.requireNonNull(partialTotal, "partialTotal");
        if (upper == null) {
            return false;
        }
        return upperInclusive ? partialTotal.compareTo(upper) > 0 : partialTotal.compareTo(upper) >= 0;
    }

    /**
     * A change claim (on g, d or a point change) as a claim on this year's total t, given last year's total b: the
     * change grows with t for a growth or a rise and falls with t for a decline or a fall, so then the bounds swap.
     * Exact (no division): t = b·(1 + g/100), b·(1 − d/100), b + p or b − p.
     */
    public Claim onTotal(ClaimKind kind, BigDecimal base, boolean down) {
        BigDecimal v = kind.totalFor(value, base, down);
        BigDecimal h = kind == ClaimKind.POINT_CHANGE ? halfUnit : base.multiply(halfUnit).movePointLeft(2);
        BigDecimal l = lower == null ? null : kind.totalFor(lower, base, down);
        BigDecimal u = upper == null ? null : kind.totalFor(upper, base, down);
        if (kind.falling(down)) {
            return new Claim(qualifier, v, h, u, upperInclusive, l, lowerInclusive);
        }
        return new Claim(qualifier, v, h, l, lowerInclusive, u, upperInclusive);
    }

    /** The allowed range in plain maths: {@code 13750 ≤ t < 13850}, {@code t > 1000000}, {@code 900 ≤ t < 1000}. */
    public String describe() {
        return describe("t");
    }

    /** The allowed range of a quantity named {@code symbol}: {@code 33.35 ≤ g < 33.45}. */
    public String describe(String symbol) {
        if (upper == null) {
            return symbol + (lowerInclusive ? " ≥ " : " > ") + plain(lower);
        }
        String below = symbol + (upperInclusive ? " ≤ " : " < ") + plain(upper);
        if (lower == null) {
            return below;
        }
        return plain(lower) + (lowerInclusive ? " ≤ " : " < ") + below;
    }

    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
