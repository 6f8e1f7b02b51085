package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.catalog.Units;
import cn.ulanqab.stats.published.Claim;
import cn.ulanqab.stats.published.PrintedFigure;
import cn.ulanqab.stats.published.PrintedFigureParser;
import cn.ulanqab.stats.submission.SubmissionStore;
import cn.ulanqab.stats.submission.SubmittedNumber;
import cn.ulanqab.stats.published.Qualifier;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    /**
     * For a total waiting for one county: the county's rejected rows whose value (read as digits, or as a Chinese
     * numeral such as 一) would complete the total to what the figure claims. Reviewers can then ask the county
     * to confirm that row rather than to send a figure from scratch.
     */
    public static List<String> rejectedValuesThatComplete(Registry registry, Indicator indicator, Claim claim,
                                                          BigDecimal partialTotal, List<SubmissionStore.RejectedRow> rows) {
        List<String> notes = new ArrayList<>();
        for (SubmissionStore.RejectedRow r : rows) {
            Optional<BigDecimal> value = readableValue(r, indicator);
            if (value.isPresent() && claim.holds(partialTotal.add(value.get()))) {
                notes.add("would complete: " + registry.find(r.countyCode()).map(County::nameZh).orElse(r.countyCode()) + " "
                        + r.file() + " line " + r.line() + " (" + r.reason() + ") holds '" + r.rawValue() + "'; counted as "
                        + Numbers.plain(value.get()) + " " + indicator.unit() + " the total would be "
                        + Numbers.plain(partialTotal.add(value.get())) + ", which matches" + (r.remark() == null || r.remark().isBlank()
                        ? "" : " (remark: " + r.remark() + ")"));
            }
        }
        return notes;
    }

    private static Optional<BigDecimal> readableValue(SubmissionStore.RejectedRow row, Indicator indicator) {
        if (row.rawValue() == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> number = SubmittedNumber.parse(row.rawValue());
        if (number.isEmpty()) {
            try {
                PrintedFigure figure = PrintedFigureParser.parse(row.rawValue().strip());
                if (figure.chineseNumeral() && figure.unit().isEmpty() && figure.qualifier() == Qualifier.EXACT) {
                    number = Optional.of(figure.value());
                }
            } catch (IllegalArgumentException notANumeral) {
                return Optional.empty();
            }
        }
        Optional<BigDecimal> factor = Units.factor(row.unit(), indicator.unit());
        return number.flatMap(n -> factor.map(n::multiply)).filter(v -> v.signum() >= 0);
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
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(factor.toBigInteger());
    }
}
