package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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

    public record Verdict(long line, RowReason reason, Detail message) {
    }

    private DuplicateSettlement() {
    }

    public static List<Verdict> settle(List<AcceptedRow> rowsOfOneFile) {
        List<AcceptedRow> inLineOrder = rowsOfOneFile.stream().sorted(Comparator.comparingLong(AcceptedRow::line)).toList();
        Judge judge = new Judge();
        inLineOrder.forEach(judge::add);
        Map<String, List<Verdict>> byIndicator = new LinkedHashMap<>();
        for (AcceptedRow row : inLineOrder) {
            Verdict verdict = judge.verdict(row.line(), row.indicatorCode());
            List<Verdict> copies = byIndicator.computeIfAbsent(row.indicatorCode(), k -> new ArrayList<>());
            if (verdict != null) {
                copies.add(verdict);
            }
        }
        return byIndicator.values().stream().flatMap(List::stream).toList();
    }

    /**
     * Check 12 one row at a time: the accepted rows of one file are added in line order, then each gets its verdict.
     * Only the first {@link #LISTED_COPIES} copies of each indicator are held, so memory is bounded by the catalog
     * however long the file.
     */
    public static final class Judge {
        private static final class Group {
            final List<AcceptedRow> first = new ArrayList<>();
            long count;
            boolean conflict;
        }

        private final Map<String, Group> groups = new HashMap<>();

        /** The next accepted row of the file, in line order. */
        public void add(AcceptedRow row) {
            Group g = groups.computeIfAbsent(row.indicatorCode(), k -> new Group());
            if (g.count > 0 && row.value().compareTo(g.first.get(0).value()) != 0) {
                g.conflict = true;
            }
            if (g.first.size() < LISTED_COPIES) {
                g.first.add(row);
            }
            g.count++;
        }

        /** Whether some indicator was accepted more than once, so that some row has a verdict. */
        public boolean anyRepeated() {
            return groups.values().stream().anyMatch(g -> g.count > 1);
        }

        /** The verdict on a row once every row was added, or null when the row counts. */
        public Verdict verdict(long line, String indicatorCode) {
            Group g = groups.get(indicatorCode);
            if (g == null || g.count < 2) {
                return null;
            }
            if (g.conflict) {
                return new Verdict(line, RowReason.DUPLICATE_CONFLICT, conflictMessage(indicatorCode, g.first, g.count));
            }
            long kept = g.first.get(0).line();
            return line == kept ? null : new Verdict(line, RowReason.DUPLICATE, duplicateMessage(kept));
        }
    }

    /** How many copies a conflict message lists; the rest are counted, so a message stays short on any file. */
    public static final int LISTED_COPIES = 20;

    public static Detail duplicateMessage(long keptLine) {
        return Detail.of("duplicate", keptLine);
    }

    /** The message of every copy of a conflict: the first {@link #LISTED_COPIES} copies by line, and how many in all. */
    public static Detail conflictMessage(String indicatorCode, List<AcceptedRow> firstCopies, long copies) {
        List<AcceptedRow> listed = firstCopies.subList(0, (int) Math.min(firstCopies.size(), LISTED_COPIES));
        String lines = String.join(", ", listed.stream().map(r -> String.valueOf(r.line())).toList());
        String values = String.join(" / ", listed.stream().map(r -> r.value().toPlainString()).toList());
        return copies > listed.size() ? Detail.of("duplicate.conflict.more", indicatorCode, lines, values, copies)
                : Detail.of("duplicate.conflict", indicatorCode, lines, values);
    }
}
