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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two runs of one period: findings new and resolved, totals that moved, files resubmitted. */
public final class Changes {

    private Changes() {
    }

    public static List<Change> between(List<ReconciliationLine> before, List<LedgerLine> beforeFiles,
                                       List<ReconciliationLine> after, List<LedgerLine> afterFiles) {
        List<Change> changes = new ArrayList<>();
        Map<FigureKey, ReconciliationLine> old = before.stream().collect(Collectors.toMap(Changes::key, Function.identity(), (a, b) -> a));
        for (ReconciliationLine now : after) {
            ReconciliationLine was = old.get(key(now));
            String wasStatus = was == null ? "" : was.status().name();
            boolean wasFinding = was != null && was.status().isFinding();
            if (now.status().isFinding() && !wasFinding) {
                changes.add(change(Change.Kind.NEW_FINDING, now, wasStatus, now.status().name(), now.hint()));
            } else if (!now.status().isFinding() && wasFinding) {
                changes.add(change(Change.Kind.RESOLVED, now, wasStatus, now.status().name(), ""));
            } else if (was != null && was.status() != now.status()) {
                changes.add(change(Change.Kind.STATUS_CHANGED, now, wasStatus, now.status().name(), now.hint()));
            }
            BigDecimal wasTotal = was == null ? null : was.cityTotal();
            if (was != null && !sameNumber(wasTotal, now.cityTotal())) {
                changes.add(change(Change.Kind.TOTAL_CHANGED, now, Numbers.plain(wasTotal), Numbers.plain(now.cityTotal()), now.unit()));
            }
            if (was != null && !review(was).equals(review(now))) {
                changes.add(change(Change.Kind.REVIEW_CHANGED, now, review(was), review(now), now.review() == null
                        ? "no review of this figure any more"
                        : now.review().reviewer() + " " + now.review().date() + ": " + now.review().note()));
            }
        }
        Map<String, LedgerLine> oldUsed = usedFiles(beforeFiles);
        Map<String, LedgerLine> newUsed = usedFiles(afterFiles);
        for (String county : new TreeSet<>(union(oldUsed.keySet(), newUsed.keySet()))) {
            LedgerLine was = oldUsed.get(county);
            LedgerLine now = newUsed.get(county);
            if (was == null) {
                changes.add(new Change(Change.Kind.FILE_ADDED, county, "", "", now.file(), ""));
            } else if (now == null) {
                changes.add(new Change(Change.Kind.FILE_REMOVED, county, "", was.file(), "", "the unit's file is no longer read"));
            } else if (!was.file().equals(now.file()) || !Objects.equals(was.sha256(), now.sha256())) {
                changes.add(new Change(Change.Kind.FILE_RESUBMITTED, county, "", was.file(), now.file(),
                        was.file().equals(now.file()) ? "same name, new content" : ""));
            }
        }
        return changes;
    }

    private static Change change(Change.Kind kind, ReconciliationLine line, String before, String after, String note) {
        return new Change(kind, line.indicatorCode(), line.nameZh(), before, after, note == null ? "" : note, line.regionCode());
    }

    /** Lines are compared by indicator and region; a line stored before regions (region null) is the one city's. */
    private static FigureKey key(ReconciliationLine line) {
        return new FigureKey(line.indicatorCode(), line.regionCode() == null ? "" : line.regionCode());
    }

    /** A figure's review as a reviewer tells it apart: the disposition and whether it excuses, is stale or neither. */
    private static String review(ReconciliationLine line) {
        if (line.review() == null) {
            return "";
        }
        String state = line.reviewStale() ? "stale" : line.excused() ? "excused" : "current";
        return line.review().disposition().name() + " (" + state + ")";
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

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
