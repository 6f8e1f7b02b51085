package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.Claim;
import cn.ulanqab.stats.published.Qualifier;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tests the usual causes of a mismatched sum against the county values and names the county and the
 * evidence: a unit slip (one value off by a power of ten), two adjacent digits swapped, a county counted
 * twice or left out of the print, a resubmission whose earlier version would have matched, and the
 * rounding edge. Says so when nothing explains the gap: it never guesses silently.
 */
public final class Diagnosis {

    /** The earlier, superseded version of a county's value: its file and the value it held. */
    public record EarlierValue(String file, BigDecimal value) {
    }

    private Diagnosis() {
    }

    public static List<String> explain(Registry registry, Indicator indicator, Claim claim, BigDecimal total,
                                       Map<String, BigDecimal> countyValues, Map<String, EarlierValue> earlierValues) {
        return explain(registry, registry.countyCodes(), indicator, claim, total, countyValues, earlierValues);
    }

    /** @param counties the county-level units whose values make the total (those below the figure's region) */
    public static List<String> explain(Registry registry, List<String> counties, Indicator indicator, Claim claim, BigDecimal total,
                                       Map<String, BigDecimal> countyValues, Map<String, EarlierValue> earlierValues) {
        List<String> causes = new ArrayList<>();
        for (String code : counties) {
            BigDecimal value = countyValues.get(code);
            if (value == null) {
                continue;
            }
            String name = registry.find(code).map(County::nameZh).orElse(code) + " (" + code + ")";
            String who = name + " reported " + Numbers.plain(value) + " " + indicator.unit();
            BigDecimal without = total.subtract(value);
            if (value.signum() != 0) {
                for (int power = 1; power <= 8; power++) {
                    BigDecimal factor = BigDecimal.TEN.pow(power);
                    if (claim.holds(without.add(value.multiply(factor)))) {
                        causes.add("unit slip? " + who + "; ×" + grouped(factor) + " closes the gap");
                    }
                    if (claim.holds(without.add(value.divide(factor)))) {
                        causes.add("unit slip? " + who + "; ÷" + grouped(factor) + " closes the gap");
                    }
                }
                for (BigDecimal swapped : adjacentSwaps(value)) {
                    if (claim.holds(without.add(swapped))) {
                        causes.add("digits swapped? " + who + "; " + Numbers.plain(swapped) + " closes the gap (a swap of two digits"
                                + " shifts the total by " + Numbers.plain(swapped.subtract(value).abs()) + ", a multiple of 9)");
                    }
                }
                if (claim.holds(without)) {
                    causes.add("counted twice or left out of the print? the printed figure fits the total without " + who);
                }
            }
            EarlierValue earlier = earlierValues.get(code);
            if (earlier != null && earlier.value().compareTo(value) != 0 && claim.holds(without.add(earlier.value()))) {
                causes.add("resubmission? " + name + "'s earlier file " + earlier.file() + " held " + Numbers.plain(earlier.value())
                        + " " + indicator.unit() + ", which would have matched; the report may predate its resubmission");
            }
        }
        if (causes.isEmpty() && onRoundingEdge(claim, total)) {
            causes.add("rounding edge: the total " + Numbers.plain(total) + " is within one printed digit of what "
                    + "the figure claims (" + claim.describe() + "); check how the figure was rounded");
        }
        if (causes.isEmpty()) {
            causes.add("no single county's value explains the gap (checked unit slips, swapped digits, a county counted twice"
                    + " or left out, earlier versions of resubmitted files, the rounding edge)");
        }
        return causes;
    }

    /** Within one unit of the last printed digit (2h) of the nearest bound of the claim. */
    static boolean onRoundingEdge(Claim claim, BigDecimal total) {
        BigDecimal digit = claim.halfUnit().add(claim.halfUnit());
        if (claim.qualifier() == Qualifier.EXACT || claim.qualifier() == Qualifier.AT_LEAST || claim.qualifier() == Qualifier.UP_TO) {
            BigDecimal distance = claim.lower() != null && total.compareTo(claim.lower()) < 0 ? claim.lower().subtract(total)
                    : claim.upper() != null && total.compareTo(claim.upper()) >= 0 ? total.subtract(claim.upper()) : BigDecimal.ZERO;
            return distance.compareTo(digit) <= 0;
        }
        return false;
    }

    static List<BigDecimal> adjacentSwaps(BigDecimal value) {
        String text = value.toPlainString();
        List<BigDecimal> result = new ArrayList<>();
        char[] chars = text.toCharArray();
        for (int i = 0; i + 1 < chars.length; i++) {
            char a = chars[i];
            char b = chars[i + 1];
            if (Character.isDigit(a) && Character.isDigit(b) && a != b) {
                char[] copy = chars.clone();
                copy[i] = b;
                copy[i + 1] = a;
                result.add(new BigDecimal(new String(copy)));
            }
        }
        return result;
    }

    private static String grouped(BigDecimal factor) {
        return new DecimalFormat("#,##0").format(factor.toBigInteger());
    }
}
