package cn.ulanqab.stats.report;

import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.history.Change;
import cn.ulanqab.stats.history.Changes;
import cn.ulanqab.stats.history.RunHistory;
import cn.ulanqab.stats.published.PublishedFigure;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.ReconciliationStore;
import cn.ulanqab.stats.review.Review;
import cn.ulanqab.stats.review.ReviewService;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.stereotype.Component;

import cn.ulanqab.stats.reconciliation.Reconciler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.HashMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes the night's outputs into {@code <output>/<period>/} from what the run stored. */
@Component
public class OutputWriter {

    public static final List<String> RECONCILIATION_COLUMNS = List.of("indicator_code", "name_zh", "unit", "published_text",
            "published_value", "city_total", "as_printed", "difference", "relative_difference", "status",
            "counties_reported", "missing_counties", "hint", "section", "quote",
            "disposition", "disposition_note", "reviewer", "review_date", "review_status");
    public static final List<String> REJECTED_COLUMNS = List.of("file", "line", "county_code", "indicator_code", "raw_value",
            "reason", "message", "unit", "remark");
    public static final List<String> LEDGER_COLUMNS = List.of("file", "county_code", "version", "status", "encoding",
            "rows_read", "rows_accepted", "rows_rejected", "sha256", "reason");
    public static final String REPORT_CHECK_FILE = "report-check.csv";
    public static final List<String> CHANGES_COLUMNS = List.of("change", "subject", "name_zh", "before", "after", "note");

    /** The report page lists this many rejected rows at most; rejected-rows.csv has them all. */
    public static final int HTML_REJECTED_ROWS = 2000;

    private final SubmissionStore submissions;
    private final ReconciliationStore reconciliations;
    private final ReviewService reviews;
    private final RunHistory history;
    private final HtmlReport html;

    public OutputWriter(SubmissionStore submissions, ReconciliationStore reconciliations, ReviewService reviews,
                        RunHistory history, HtmlReport html) {
        this.submissions = submissions;
        this.reconciliations = reconciliations;
        this.reviews = reviews;
        this.history = history;
        this.html = html;
    }

    /** What a run stored, gathered for the outputs. */
    public record NightReport(RunSummary summary, ReferenceData reference, Map<String, PublishedFigure> published,
                              List<ReconciliationLine> lines, Map<String, Map<String, BigDecimal>> accepted,
                              List<SubmissionStore.RejectedRow> rejected, List<SubmissionStore.LedgerLine> ledger,
                              Optional<Long> previousRun, List<Change> changes, OffsetDateTime runStarted,
                              List<PublishedCheck.Line> reportCheck) {
    }

    /** @param reportCheck the check of the published file against the report, or null when the run had no report */
    public NightReport gather(long runId, String period, ReferenceData reference, Map<String, PublishedFigure> published,
                              OffsetDateTime runStarted, List<PublishedCheck.Line> reportCheck) {
        List<ReconciliationLine> lines = withReportCheck(reconciliations.lines(runId), reportCheck);
        List<SubmissionStore.LedgerLine> ledger = new ArrayList<>(submissions.ledger(runId));
        ledger.addAll(reviews.ledgerLine(runId));
        List<SubmissionStore.RejectedRow> rejected = new ArrayList<>();
        submissions.eachRejectedRow(runId, HTML_REJECTED_ROWS, rejected::add);
        rejected.addAll(reviews.rejectedRows(runId, period));
        Optional<Long> previous = history.previousRun(runId, period);
        List<Change> changes = previous.map(p -> Changes.between(reconciliations.lines(p), submissions.ledger(p), lines,
                submissions.ledger(runId))).orElse(List.of());
        return new NightReport(RunSummary.of(runId, period, ledger, lines, reportCheck), reference, published, lines,
                submissions.acceptedValues(runId), rejected, ledger, previous, changes, runStarted, reportCheck);
    }

    /**
     * @param reportCheck the check of the published file against the report (report-check.csv, a hint on each
     *                    indicator it finds something on, a section of report.html), or null when the run had no
     *                    report: then no report-check.csv is left in the folder
     */
    public RunSummary write(long runId, String period, ReferenceData reference, Map<String, PublishedFigure> published,
                            Path folder, OffsetDateTime runStarted, List<PublishedCheck.Line> reportCheck) {
        NightReport night = gather(runId, period, reference, published, runStarted, reportCheck);
        AtomicFiles.clearScratch(folder);
        Path checkFile = folder.resolve(REPORT_CHECK_FILE);
        if (reportCheck == null) {
            try {
                Files.deleteIfExists(checkFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the stale " + checkFile, e);
            }
        } else {
            CsvOutput.write(checkFile, PublishedCheck.COLUMNS, reportCheck.stream().map(c -> List.of(c.indicatorCode(),
                    c.status().name(), c.publishedText(), c.reportText(), c.publishedSection(), c.reportSection(), c.quote(),
                    c.figureId(), c.message())).toList());
        }

        CsvOutput.write(folder.resolve("reconciliation.csv"), RECONCILIATION_COLUMNS, night.lines().stream().map(l -> List.of(
                l.indicatorCode(), l.nameZh(), l.unit(), text(l.publishedText()), Numbers.plain(l.publishedValue()),
                Numbers.plain(l.cityTotal()), text(l.asPrinted()), Numbers.plain(l.difference()),
                Numbers.fraction(l.relativeDifference()), l.status().name(), String.valueOf(l.countiesReported()),
                String.join(";", l.missingCounties()), text(l.hint()), text(l.section()), text(l.quote()),
                l.review() == null ? "" : l.review().disposition().name(), l.review() == null ? "" : text(l.review().note()),
                l.review() == null ? "" : text(l.review().reviewer()), l.review() == null ? "" : l.review().date().toString(),
                reviewStatus(l))).toList());

        List<String> units = new ArrayList<>(reference.registry().countyCodes());
        units.add(reference.registry().city().code());
        List<String> breakdownHeader = new ArrayList<>(List.of("indicator_code"));
        breakdownHeader.addAll(units);
        List<List<String>> breakdown = new ArrayList<>();
        for (Indicator indicator : reference.catalog().indicators()) {
            Map<String, BigDecimal> values = night.accepted().getOrDefault(indicator.code(), Map.of());
            List<String> row = new ArrayList<>(List.of(indicator.code()));
            units.forEach(u -> row.add(Numbers.plain(values.get(u))));
            breakdown.add(row);
        }
        CsvOutput.write(folder.resolve("county-breakdown.csv"), breakdownHeader, breakdown);

        CsvOutput.stream(folder.resolve("rejected-rows.csv"), REJECTED_COLUMNS, row -> {
            submissions.eachRejectedRow(runId, Long.MAX_VALUE, r -> row.accept(rejectedRow(r)));
            reviews.rejectedRows(runId, period).forEach(r -> row.accept(rejectedRow(r)));
        });

        CsvOutput.write(folder.resolve("file-ledger.csv"), LEDGER_COLUMNS, night.ledger().stream().map(f -> List.of(
                f.file(), text(f.countyCode()), f.version() == null ? "" : String.valueOf(f.version()), f.status().name(),
                text(f.encoding()), String.valueOf(f.rowsRead()), String.valueOf(f.rowsAccepted()),
                String.valueOf(f.rowsRejected()), text(f.sha256()), text(f.reason()))).toList());

        CsvOutput.write(folder.resolve("changes.csv"), CHANGES_COLUMNS, night.changes().stream().map(c -> List.of(
                c.kind().name(), c.subject(), text(c.name()), text(c.before()), text(c.after()), text(c.note()))).toList());

        String page = html.render(night);
        AtomicFiles.write(folder.resolve("report.html"), out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
        XlsxReport.write(folder.resolve(XlsxReport.FILE), night.summary(), reference, night.lines(), night.accepted(),
                night.rejected(), night.ledger());
        CountyFeedback.write(folder, reference, night.lines(), night.accepted(), night.rejected());
        return night.summary();
    }

    static List<ReconciliationLine> withReportCheck(List<ReconciliationLine> lines, List<PublishedCheck.Line> reportCheck) {
        if (reportCheck == null) {
            return lines;
        }
        Map<String, PublishedCheck.Line> findings = new HashMap<>();
        reportCheck.stream().filter(c -> c.status().isFinding()).forEach(c -> findings.put(c.indicatorCode(), c));
        return lines.stream().map(l -> {
            PublishedCheck.Line c = findings.get(l.indicatorCode());
            if (c == null) {
                return l;
            }
            String hint = c.status() + ": " + c.message() + (l.hint() == null || l.hint().isEmpty() ? "" : Reconciler.HINT_SEPARATOR + l.hint());
            return new ReconciliationLine(l.indicatorCode(), l.nameZh(), l.nameEn(), l.unit(), l.publishedText(), l.publishedValue(),
                    l.claim(), l.cityTotal(), l.asPrinted(), l.difference(), l.relativeDifference(), l.status(), l.countiesReported(),
                    l.missingCounties(), hint, l.section(), l.quote(), l.review());
        }).toList();
    }

    private static List<String> rejectedRow(SubmissionStore.RejectedRow r) {
        return List.of(r.file(), String.valueOf(r.line()), text(r.countyCode()), text(r.indicatorCode()), text(r.rawValue()),
                r.reason().name(), text(r.message()), text(r.unit()), text(r.remark()));
    }

    static String reviewStatus(ReconciliationLine line) {
        Review review = line.review();
        if (review == null) {
            return "";
        }
        if (line.reviewStale()) {
            return "stale: written against " + Numbers.plain(review.cityTotal()) + ", the total is now " + Numbers.plain(line.cityTotal());
        }
        return line.excused() ? "excused" : "current";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
