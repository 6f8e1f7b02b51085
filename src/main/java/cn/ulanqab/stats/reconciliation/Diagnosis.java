package cn.ulanqab.stats.reconciliation;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tests the usual causes of a mismatched sum against the county values and names the county and the
 * evidence: a unit slip (one value off by a power of ten), two adjacent digits swapped, a county counted
 * twice or left out of the print, a resubmission whose earlier version would have matched, and the
 * rounding edge; and first of all a printed figure whose unit is wrong (the total times a power of ten fits it).
 * Says so when nothing explains the gap: it never guesses silently. The causes are data ({@link Cause}): each output
 * words them itself.
 */
public final class Diagnosis {

    /** The earlier, superseded version of a county's value: its file and the value it held. */
    public record EarlierValue(String file, BigDecimal value) {
    }

    private Diagnosis() {
    }

    public static List<Cause> explain(Registry registry, Indicator indicator, Claim claim, BigDecimal total,
                                      Map<String, BigDecimal> countyValues, Map<String, EarlierValue> earlierValues) {
        return explain(registry.countyCodes(), claim, total, countyValues, earlierValues);
    }

    /**
     * @param counties the county-level units whose values make the total (those below the figure's region)
     * @return the causes that would close the gap; when the total times a power of ten fits the claim, only that one
     *         (the printed figure's unit is probably wrong and no county is blamed)
     */
    public static List<Cause> explain(List<String> counties, Claim claim, BigDecimal total,
                                      Map<String, BigDecimal> countyValues, Map<String, EarlierValue> earlierValues) {
        List<Cause> causes = new ArrayList<>();
        if (total.signum() != 0) {
            for (int power = 1; power <= 8; power++) {
                for (BigDecimal factor : List.of(BigDecimal.TEN.pow(power), BigDecimal.ONE.movePointLeft(power))) {
                    if (claim.holds(total.multiply(factor))) {
                        causes.add(new Cause(Cause.Kind.PUBLISHED_UNIT, null, null, 0, null, null, null, total, factor,
                                total.multiply(factor)));
                    }
                }
            }
            if (!causes.isEmpty()) {
                return causes;
            }
        }
        for (String code : counties) {
            BigDecimal value = countyValues.get(code);
            if (value == null) {
                continue;
            }
            BigDecimal without = total.subtract(value);
            if (value.signum() != 0) {
                for (int power = 1; power <= 8; power++) {
                    for (BigDecimal factor : List.of(BigDecimal.TEN.pow(power), BigDecimal.ONE.movePointLeft(power))) {
                        BigDecimal corrected = value.multiply(factor);
                        if (claim.holds(without.add(corrected))) {
                            causes.add(Cause.ofCounty(Cause.Kind.UNIT_SLIP, code, value, factor, corrected));
                        }
                    }
                }
                for (BigDecimal swapped : adjacentSwaps(value)) {
                    if (claim.holds(without.add(swapped))) {
                        causes.add(Cause.ofCounty(Cause.Kind.DIGITS_SWAPPED, code, value, null, swapped));
                    }
                }
                if (claim.holds(without)) {
                    causes.add(Cause.ofCounty(Cause.Kind.COUNTED_TWICE, code, value, null, BigDecimal.ZERO));
                }
            }
            EarlierValue earlier = earlierValues.get(code);
            if (earlier != null && earlier.value().compareTo(value) != 0 && claim.holds(without.add(earlier.value()))) {
                causes.add(new Cause(Cause.Kind.RESUBMISSION, code, earlier.file(), 0, null, null, null, value, null,
                        earlier.value()));
            }
        }
        if (causes.isEmpty() && onRoundingEdge(claim, total)) {
            causes.add(Cause.about(Cause.Kind.ROUNDING_EDGE, total));
        }
        if (causes.isEmpty()) {
            causes.add(Cause.of(Cause.Kind.UNEXPLAINED));
        }
        return causes;
    }

    /**
     * For a total waiting for one county: the county's rejected rows whose value (read as digits, or as a Chinese
     * numeral such as 一) would complete the total to what the figure claims. Reviewers can then ask the county
     * to confirm that row rather than to send a figure from scratch.
     */
    public static List<Cause> rejectedValuesThatComplete(Indicator indicator, Claim claim, BigDecimal partialTotal,
                                                         List<SubmissionStore.RejectedRow> rows) {
        List<Cause> notes = new ArrayList<>();
        for (SubmissionStore.RejectedRow r : rows) {
            Optional<BigDecimal> value = readableValue(r, indicator);
            if (value.isPresent() && claim.holds(partialTotal.add(value.get()))) {
                notes.add(new Cause(Cause.Kind.WOULD_COMPLETE, r.countyCode(), r.file(), r.line(), r.reason().name(),
                        r.rawValue(), r.remark() == null || r.remark().isBlank() ? null : r.remark(), value.get(), null,
                        partialTotal.add(value.get())));
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

}
