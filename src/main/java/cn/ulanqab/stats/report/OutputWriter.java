package cn.ulanqab.stats.report;

import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.ReconciliationStore;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes the night's outputs into {@code <output>/<period>/} from what the run stored. */
@Component
public class OutputWriter {

    public static final List<String> RECONCILIATION_COLUMNS = List.of("indicator_code", "name_zh", "unit", "published_text",
            "published_value", "city_total", "as_printed", "difference", "relative_difference", "status",
            "counties_reported", "missing_counties", "hint", "section", "quote");
    public static final List<String> REJECTED_COLUMNS = List.of("file", "line", "county_code", "indicator_code", "raw_value",
            "reason", "message", "unit", "remark");
    public static final List<String> LEDGER_COLUMNS = List.of("file", "county_code", "version", "status", "encoding",
            "rows_read", "rows_accepted", "rows_rejected", "sha256", "reason");

    /** The report page lists this many rejected rows at most; rejected-rows.csv has them all. */
    public static final int HTML_REJECTED_ROWS = 2000;

    private final SubmissionStore submissions;
    private final ReconciliationStore reconciliations;
    private final HtmlReport html;

    public OutputWriter(SubmissionStore submissions, ReconciliationStore reconciliations, HtmlReport html) {
        this.submissions = submissions;
        this.reconciliations = reconciliations;
        this.html = html;
    }

    public RunSummary write(long runId, String period, ReferenceData reference, Path folder, OffsetDateTime runStarted) {
        List<ReconciliationLine> lines = reconciliations.lines(runId);
        List<SubmissionStore.LedgerLine> ledger = submissions.ledger(runId);
        List<SubmissionStore.RejectedRow> rejected = new ArrayList<>();
        submissions.eachRejectedRow(runId, HTML_REJECTED_ROWS, rejected::add);
        Map<String, Map<String, BigDecimal>> accepted = submissions.acceptedValues(runId);
        RunSummary summary = RunSummary.of(runId, period, ledger, lines);
        AtomicFiles.clearScratch(folder);

        CsvOutput.write(folder.resolve("reconciliation.csv"), RECONCILIATION_COLUMNS, lines.stream().map(l -> List.of(
                l.indicatorCode(), l.nameZh(), l.unit(), text(l.publishedText()), Numbers.plain(l.publishedValue()),
                Numbers.plain(l.cityTotal()), text(l.asPrinted()), Numbers.plain(l.difference()),
                Numbers.fraction(l.relativeDifference()), l.status().name(), String.valueOf(l.countiesReported()),
                String.join(";", l.missingCounties()), text(l.hint()), text(l.section()), text(l.quote()))).toList());

        List<String> units = new ArrayList<>(reference.registry().countyCodes());
        units.add(reference.registry().city().code());
        List<String> breakdownHeader = new ArrayList<>(List.of("indicator_code"));
        breakdownHeader.addAll(units);
        List<List<String>> breakdown = new ArrayList<>();
        for (Indicator indicator : reference.catalog().indicators()) {
            Map<String, BigDecimal> values = accepted.getOrDefault(indicator.code(), Map.of());
            List<String> row = new ArrayList<>(List.of(indicator.code()));
            units.forEach(u -> row.add(Numbers.plain(values.get(u))));
            breakdown.add(row);
        }
        CsvOutput.write(folder.resolve("county-breakdown.csv"), breakdownHeader, breakdown);

        CsvOutput.stream(folder.resolve("rejected-rows.csv"), REJECTED_COLUMNS, row -> submissions.eachRejectedRow(runId,
                Long.MAX_VALUE, r -> row.accept(List.of(r.file(), String.valueOf(r.line()), text(r.countyCode()),
                        text(r.indicatorCode()), text(r.rawValue()), r.reason().name(), text(r.message()), text(r.unit()),
                        text(r.remark())))));

        CsvOutput.write(folder.resolve("file-ledger.csv"), LEDGER_COLUMNS, ledger.stream().map(f -> List.of(
                f.file(), text(f.countyCode()), f.version() == null ? "" : String.valueOf(f.version()), f.status().name(),
                text(f.encoding()), String.valueOf(f.rowsRead()), String.valueOf(f.rowsAccepted()),
                String.valueOf(f.rowsRejected()), text(f.sha256()), text(f.reason()))).toList());

        String page = html.render(summary, reference, lines, rejected, ledger, runStarted);
        AtomicFiles.write(folder.resolve("report.html"), out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
        return summary;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
