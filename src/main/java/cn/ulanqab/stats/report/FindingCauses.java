package cn.ulanqab.stats.report;

import cn.ulanqab.stats.reconciliation.ReconciliationLine;

import java.util.List;

/** The kinds of cause of a finding, for summary.json: the names of the line's causes' kinds, in order, each once. */
final class FindingCauses {

    private FindingCauses() {
    }

    static List<String> kinds(ReconciliationLine line) {
        return line.causes().stream().map(c -> c.kind().name()).distinct().toList();
    }
}
