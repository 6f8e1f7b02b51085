package cn.ulanqab.stats.report;

import cn.ulanqab.stats.submission.SubmissionStore;

import java.util.List;

/**
 * rejected-rows.csv: every rejected row with its reason token; the message in the wording's language (what the reason
 * means, then the check's own detail); last {@code affects}, the figure the rejection leaves incomplete or changes.
 */
final class RejectedRowsCsv {

    static final String FILE = "rejected-rows.csv";
    static final List<String> COLUMNS = List.of("file", "line", "county_code", "indicator_code", "raw_value",
            "reason", "message", "unit", "remark", "affects");

    private RejectedRowsCsv() {
    }

    static List<String> row(SubmissionStore.RejectedRow r, String affects, Wording words) {
        return List.of(r.file(), String.valueOf(r.line()), text(r.countyCode()), text(r.indicatorCode()), text(r.rawValue()),
                r.reason().name(), message(r, words), text(r.unit()), text(r.remark()), affects);
    }

    /** What the reason means in the wording's language, then what the check found, in brackets. */
    static String message(SubmissionStore.RejectedRow r, Wording words) {
        String meaning = words.word("reason.", r.reason());
        String detail = words.detail(r.message());
        return detail.isEmpty() || detail.equals(meaning) ? meaning : meaning + (words.english() ? " (" + detail + ")" : "（" + detail + "）");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
