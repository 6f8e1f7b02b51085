package cn.ulanqab.stats.report;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.history.Change;
import cn.ulanqab.stats.review.Review;

import java.util.ArrayList;
import java.util.List;

/** The note of a change since the previous run, in the wording's language, from the change's data. */
public final class ChangeWords {

    private final CauseWords causes;

    public ChangeWords(CauseWords causes) {
        this.causes = causes;
    }

    public String kind(Change change) {
        return causes.words().word("change.", change.kind());
    }

    public String note(Change c) {
        Wording w = causes.words();
        return switch (c.kind()) {
            case NEW_FINDING, STATUS_CHANGED -> causes.hint(c.line());
            case TOTAL_CHANGED -> c.line().unit();
            case REVIEW_CHANGED, REVIEW_STALE -> {
                Review r = c.line().review();
                if (r == null) {
                    yield w.get("change.note.review.gone");
                }
                List<String> parts = new ArrayList<>();
                parts.add(w.get("change.note.review", text(r.reviewer()), r.date(), text(r.note())));
                parts.addAll(causes.staleWhy(c.line()));
                yield String.join(CauseWords.SEPARATOR, parts);
            }
            case FILE_UNREADABLE -> w.get("change.note.unreadable", c.subject(), w.detail(Detail.fromStored(c.detail())));
            case FILE_RESUBMITTED -> c.before().equals(c.after()) ? w.get("change.note.same.name")
                    : "PROCESSED".equals(c.detail()) ? w.get("change.note.replaced", c.before()) : "";
            case COUNTY_DROPPED_OUT -> w.get("change.note.dropped.out", causes.county(c.subject()), text(c.detail()));
            case FILE_REMOVED -> w.get("change.note.removed");
            case RESOLVED, FILE_ADDED -> "";
        };
    }

    /** The subject as a reader finds it: a unit with its name, an indicator with its Chinese name. */
    public String subject(Change c) {
        if (c.line() != null) {
            return c.subject() + " " + text(c.name());
        }
        return c.kind() == Change.Kind.FILE_UNREADABLE ? c.subject() : causes.county(c.subject());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
