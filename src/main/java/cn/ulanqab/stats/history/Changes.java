package cn.ulanqab.stats.history;

import cn.ulanqab.stats.published.FigureKey;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.submission.FileStatus;
import cn.ulanqab.stats.submission.SubmissionStore.LedgerLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two runs of one period: files that became unreadable, units that dropped out, files resubmitted,
 * reviews gone stale, findings new and resolved, totals that moved.
 */
public final class Changes {

    private Changes() {
    }

    /** The changes in {@link Change#ORDER}: the kinds that need attention tonight first, then by indicator. */
    public static List<Change> between(List<ReconciliationLine> before, List<LedgerLine> beforeFiles,
                                       List<ReconciliationLine> after, List<LedgerLine> afterFiles) {
        List<Change> changes = new ArrayList<>();
        Map<FigureKey, ReconciliationLine> old = before.stream().collect(Collectors.toMap(Changes::key, Function.identity(), (a, b) -> a));
        for (ReconciliationLine now : after) {
            ReconciliationLine was = old.get(key(now));
            String wasStatus = was == null ? "" : was.status().name();
            boolean wasFinding = was != null && was.status().isFinding();
            if (now.status().isFinding() && !wasFinding) {
                changes.add(change(Change.Kind.NEW_FINDING, now, wasStatus, now.status().name()));
            } else if (!now.status().isFinding() && wasFinding) {
                changes.add(change(Change.Kind.RESOLVED, now, wasStatus, now.status().name()));
            } else if (was != null && was.status() != now.status()) {
                changes.add(change(Change.Kind.STATUS_CHANGED, now, wasStatus, now.status().name()));
            }
            BigDecimal wasTotal = was == null ? null : was.cityTotal();
            if (was != null && !sameNumber(wasTotal, now.cityTotal())) {
                changes.add(change(Change.Kind.TOTAL_CHANGED, now, Numbers.plain(wasTotal), Numbers.plain(now.cityTotal())));
            }
            if (was != null && !review(was).equals(review(now))) {
                boolean wentStale = now.reviewStale() && (was.review() == null || !was.reviewStale());
                changes.add(change(wentStale ? Change.Kind.REVIEW_STALE : Change.Kind.REVIEW_CHANGED, now, review(was), review(now)));
            }
        }
        Map<String, LedgerLine> oldUsed = usedFiles(beforeFiles);
        Map<String, LedgerLine> newUsed = usedFiles(afterFiles);
        Set<String> oldUnreadable = beforeFiles.stream().filter(l -> l.status() == FileStatus.UNREADABLE).map(LedgerLine::file)
                .collect(Collectors.toSet());
        for (LedgerLine now : afterFiles) {
            if (now.status() == FileStatus.UNREADABLE && !oldUnreadable.contains(now.file())) {
                changes.add(new Change(Change.Kind.FILE_UNREADABLE, now.file(), "", "", FileStatus.UNREADABLE.name(), null, null,
                        now.reason().stored()));
            }
        }
        for (String county : new TreeSet<>(union(oldUsed.keySet(), newUsed.keySet()))) {
            LedgerLine was = oldUsed.get(county);
            LedgerLine now = newUsed.get(county);
            if (was == null) {
                changes.add(new Change(Change.Kind.FILE_ADDED, county, "", "", now.file(), null, null, null));
            } else if (now == null) {
                changes.add(new Change(Change.Kind.FILE_REMOVED, county, "", was.file(), "", null, null, null));
            } else if (!was.file().equals(now.file()) || !Objects.equals(was.sha256(), now.sha256())) {
                changes.add(new Change(Change.Kind.FILE_RESUBMITTED, county, "", was.file(), now.file(), null, null,
                        was.status().name()));
            }
            boolean counted = was != null && was.status() == FileStatus.PROCESSED;
            boolean countsNow = now != null && now.status() == FileStatus.PROCESSED;
            if (counted && !countsNow) {
                changes.add(new Change(Change.Kind.COUNTY_DROPPED_OUT, county, "", was.file(), now == null ? "" : now.file(),
                        null, null, was.file()));
            }
        }
        changes.sort(Change.ORDER);
        return changes;
    }

    private static Change change(Change.Kind kind, ReconciliationLine line, String before, String after) {
        return new Change(kind, line.indicatorCode(), line.nameZh(), before, after, line.regionCode(), line, null);
    }

    /** Lines are compared by indicator and region; a line stored before regions (region null) is the one city's. */
    private static FigureKey key(ReconciliationLine line) {
        return new FigureKey(line.indicatorCode(), line.regionCode() == null ? "" : line.regionCode(), line.claimKind());
    }

    /** A figure's review as a reviewer tells it apart: the disposition and whether it excuses, is stale or neither. */
    private static String review(ReconciliationLine line) {
        if (line.review() == null) {
            return "";
        }
        return line.review().disposition().name() + " (" + line.reviewStatus() + ")";
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static Map<String, LedgerLine> usedFiles(List<LedgerLine> ledger) {
        Map<String, LedgerLine> used = new TreeMap<>();
        ledger.stream().filter(l -> l.countyCode() != null && (l.status() == FileStatus.PROCESSED || l.status() == FileStatus.UNREADABLE))
                .forEach(l -> used.put(l.countyCode(), l));
        return used;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
