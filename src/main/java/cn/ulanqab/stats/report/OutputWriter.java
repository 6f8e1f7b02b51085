package cn.ulanqab.stats.report;

import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.history.Change;
import cn.ulanqab.stats.history.Changes;
import cn.ulanqab.stats.history.RunHistory;
import cn.ulanqab.stats.published.FigureKey;
import cn.ulanqab.stats.published.PublishedFigure;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.ReconciliationStore;
import cn.ulanqab.stats.review.Review;
import cn.ulanqab.stats.review.ReviewService;
import cn.ulanqab.stats.submission.FileStatus;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.stereotype.Component;

import cn.ulanqab.stats.reconciliation.Reconciler;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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
            "disposition", "disposition_note", "reviewer", "review_date", "review_status", "region_code");
    /** county-breakdown.csv with several cities: one row per accepted value (the wide form would have 2,844 columns). */
    public static final List<String> BREAKDOWN_LONG_COLUMNS = List.of("indicator_code", "region_code", "county_code", "value");
    /** With several cities, county values are kept in memory only for the indicators of this many findings. */
    static final int FINDINGS_WITH_VALUES = HtmlReport.TOP_FINDINGS;
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
    private final XlsxReport xlsx;

    public OutputWriter(SubmissionStore submissions, ReconciliationStore reconciliations, ReviewService reviews,
                        RunHistory history, HtmlReport html, XlsxReport xlsx) {
        this.xlsx = xlsx;
        this.submissions = submissions;
        this.reconciliations = reconciliations;
        this.reviews = reviews;
        this.history = history;
        this.html = html;
    }

    /** What a run stored, gathered for the outputs. */
    public record NightReport(RunSummary summary, ReferenceData reference, Map<FigureKey, PublishedFigure> published,
                              List<ReconciliationLine> lines, Map<String, Map<String, BigDecimal>> accepted,
                              List<SubmissionStore.RejectedRow> rejected, List<SubmissionStore.LedgerLine> ledger,
                              Optional<Long> previousRun, List<Change> changes, OffsetDateTime runStarted,
                              List<PublishedCheck.Line> reportCheck) {
    }

    /** @param reportCheck the check of the published file against the report, or null when the run had no report */
    public NightReport gather(long runId, String period, ReferenceData reference, Map<FigureKey, PublishedFigure> published,
                              OffsetDateTime runStarted, List<PublishedCheck.Line> reportCheck) {
        List<ReconciliationLine> lines = withReportCheck(reconciliations.lines(runId), reportCheck, reference.registry().city().code());
        List<SubmissionStore.RejectedRow> rejected = new ArrayList<>();
        submissions.eachRejectedRow(runId, HTML_REJECTED_ROWS, rejected::add);
        Set<String> indicators = valuesKept(reference, lines);
        Map<String, Map<String, BigDecimal>> accepted = indicators == null ? submissions.acceptedValues(runId)
                : submissions.acceptedValues(runId, indicators);
        return gather(runId, period, reference, published, runStarted, reportCheck, lines, submissions.ledger(runId), rejected, accepted);
    }

    /** The indicators whose county values the outputs need (null: all of them, for a one-city registry). */
    private static Set<String> valuesKept(ReferenceData reference, List<ReconciliationLine> lines) {
        if (reference.registry().singleCity()) {
            return null;
        }
        Set<String> indicators = new HashSet<>();
        lines.stream().filter(l -> l.status().isFinding()).sorted(FindingView.SEVERITY).limit(FINDINGS_WITH_VALUES)
                .forEach(l -> indicators.add(l.indicatorCode()));
        lines.stream().filter(l -> l.status() == cn.ulanqab.stats.reconciliation.Status.MISMATCH)
                .forEach(l -> indicators.add(l.indicatorCode()));
        return indicators;
    }

    private NightReport gather(long runId, String period, ReferenceData reference, Map<FigureKey, PublishedFigure> published,
                               OffsetDateTime runStarted, List<PublishedCheck.Line> reportCheck, List<ReconciliationLine> lines,
                               List<SubmissionStore.LedgerLine> runLedger, List<SubmissionStore.RejectedRow> firstRejected,
                               Map<String, Map<String, BigDecimal>> accepted) {
        List<SubmissionStore.LedgerLine> ledger = new ArrayList<>(runLedger);
        ledger.addAll(reviews.ledgerLine(runId));
        List<SubmissionStore.RejectedRow> rejected = new ArrayList<>(firstRejected);
        rejected.addAll(reviews.rejectedRows(runId, period));
        Optional<Long> previous = history.previousRun(runId, period);
        List<Change> changes = previous.map(p -> Changes.between(reconciliations.lines(p), submissions.ledger(p), lines,
                runLedger)).orElse(List.of());
        return new NightReport(RunSummary.of(runId, period, ledger, lines, reportCheck), reference, published, lines,
                accepted, rejected, ledger, previous, changes, runStarted, reportCheck);
    }

    private long summarizedRun = -1;
    private RunSummary summarized;

    /** The summary of a run's outputs: the one {@link #write} just computed for it, or computed from what the run stored. */
    public synchronized RunSummary summary(long runId, String period, ReferenceData reference, List<PublishedCheck.Line> reportCheck) {
        if (runId == summarizedRun && summarized != null) {
            return summarized;
        }
        List<ReconciliationLine> lines = withReportCheck(reconciliations.lines(runId), reportCheck, reference.registry().city().code());
        List<SubmissionStore.LedgerLine> ledger = new ArrayList<>(submissions.ledger(runId));
        ledger.addAll(reviews.ledgerLine(runId));
        return RunSummary.of(runId, period, ledger, lines, reportCheck);
    }

    /**
     * @param reportCheck the check of the published file against the report (report-check.csv, a hint on each
     *                    indicator it finds something on, a section of report.html), or null when the run had no
     *                    report: then the set has no report-check.csv
     */
    public RunSummary write(long runId, String period, ReferenceData reference, Map<FigureKey, PublishedFigure> published,
                            Path folder, OffsetDateTime runStarted, List<PublishedCheck.Line> reportCheck) {
        return new OutputFolder(folder).replace(set -> writeSet(runId, period, reference, published, set, runStarted, reportCheck));
    }

    /** Writes the whole set into {@code folder}, a new and empty folder. */
    private RunSummary writeSet(long runId, String period, ReferenceData reference, Map<FigureKey, PublishedFigure> published,
                                Path folder, OffsetDateTime runStarted, List<PublishedCheck.Line> reportCheck) {
        List<ReconciliationLine> runLines = withReportCheck(reconciliations.lines(runId), reportCheck, reference.registry().city().code());
        Set<String> kept = valuesKept(reference, runLines);
        boolean regionalBreakdown = !reference.registry().singleCity();
        Map<String, String> cityOf = new HashMap<>();
        if (regionalBreakdown) {
            reference.registry().regions().forEach(r -> cityOf.put(r.code(),
                    reference.registry().cityOf(r.code()).map(cn.ulanqab.stats.catalog.County::code).orElse("")));
        }
        // One pass over the run's rows writes rejected-rows.csv and (with several cities) the long county-breakdown.csv,
        // and gathers what the other outputs need: the county values of some indicators, the first rejected rows, the
        // rows per file of the ledger.
        Map<String, Map<String, BigDecimal>> accepted = new HashMap<>();
        List<SubmissionStore.RejectedRow> firstRejected = new ArrayList<>();
        Map<String, long[]> rowsByFile = new HashMap<>();
        CsvOutput.write(folder.resolve("rejected-rows.csv"), REJECTED_COLUMNS, (java.util.function.Consumer<List<String>> rejectedRow) -> {
            java.util.function.Consumer<java.util.function.Consumer<List<String>>> scan = breakdownRow ->
                    submissions.forEachRow(runId, new SubmissionStore.RowVisitor() {
                        @Override
                        public void accepted(String file, String unit, String indicator, String value) {
                            rowsByFile.computeIfAbsent(file, k -> new long[2])[0]++;
                            BigDecimal v = null;
                            if (kept == null || kept.contains(indicator)) {
                                v = new BigDecimal(value);
                                accepted.computeIfAbsent(indicator, k -> new HashMap<>()).put(unit, v);
                            }
                            if (breakdownRow != null) {
                                breakdownRow.accept(List.of(indicator, cityOf.getOrDefault(unit, ""), unit, plainText(value, v)));
                            }
                        }

                        @Override
                        public void rejected(SubmissionStore.RejectedRow r) {
                            rowsByFile.computeIfAbsent(r.file(), k -> new long[2])[1]++;
                            if (firstRejected.size() < HTML_REJECTED_ROWS) {
                                firstRejected.add(r);
                            }
                            rejectedRow.accept(rejectedRow(r));
                        }
                    });
            if (regionalBreakdown) {
                CsvOutput.write(folder.resolve("county-breakdown.csv"), BREAKDOWN_LONG_COLUMNS, scan);
            } else {
                scan.accept(null);
            }
            reviews.rejectedRows(runId, period).forEach(r -> rejectedRow.accept(rejectedRow(r)));
        });
        NightReport night = gather(runId, period, reference, published, runStarted, reportCheck, runLines,
                submissions.ledger(runId, rowsByFile), firstRejected, accepted);
        if (reportCheck != null) {
            CsvOutput.write(folder.resolve(REPORT_CHECK_FILE), PublishedCheck.COLUMNS, reportCheck.stream().map(c -> List.of(c.indicatorCode(),
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
                reviewStatus(l), text(l.regionCode()))).toList());

        if (!regionalBreakdown) {
            wideBreakdown(folder, reference, night);
        }

        CsvOutput.write(folder.resolve("file-ledger.csv"), LEDGER_COLUMNS, night.ledger().stream().map(f -> List.of(
                f.file(), text(f.countyCode()), f.version() == null ? "" : String.valueOf(f.version()), f.status().name(),
                text(f.encoding()), String.valueOf(f.rowsRead()), String.valueOf(f.rowsAccepted()),
                String.valueOf(f.rowsRejected()), text(f.sha256()), text(f.reason()))).toList());

        boolean regional = !reference.registry().singleCity();
        List<String> changesColumns = new ArrayList<>(CHANGES_COLUMNS);
        if (regional) {
            changesColumns.add("region_code");
        }
        CsvOutput.write(folder.resolve("changes.csv"), changesColumns, night.changes().stream().map(c -> {
            List<String> row = new ArrayList<>(List.of(c.kind().name(), c.subject(), text(c.name()), text(c.before()),
                    text(c.after()), text(c.note())));
            if (regional) {
                row.add(text(c.regionCode()));
            }
            return row;
        }).toList());

        String page = html.render(night);
        AtomicFiles.write(folder.resolve("report.html"), out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
        xlsx.write(folder.resolve(XlsxReport.FILE), night, night.accepted(), (limit, action) -> {
            submissions.eachRejectedRow(runId, limit, action);
            reviews.rejectedRows(runId, period).forEach(action);
        }, XlsxReport.STORED);
        SummaryJson.write(folder.resolve(SummaryJson.FILE), night, reference.registry().city().code(), history.fingerprint(runId));
        // every rejected row of a unit, read file by file (the report's list stops at HTML_REJECTED_ROWS)
        Map<String, List<String>> filesOfUnit = new HashMap<>();
        night.ledger().stream().filter(f -> f.status() == FileStatus.PROCESSED && f.countyCode() != null)
                .forEach(f -> filesOfUnit.computeIfAbsent(f.countyCode(), k -> new ArrayList<>()).add(f.file()));
        CountyFeedback.write(folder, reference, night.lines(), night.accepted(), new CountyFeedback.UnitRows() {
            @Override
            public void eachRejected(String unit, java.util.function.Consumer<SubmissionStore.RejectedRow> action) {
                filesOfUnit.getOrDefault(unit, List.of()).forEach(file -> submissions.eachRejectedRowOf(runId, file, action));
            }

            @Override
            public Optional<SubmissionStore.RowPlace> acceptedAt(String unit, String indicatorCode) {
                return filesOfUnit.getOrDefault(unit, List.of()).stream()
                        .map(file -> submissions.acceptedRowOf(runId, file, indicatorCode)).flatMap(Optional::stream).findFirst();
            }
        });
        synchronized (this) {
            summarizedRun = runId;
            summarized = night.summary();
        }
        return night.summary();
    }

    /** county-breakdown.csv of a one-city registry: one row per indicator, one column per county and the city's own. */
    private static void wideBreakdown(Path folder, ReferenceData reference, NightReport night) {
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

    }

    static List<ReconciliationLine> withReportCheck(List<ReconciliationLine> lines, List<PublishedCheck.Line> reportCheck) {
        return withReportCheck(lines, reportCheck, null);
    }

    /** The report check's findings open the hint of the lines of the report's region (null: of every line). */
    static List<ReconciliationLine> withReportCheck(List<ReconciliationLine> lines, List<PublishedCheck.Line> reportCheck,
                                                    String region) {
        if (reportCheck == null) {
            return lines;
        }
        Map<String, PublishedCheck.Line> findings = new HashMap<>();
        reportCheck.stream().filter(c -> c.status().isFinding()).forEach(c -> findings.put(c.indicatorCode(), c));
        return lines.stream().map(l -> {
            PublishedCheck.Line c = findings.get(l.indicatorCode());
            if (c == null || region != null && l.regionCode() != null && !region.equals(l.regionCode())) {
                return l;
            }
            String hint = c.status() + ": " + c.message() + (l.hint() == null || l.hint().isEmpty() ? "" : Reconciler.HINT_SEPARATOR + l.hint());
            return l.withHint(hint);
        }).toList();
    }

    /**
     * {@link Numbers#plain} of a stored value (the text of its BigDecimal's toPlainString()), without parsing it when
     * the text already is its plain form: a whole number, or decimals (at most 6) without trailing zeros.
     */
    static String plainText(String stored, BigDecimal parsed) {
        int dot = stored.indexOf('.');
        if (dot < 0 || stored.length() - dot - 1 <= 6 && stored.charAt(stored.length() - 1) != '0') {
            return stored;
        }
        return Numbers.plain(parsed != null ? parsed : new BigDecimal(stored));
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
