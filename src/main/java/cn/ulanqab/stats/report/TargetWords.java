package cn.ulanqab.stats.report;

import cn.ulanqab.stats.targets.TargetNote;
import cn.ulanqab.stats.targets.TargetResult;

import java.util.Comparator;
import java.util.List;

/** The words of a target's line in the wording's language: its status and the sentences of its hint. */
public final class TargetWords {

    /**
     * Worst first: missed, exceeded, behind, over pace, the data findings, then on track, within and met; in a status
     * the one furthest behind its pace (or its target) first, then in the order of the targets file.
     */
    public static final Comparator<TargetResult> WORST_FIRST = Comparator.<TargetResult>comparingInt(r -> r.status().ordinal())
            .thenComparing(r -> r.aheadOfPace() != null ? r.aheadOfPace() : r.shareOfTarget(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(r -> r.target().line());

    private final CauseWords causes;

    public TargetWords(CauseWords causes) {
        this.causes = causes;
    }

    public String status(TargetResult r) {
        return causes.words().word("target.status.", r.status());
    }

    public String hint(TargetResult r) {
        return String.join(CauseWords.SEPARATOR, sentences(r));
    }

    public List<String> sentences(TargetResult r) {
        return r.notes().stream().map(n -> sentence(n, r)).toList();
    }

    private String sentence(TargetNote n, TargetResult r) {
        Wording words = causes.words();
        String key = "target.note." + n.kind().name();
        return switch (n.kind()) {
            case NO_DATA, BASE_ZERO -> words.get(key);
            case NO_BASE -> words.get(key, n.period());
            case INCOMPLETE -> words.get(key, r.missingCounties() == null ? "" : causes.counties(r.missingCounties()));
            case NOT_CUMULATIVE -> words.get(key, causes.county(n.county()), n.now(), n.period(), n.earlier(), r.indicator().unit());
        };
    }
}
