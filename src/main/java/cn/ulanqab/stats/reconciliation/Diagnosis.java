package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.Claim;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tests the usual causes of a mismatched sum against the county values and names the county and the
 * evidence: a unit slip (one value off by a power of ten), two adjacent digits swapped, or a county the
 * printed figure seems to have left out. Says so when nothing explains the gap.
 */
public final class Diagnosis {

    private Diagnosis() {
    }

    public static List<String> explain(Registry registry, Indicator indicator, Claim claim, BigDecimal total,
                                       Map<String, BigDecimal> countyValues) {
        List<String> causes = new ArrayList<>();
        for (String code : registry.countyCodes()) {
            BigDecimal value = countyValues.get(code);
            if (value == null || value.signum() == 0) {
                continue;
            }
            String who = registry.find(code).map(County::nameZh).orElse(code) + " (" + code + ") reported "
                    + Numbers.plain(value) + " " + indicator.unit();
            BigDecimal without = total.subtract(value);
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
                    causes.add("digits swapped? " + who + "; " + Numbers.plain(swapped) + " closes the gap");
                }
            }
            if (claim.holds(without)) {
                causes.add("left out? the printed figure fits the total without " + who);
            }
        }
        if (causes.isEmpty()) {
            causes.add("no single county's value explains the gap (checked unit slips, swapped digits, a county left out)");
        }
        return causes;
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
