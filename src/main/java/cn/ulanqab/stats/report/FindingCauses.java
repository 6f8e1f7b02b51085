package cn.ulanqab.stats.report;

import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Reconciler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kinds of cause of a finding, for summary.json. A reconciliation line does not carry its causes as data yet
 * (issue 14, item 1): until it does, the kinds are recognised in the words of today's hint, here and nowhere else.
 * Once the line has its causes, this becomes {@code line.causes().stream().map(c -> c.kind().name())}. The kind names
 * are those of the structured causes.
 */
final class FindingCauses {

    /** The start of each hint part and the kind it states, tried in this order. */
    private static final Map<String, String> KIND_BY_START = new LinkedHashMap<>();

    static {
        KIND_BY_START.put("the total ", "OUTSIDE_CLAIM");
        KIND_BY_START.put("unit slip?", "UNIT_SLIP");
        KIND_BY_START.put("digits swapped?", "DIGITS_SWAPPED");
        KIND_BY_START.put("counted twice or left out", "COUNTED_TWICE");
        KIND_BY_START.put("resubmission?", "RESUBMISSION");
        KIND_BY_START.put("rounding edge", "ROUNDING_EDGE");
        KIND_BY_START.put("no single county's value explains", "UNEXPLAINED");
        KIND_BY_START.put("not printed in the report", "NOT_PRINTED");
        KIND_BY_START.put("no county reported it", "NO_COUNTY_REPORTED");
        KIND_BY_START.put("no county reported ", "RATIO_NO_DATA");
        KIND_BY_START.put("computed only when every county reports", "RATIO_INCOMPLETE");
        KIND_BY_START.put("a CITY-level indicator", "NOT_A_CITY");
        KIND_BY_START.put("the city file does not report", "CITY_FILE_LACKS");
        KIND_BY_START.put("even before", "EXCEEDED_BEFORE_COMPLETE");
        KIND_BY_START.put("partial total", "WAITING");
        KIND_BY_START.put("would complete:", "WOULD_COMPLETE");
        KIND_BY_START.put("rejected:", "REJECTED_ROW");
        KIND_BY_START.put("and ", "MORE_REJECTED");
    }

    private FindingCauses() {
    }

    /** The kinds of the line's causes, in the order the hint gives them, each once. */
    static List<String> kinds(ReconciliationLine line) {
        List<String> kinds = new ArrayList<>();
        if (line.hint() == null || line.hint().isBlank()) {
            return kinds;
        }
        for (String part : line.hint().split(java.util.regex.Pattern.quote(Reconciler.HINT_SEPARATOR))) {
            String kind = kindOf(part.strip());
            if (kind != null && !kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private static String kindOf(String part) {
        for (PublishedCheck.Status status : PublishedCheck.Status.values()) {
            if (part.startsWith(status.name() + ":")) {
                return "REPORT_CHECK";
            }
        }
        for (Map.Entry<String, String> e : KIND_BY_START.entrySet()) {
            if (part.startsWith(e.getKey())) {
                return e.getKey().equals("and ") && !part.contains("more rejected rows") ? null : e.getValue();
            }
        }
        return null;
    }
}
