package cn.ulanqab.stats.submission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Check 12, judged among the accepted rows of one file: the same indicator twice with equal values
 * (compared as numbers) keeps the lowest line and rejects the others as DUPLICATE; with different
 * values every copy is DUPLICATE_CONFLICT.
 */
public final class DuplicateSettlement {

    public record AcceptedRow(long line, String indicatorCode, BigDecimal value) {
    }

    public record Verdict(long line, RowReason reason, String message) {
    }

    private DuplicateSettlement() {
    }

    public static List<Verdict> settle(List<AcceptedRow> rowsOfOneFile) {
        Map<String, List<AcceptedRow>> byIndicator = new LinkedHashMap<>();
        rowsOfOneFile.stream().sorted(Comparator.comparingLong(AcceptedRow::line))
                .forEach(r -> byIndicator.computeIfAbsent(r.indicatorCode(), k -> new ArrayList<>()).add(r));
        List<Verdict> verdicts = new ArrayList<>();
        for (List<AcceptedRow> copies : byIndicator.values()) {
            if (copies.size() < 2) {
                continue;
            }
            AcceptedRow first = copies.get(0);
            boolean allEqual = copies.stream().allMatch(r -> r.value().compareTo(first.value()) == 0);
            if (allEqual) {
                for (AcceptedRow copy : copies.subList(1, copies.size())) {
                    verdicts.add(new Verdict(copy.line(), RowReason.DUPLICATE, duplicateMessage(first.line())));
                }
            } else {
                String message = conflictMessage(first.indicatorCode(), copies, copies.size());
                for (AcceptedRow copy : copies) {
                    verdicts.add(new Verdict(copy.line(), RowReason.DUPLICATE_CONFLICT, message));
                }
            }
        }
        return verdicts;
    }

    /** How many copies a conflict message lists; the rest are counted, so a message stays short on any file. */
    public static final int LISTED_COPIES = 20;

    public static String duplicateMessage(long keptLine) {
        return "repeats line " + keptLine + " with the same value; line " + keptLine + " is kept";
    }

    /** The message of every copy of a conflict: the first {@link #LISTED_COPIES} copies by line, and how many in all. */
    public static String conflictMessage(String indicatorCode, List<AcceptedRow> firstCopies, long copies) {
        List<AcceptedRow> listed = firstCopies.subList(0, (int) Math.min(firstCopies.size(), LISTED_COPIES));
        String more = copies > listed.size() ? " … (" + copies + " copies in all)" : "";
        String lines = String.join(", ", listed.stream().map(r -> String.valueOf(r.line())).toList()) + more;
        String values = String.join(" vs ", listed.stream().map(r -> r.value().toPlainString()).toList()) + more;
        return indicatorCode + " appears on lines " + lines + " with different values (" + values
                + "); none is counted until the county sends one";
    }
}
