package cn.ulanqab.stats.report;

import cn.ulanqab.stats.aggregation.RegionTotals;
import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.files.AtomicFiles;
import cn.ulanqab.stats.files.CsvOutput;
import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.history.Change;
import cn.ulanqab.stats.history.Changes;
import cn.ulanqab.stats.history.RunHistory;
import cn.ulanqab.stats.published.FigureKey;
import cn.ulanqab.stats.published.PublishedFigure;
import cn.ulanqab.stats.reconciliation.Cause;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.ReconciliationStore;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.review.ReviewService;
import cn.ulanqab.stats.submission.FileStatus;
import cn.ulanqab.stats.submission.SubmissionStore;
import cn.ulanqab.stats.targets.TargetResult;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes the night's outputs into {@code <output>/<period>/} from what the run stored: it gathers one view of the night
 * ({@link NightReport}) and hands it to one writer per output. One pass over the run's rows feeds the outputs that list
 * rows (rejected-rows.csv, county-breakdown.csv) and gathers what the others need.
 */
@Component
public class OutputWriter {

    public static final List<String> RECONCILIATION_COLUMNS = ReconciliationCsv.COLUMNS;
    public static final List<String> BREAKDOWN_LONG_COLUMNS = BreakdownCsv.LONG_COLUMNS;
    public static final List<String> REJECTED_COLUMNS = RejectedRowsCsv.COLUMNS;
    public static final List<String> LEDGER_COLUMNS = LedgerCsv.COLUMNS;
    public static final String REPORT_CHECK_FILE = ReportCheckCsv.FILE;
    public static final List<String> CHANGES_COLUMNS = ChangesCsv.COLUMNS;

    /** With several cities, county values are kept in memory only for the indicators of this many findings. */
    static final int FINDINGS_WITH_VALUES = HtmlReport.TOP_FINDINGS;
    /** The report page lists this many rejected rows at most; rejected-rows.csv has them all. */
    public static final int HTML_REJECTED_ROWS = 2000;

    private final SubmissionStore submissions;
    private final ReconciliationStore reconciliations;
    private final ReviewService reviews;
    private final RunHistory history;
    private final HtmlReport html;
    private final Wording wording;
    private final XlsxReport xlsx;

    public OutputWriter(SubmissionStore submissions, ReconciliationStore reconciliations, ReviewService reviews,
                        RunHistory history, HtmlReport html, Wording wording, XlsxReport xlsx) {
        this.xlsx = xlsx;
        this.submissions = submissions;
        this.reconciliations = reconciliations;
        this.reviews = reviews;
        this.history = history;
        this.html = html;
        this.wording = wording;
    }

    /**
     * What a run stored, gathered once for the outputs. {@code accepted} holds the county values of the indicators the
     * findings need; {@code rejected} the first {@link #HTML_REJECTED_ROWS} rejected rows; {@code affects} says which
     * figure each rejected row leaves incomplete; {@code words} words the causes in the night's language; {@code targets}
     * says where each of the year's targets stands (none without a targets file).
     */
    public record NightReport(RunSummary summary, ReferenceData reference, Map<FigureKey, PublishedFigure> published,
                              List<ReconciliationLine> lines, Map<String, Map<String, BigDecimal>> accepted,
                              List<SubmissionStore.RejectedRow> rejected, List<SubmissionStore.LedgerLine> ledger,
                              Optional<Long> previousRun, List<Change> changes, OffsetDateTime runStarted,
                              List<PublishedCheck.Line> reportCheck, CauseWords words, Affects affects, Path submissionFolder,
                              List<TargetResult> targets) {

        /** A night without targets. */
        public NightReport(RunSummary summary, ReferenceData reference, Map<FigureKey, PublishedFigure> published,
                           List<ReconciliationLine> lines, Map<String, Map<String, BigDecimal>> accepted,
                           List<SubmissionStore.RejectedRow> rejected, List<SubmissionStore.LedgerLine> ledger,
                           Optional<Long> previousRun, List<Change> changes, OffsetDateTime runStarted,
                           List<PublishedCheck.Line> reportCheck, CauseWords words, Affects affects, Path submissionFolder) {
            this(summary, reference, published, lines, accepted, rejected, ledger, previousRun, changes, runStarted, reportCheck,
                    words, affects, submissionFolder, List.of());
        }

        /** The changes the reviewers must see before the findings. */
        public List<Change> tonight() {
            return changes.stream().filter(Change::tonight).toList();
        }
    }

    private long summarizedRun = -1;
    private NightReport summarized;

    /** The summary of a run's outputs: the one {@link #write} just computed for it, or computed from what the run stored. */
    public synchronized RunSummary summary(long runId, String period, ReferenceData reference, List<PublishedCheck.Line> reportCheck) {
        if (runId == summarizedRun && summarized != null) {
            return summarized.summary();
        }
        List<ReconciliationLine> lines = withReportCheck(reconciliations.lines(runId), reportCheck, reference.registry().city().code());
        List<SubmissionStore.LedgerLine> ledger = new ArrayList<>(submissions.ledger(runId));
        ledger.addAll(reviews.ledgerLine(runId));
        return RunSummary.of(runId, period, ledger, lines, reportCheck);
    }

    /** The changes since the previous run that the console shows before the findings (none before the outputs were written). */
    public synchronized List<Change> tonight(long runId) {
        return runId == summarizedRun && summarized != null ? summarized.tonight() : List.of();
    }

    /** The findings of a written run, in the order the report lists them, with the night's words. */
    public synchronized Optional<NightReport> written(long runId) {
        return runId == summarizedRun ? Optional.ofNullable(summarized) : Optional.empty();
    }

    /**
     * @param reportCheck the check of the published file against the report (report-check.csv, a cause on each
     *                    indicator it finds something on, a section of report.html), or null when the run had no
     *                    report: then the set has no report-check.csv
     */
    public RunSummary write(long runId, String period, ReferenceData reference, Map<FigureKey, PublishedFigure> published,
                            Path folder, OffsetDateTime runStarted, List<PublishedCheck.Line> reportCheck) {
        return write(runId, period, reference, published, folder, runStarted, reportCheck, null);
    }

    /** The same, with the submission folder the report links an UNRECOGNIZED file in (null: no links). */
    public RunSummary write(long runId, String period, ReferenceData reference, Map<FigureKey, PublishedFigure> published,
                            Path folder, OffsetDateTime runStarted, List<PublishedCheck.Line> reportCheck, Path submissionFolder) {
        return write(runId, period, reference, published, folder, runStarted, reportCheck, submissionFolder, List.of());
    }

    /** The same, with where the year's targets stand (targets.csv, a section of report.html, a sheet of report.xlsx). */
    public RunSummary write(long runId, String period, ReferenceData reference, Map<FigureKey, PublishedFigure> published,
                            Path folder, OffsetDateTime runStarted, List<PublishedCheck.Line> reportCheck, Path submissionFolder,
                            List<TargetResult> targets) {
        return new OutputFolder(folder).replace(set -> writeSet(runId, period, reference, published, set, runStarted, reportCheck,
                submissionFolder, targets));
    }

    /** Writes the whole set into {@code folder}, a new and empty folder. */
    private RunSummary writeSet(long runId, String period, ReferenceData reference, Map<FigureKey, PublishedFigure> published,
                                Path folder, OffsetDateTime runStarted, List<PublishedCheck.Line> reportCheck, Path submissionFolder,
                                List<TargetResult> targets) {
        List<ReconciliationLine> runLines = withReportCheck(reconciliations.lines(runId), reportCheck, reference.registry().city().code());
        Set<String> kept = valuesKept(reference, runLines);
        boolean regional = !reference.registry().singleCity();
        Map<String, String> cityOf = new HashMap<>();
        if (regional) {
            reference.registry().regions().forEach(r -> cityOf.put(r.code(),
                    reference.registry().cityOf(r.code()).map(County::code).orElse("")));
        }
        // One pass over the run's rows writes rejected-rows.csv and (with several cities) the long county-breakdown.csv,
        // and gathers what the other outputs need: the county values of some indicators, the wide breakdown of one city,
        // which unit's values count, the first rejected rows, the rows per file of the ledger.
        Map<String, Map<String, BigDecimal>> accepted = new HashMap<>();
        List<SubmissionStore.RejectedRow> firstRejected = new ArrayList<>();
        Map<String, long[]> rowsByFile = new HashMap<>();
        Affects affects = new Affects(reference);
        BreakdownCsv.Wide wide = regional ? null : new BreakdownCsv.Wide(reference);
        RegionTotals baseSums = new RegionTotals(reference.registry());
        CsvOutput.write(folder.resolve(RejectedRowsCsv.FILE), RejectedRowsCsv.COLUMNS, (Consumer<List<String>> rejectedRow) -> {
            Consumer<Consumer<List<String>>> scan = breakdownRow ->
                    submissions.forEachRow(runId, new SubmissionStore.RowVisitor() {
                        @Override
                        public void accepted(String file, String unit, String indicator, String value) {
                            rowsByFile.computeIfAbsent(file, k -> new long[2])[0]++;
                            affects.counted(unit, indicator);
                            baseSums.add(indicator, unit, new BigDecimal(value));
                            BigDecimal v = null;
                            if (kept.contains(indicator)) {
                                v = new BigDecimal(value);
                                accepted.computeIfAbsent(indicator, k -> new HashMap<>()).put(unit, v);
                            }
                            if (breakdownRow != null) {
                                breakdownRow.accept(List.of(indicator, cityOf.getOrDefault(unit, ""), unit, plainText(value, v)));
                            } else {
                                wide.accepted(unit, indicator, value, v);
                            }
                        }

                        @Override
                        public void rejected(SubmissionStore.RejectedRow r) {
                            rowsByFile.computeIfAbsent(r.file(), k -> new long[2])[1]++;
                            if (firstRejected.size() < HTML_REJECTED_ROWS) {
                                firstRejected.add(r);
                            }
                            rejectedRow.accept(RejectedRowsCsv.row(r, affects.of(r), wording));
                        }
                    });
            if (regional) {
                CsvOutput.write(folder.resolve(BreakdownCsv.FILE), BreakdownCsv.LONG_COLUMNS, scan);
            } else {
                scan.accept(null);
            }
            reviews.rejectedRows(runId, period).forEach(r -> rejectedRow.accept(RejectedRowsCsv.row(r, "", wording)));
        });
        List<SubmissionStore.LedgerLine> runLedger = submissions.ledger(runId, rowsByFile);
        NightReport night = gather(runId, period, reference, published, runStarted, reportCheck, runLines, runLedger,
                firstRejected, accepted, affects, submissionFolder, targets);

        ReportCheckCsv.write(folder, night);
        TargetsCsv.write(folder, night);
        ReconciliationCsv.write(folder, night);
        BaseCsv.write(folder, reference, baseSums);
        if (wide != null) {
            wide.write(folder);
        }
        LedgerCsv.write(folder, night, wording);
        ChangesCsv.write(folder, night);
        String page = html.render(night);
        AtomicFiles.write(folder.resolve(HtmlReport.FILE), out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
        xlsx.write(folder.resolve(XlsxReport.FILE), night, wide != null ? wide.asMap() : night.accepted(), (limit, action) -> {
            submissions.eachRejectedRow(runId, limit, action);
            reviews.rejectedRows(runId, period).forEach(action);
        }, workbookTexts(night.words(), affects));
        SummaryJson.write(folder.resolve(SummaryJson.FILE), night, reference.registry().city().code(), history.fingerprint(runId));
        CountyFeedback.write(folder, night, unitRows(runId, night));
        synchronized (this) {
            summarizedRun = runId;
            summarized = night;
        }
        return night.summary();
    }

    /** The workbook's words: the same hint, message and affects as reconciliation.csv and rejected-rows.csv. */
    private XlsxReport.Texts workbookTexts(CauseWords words, Affects affects) {
        return new XlsxReport.Texts() {
            @Override
            public String hint(ReconciliationLine line) {
                return words.hint(line);
            }

            @Override
            public String message(SubmissionStore.RejectedRow row) {
                return RejectedRowsCsv.message(row, wording);
            }

            @Override
            public String affects(SubmissionStore.RejectedRow row) {
                return affects.of(row);
            }

            @Override
            public String reason(SubmissionStore.LedgerLine file) {
                return wording.detail(file.reason());
            }

            @Override
            public String detail(Detail detail) {
                return wording.detail(detail);
            }
        };
    }

    /** What the county feedback reads of a unit's stored rows: every rejected row of the unit, read file by file. */
    private CountyFeedback.UnitRows unitRows(long runId, NightReport night) {
        Map<String, List<String>> filesOfUnit = new HashMap<>();
        night.ledger().stream().filter(f -> f.status() == FileStatus.PROCESSED && f.countyCode() != null)
                .forEach(f -> filesOfUnit.computeIfAbsent(f.countyCode(), k -> new ArrayList<>()).add(f.file()));
        return new CountyFeedback.UnitRows() {
            @Override
            public void eachRejected(String unit, Consumer<SubmissionStore.RejectedRow> action) {
                filesOfUnit.getOrDefault(unit, List.of()).forEach(file -> submissions.eachRejectedRowOf(runId, file, action));
            }

            @Override
            public Optional<SubmissionStore.RowPlace> acceptedAt(String unit, String indicatorCode) {
                return filesOfUnit.getOrDefault(unit, List.of()).stream()
                        .map(file -> submissions.acceptedRowOf(runId, file, indicatorCode)).flatMap(Optional::stream).findFirst();
            }
        };
    }

    /**
     * The indicators whose county values the outputs keep in memory: those of every finding with one city (the report's
     * charts and the county feedback), of the worst findings and every MISMATCH with several cities.
     */
    private static Set<String> valuesKept(ReferenceData reference, List<ReconciliationLine> lines) {
        Set<String> indicators = new HashSet<>();
        if (reference.registry().singleCity()) {
            lines.stream().filter(l -> l.status().isFinding()).forEach(l -> {
                indicators.add(l.indicatorCode());
                reference.catalog().find(l.indicatorCode()).filter(i -> i.isRatio()).ifPresent(i -> {
                    indicators.add(i.formula().numerator());
                    indicators.add(i.formula().denominator());
                });
            });
            return indicators;
        }
        lines.stream().filter(l -> l.status().isFinding()).sorted(FindingView.SEVERITY).limit(FINDINGS_WITH_VALUES)
                .forEach(l -> indicators.add(l.indicatorCode()));
        lines.stream().filter(l -> l.status() == Status.MISMATCH).forEach(l -> indicators.add(l.indicatorCode()));
        return indicators;
    }

    private NightReport gather(long runId, String period, ReferenceData reference, Map<FigureKey, PublishedFigure> published,
                               OffsetDateTime runStarted, List<PublishedCheck.Line> reportCheck, List<ReconciliationLine> lines,
                               List<SubmissionStore.LedgerLine> runLedger, List<SubmissionStore.RejectedRow> firstRejected,
                               Map<String, Map<String, BigDecimal>> accepted, Affects affects, Path submissionFolder,
                               List<TargetResult> targets) {
        List<SubmissionStore.LedgerLine> ledger = new ArrayList<>(runLedger);
        ledger.addAll(reviews.ledgerLine(runId));
        List<SubmissionStore.RejectedRow> rejected = new ArrayList<>(firstRejected);
        rejected.addAll(reviews.rejectedRows(runId, period));
        Optional<Long> previous = history.previousRun(runId, period);
        List<Change> changes = previous.map(p -> Changes.between(reconciliations.lines(p), submissions.ledger(p), lines,
                runLedger)).orElse(List.of());
        long targetFindings = targets.stream().filter(t -> t.status().isFinding()).count();
        return new NightReport(RunSummary.of(runId, period, ledger, lines, reportCheck).withTargetFindings(targetFindings),
                reference, published, lines, accepted, rejected, ledger, previous, changes, runStarted, reportCheck,
                new CauseWords(wording, reference), affects, submissionFolder, targets);
    }

    static List<ReconciliationLine> withReportCheck(List<ReconciliationLine> lines, List<PublishedCheck.Line> reportCheck) {
        return withReportCheck(lines, reportCheck, null);
    }

    /** The report check's findings open the causes of the lines of the report's region (null: of every line). */
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
            return l.withFirstCause(Cause.reportCheck(c.status().name(), c.publishedText(), c.reportText()));
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
}
