package cn.ulanqab.stats.report;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.files.AtomicFiles;
import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Level;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.history.Change;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.review.Review;
import cn.ulanqab.stats.submission.FileStatus;
import cn.ulanqab.stats.submission.SubmissionStore;
import cn.ulanqab.stats.targets.TargetResult;
import cn.ulanqab.stats.targets.TargetStatus;
import org.apache.poi.ss.SpreadsheetVersion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reviewers' workbook {@code report.xlsx}: the summary, the findings with their reviews, all figures, the county
 * breakdown, the rejected rows, the file ledger, the report check, the changes since the previous run and the year's
 * targets (worst first), one sheet each. Each sheet has a hidden row of the contract's column names (those of the CSVs) above a header in the report's
 * language, frozen and filtered. Figures are numeric cells holding their exact decimal, formatted with thousands
 * separators; statuses are coloured; long texts wrap; every text is a plain string cell, never a formula. Streamed
 * (SXSSF), so a sheet of a million rows is not held in memory; a sheet holds at most Excel's 1,048,576 rows, the last
 * one saying how many were cut. The same night gives the same bytes: the file holds no clock time.
 */
@Component
public class XlsxReport {

    public static final String FILE = "report.xlsx";
    /** The sheets in order, by their message key ({@code xlsx.sheet.<key>}). */
    public static final List<String> SHEETS = List.of("summary", "findings", "figures", "breakdown", "rejected", "files",
            "report-check", "changes", "targets");
    /** The summary sheet: what a person reads first, the token a program matches last. */
    public static final List<String> SUMMARY_COLUMNS = List.of("label", "value", "item");
    /** The breakdown sheet with several cities: long form, the county values behind the worst findings (see the CSV). */
    public static final List<String> BREAKDOWN_LONG_COLUMNS = List.of("indicator_code", "name_zh", "unit", "region_code",
            "county_code", "value");
    /** Rows of a sheet in Excel (1,048,576): the two header rows, the data and, when cut, the note. */
    static final int EXCEL_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private static final Set<String> WRAPPED = Set.of("hint", "quote", "message", "disposition_note", "note", "reason",
            "remark", "before", "after");

    /** The night's rejected rows in file and line order, then the reviewers' file's, at most {@code limit}. */
    @FunctionalInterface
    public interface RejectedRows {
        void each(long limit, Consumer<SubmissionStore.RejectedRow> action);
    }

    /**
     * The words the workbook takes from the other outputs' data: a line's hint, a rejected row's message and the figure
     * a rejected row affects (null or empty: none, the cell stays blank), worded as reconciliation.csv and
     * rejected-rows.csv word them.
     */
    public interface Texts {
        String hint(ReconciliationLine line);

        String message(SubmissionStore.RejectedRow row);

        String affects(SubmissionStore.RejectedRow row);

        /** Why a file of the ledger was not read, or what was noted of it, as file-ledger.csv says it. */
        String reason(SubmissionStore.LedgerLine file);

        /** What a check found (a report-check line's message), as the CSVs word it. */
        String detail(Detail detail);
    }

    private final MessageSource messages;
    private final Locale locale;
    private final int sheetRows;

    @Autowired
    public XlsxReport(MessageSource messages, @Value("${reconciliation.language:zh}") String language) {
        this(messages, Locale.forLanguageTag(language), EXCEL_ROWS);
    }

    /** @param sheetRows the rows a sheet may hold (Excel's limit; smaller in tests of a cut sheet) */
    XlsxReport(MessageSource messages, Locale locale, int sheetRows) {
        this.messages = messages;
        this.locale = locale;
        this.sheetRows = sheetRows;
    }

    /**
     * @param countyValues the accepted value of each indicator (key) per unit (inner key) for the breakdown sheet
     * @param rejected     every rejected row, streamed
     */
    public void write(Path target, OutputWriter.NightReport night, Map<String, Map<String, BigDecimal>> countyValues,
                      RejectedRows rejected, Texts texts) {
        StreamedWorkbook workbook = new StreamedWorkbook();
        try {
            XlsxStyles styles = new XlsxStyles(workbook);
            ReferenceData reference = night.reference();
            List<ReconciliationLine> ordered = findingsOrder(night.lines(), reference);
            summarySheet(sheet(workbook, styles, "summary"), night.summary());
            linesSheet(sheet(workbook, styles, "findings"), ordered.stream().filter(l -> l.status().isFinding()).toList(), texts, styles);
            linesSheet(sheet(workbook, styles, "figures"), ordered, texts, styles);
            breakdownSheet(sheet(workbook, styles, "breakdown"), reference, ordered, countyValues);
            rejectedSheet(sheet(workbook, styles, "rejected"), rejected, night.summary(), texts, styles);
            filesSheet(sheet(workbook, styles, "files"), night.ledger(), texts, styles);
            reportCheckSheet(sheet(workbook, styles, "report-check"), night.reportCheck(), texts, styles);
            changesSheet(sheet(workbook, styles, "changes"), night.changes(), new ChangeWords(night.words()), !reference.registry().singleCity(), styles);
            targetsSheet(sheet(workbook, styles, "targets"), night.targets(), new TargetWords(night.words()), styles);
            AtomicFiles.write(target, workbook::write);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the workbook of " + target, e);
            }
        }
    }

    private XlsxSheet sheet(StreamedWorkbook workbook, XlsxStyles styles, String key) {
        return new XlsxSheet(workbook, text("xlsx.sheet." + key), styles, sheetRows);
    }

    private void header(XlsxSheet sheet, List<String> columns) {
        sheet.header(columns, columns.stream().map(c -> text("xlsx.column." + c)).toList());
    }

    private void finish(XlsxSheet sheet, String fullFile, long total) {
        sheet.finish(text("xlsx.note.cut", grouped(sheet.dataRows()), grouped(total), fullFile));
    }

    private void summarySheet(XlsxSheet sheet, RunSummary summary) {
        header(sheet, SUMMARY_COLUMNS);
        item(sheet, "run", summary.runId());
        item(sheet, "period", summary.period());
        for (FileStatus status : FileStatus.values()) {
            item(sheet, "files." + status.name(), summary.files().getOrDefault(status, 0L));
        }
        item(sheet, "rows_read", summary.rowsRead());
        item(sheet, "rows_accepted", summary.rowsAccepted());
        item(sheet, "rows_rejected", summary.rowsRejected());
        if (summary.hasReviews()) {
            item(sheet, "reviews_applied", summary.reviewsAccepted());
            item(sheet, "reviews_rejected", summary.reviewsRejected());
        }
        for (Status status : Status.values()) {
            item(sheet, "figures." + status.name(), summary.figures().getOrDefault(status, 0L));
        }
        item(sheet, "open_findings", summary.openFindings());
        item(sheet, "excused_findings", summary.excusedFindings());
        item(sheet, "report_findings", summary.reportFindings());
        item(sheet, "exit_status", (long) summary.exitStatus());
        item(sheet, "verdict", summary.exitStatus() == 0 ? text("xlsx.verdict.match")
                : text("xlsx.verdict.findings", grouped(summary.findings())));
        sheet.finish("");
    }

    private void item(XlsxSheet sheet, String item, Object value) {
        String label = item.startsWith("files.") ? text("xlsx.item.files", text("xlsx.file-status." + item.substring(6)))
                : item.startsWith("figures.") ? text("xlsx.item.figures", text("xlsx.status." + item.substring(8)))
                : text("xlsx.item." + item);
        sheet.row(label, value, item);
    }

    /** The Findings and Figures sheets: the columns of reconciliation.csv, with the review beside each figure. */
    private void linesSheet(XlsxSheet sheet, List<ReconciliationLine> lines, Texts texts, XlsxStyles styles) {
        List<String> columns = OutputWriter.RECONCILIATION_COLUMNS;
        header(sheet, columns);
        for (ReconciliationLine l : lines) {
            Review review = l.review();
            String reviewStatus = reviewStatus(l);
            Map<String, Object> cells = new HashMap<>();
            cells.put("indicator_code", l.indicatorCode());
            cells.put("name_zh", l.nameZh());
            cells.put("unit", l.unit());
            cells.put("published_text", l.publishedText());
            cells.put("published_value", figure(l.publishedValue()));
            cells.put("city_total", figure(l.cityTotal()));
            cells.put("as_printed", l.asPrinted());
            cells.put("difference", figure(l.difference()));
            cells.put("relative_difference", l.relativeDifference() == null ? null : new BigDecimal(Numbers.fraction(l.relativeDifference())));
            cells.put("status", new XlsxSheet.Styled(l.status().name(), styles.fill(colourOf(l.status()))));
            cells.put("counties_reported", l.countiesReported());
            cells.put("missing_counties", String.join(";", l.missingCounties()));
            cells.put("hint", texts.hint(l));
            cells.put("section", l.section());
            cells.put("quote", l.quote());
            cells.put("claim_kind", l.claimKind().code());
            cells.put("base_total", figure(l.baseTotal()));
            cells.put("computed_change", l.computedChange() == null ? null
                    : new BigDecimal(ReconciliationCsv.sixDecimals(l.computedChange())));
            if (review != null) {
                cells.put("disposition", review.disposition().name());
                cells.put("disposition_note", review.note());
                cells.put("reviewer", review.reviewer());
                cells.put("review_date", review.date().toString());
                cells.put("review_status", new XlsxSheet.Styled(reviewStatus, styles.fill(reviewColour(reviewStatus))));
            }
            cells.put("region_code", l.regionCode());
            sheet.row(cells(columns, cells, styles));
        }
        finish(sheet, "reconciliation.csv", lines.size());
    }

    /**
     * The review's state as a token: blank (no review), {@code current}, {@code excused} or {@code stale} (written
     * against another total: it excuses nothing).
     */
    static String reviewStatus(ReconciliationLine line) {
        if (line.review() == null) {
            return "";
        }
        return line.reviewStale() ? "stale" : line.excused() ? "excused" : "current";
    }

    /** The row's cells in the order of the columns; long texts wrapped. */
    private static Object[] cells(List<String> columns, Map<String, Object> values, XlsxStyles styles) {
        Object[] row = new Object[columns.size()];
        for (int c = 0; c < row.length; c++) {
            Object value = values.get(columns.get(c));
            row[c] = value instanceof String text && WRAPPED.contains(columns.get(c)) && !text.isEmpty()
                    ? new XlsxSheet.Styled(text, styles.wrapped()) : value;
        }
        return row;
    }

    /**
     * Open findings first, then the excused ones, then the other figures; within each MISMATCH, then INCOMPLETE, then
     * NO_DATA, the larger |relative difference| first and a blank one last; then MATCH, then UNPUBLISHED; ties in
     * catalog order.
     */
    static List<ReconciliationLine> findingsOrder(List<ReconciliationLine> lines, ReferenceData reference) {
        Map<String, Integer> catalogOrder = new HashMap<>();
        List<Indicator> indicators = reference.catalog().indicators();
        for (int i = 0; i < indicators.size(); i++) {
            catalogOrder.put(indicators.get(i).code(), i);
        }
        Comparator<ReconciliationLine> openFirst = Comparator.comparingInt(l -> l.openFinding() ? 0 : l.excused() ? 1 : 2);
        Comparator<ReconciliationLine> bySeverity = Comparator.comparingInt(l -> severity(l.status()));
        Comparator<ReconciliationLine> byGap = Comparator.comparing(
                l -> l.status().isFinding() && l.relativeDifference() != null ? l.relativeDifference().abs() : null,
                Comparator.nullsLast(Comparator.reverseOrder()));
        Comparator<ReconciliationLine> byCatalog = Comparator.comparingInt(
                l -> catalogOrder.getOrDefault(l.indicatorCode(), Integer.MAX_VALUE));
        return lines.stream().sorted(openFirst.thenComparing(bySeverity).thenComparing(byGap).thenComparing(byCatalog)
                .thenComparing(ReconciliationLine::indicatorCode)
                .thenComparing(l -> l.regionCode() == null ? "" : l.regionCode())).toList();
    }

    private static int severity(Status status) {
        return switch (status) {
            case MISMATCH -> 0;
            case INCOMPLETE -> 1;
            case NO_DATA -> 2;
            case MATCH -> 3;
            case UNPUBLISHED -> 4;
        };
    }

    private void breakdownSheet(XlsxSheet sheet, ReferenceData reference, List<ReconciliationLine> ordered,
                                Map<String, Map<String, BigDecimal>> accepted) {
        if (!reference.registry().singleCity()) {
            longBreakdownSheet(sheet, reference, ordered, accepted);
            return;
        }
        List<County> units = new ArrayList<>(reference.registry().counties());
        units.add(reference.registry().city());
        List<String> columns = new ArrayList<>(List.of("indicator_code", "name_zh", "unit"));
        List<String> headings = new ArrayList<>(columns.stream().map(c -> text("xlsx.column." + c)).toList());
        units.forEach(u -> {
            columns.add(u.code());
            headings.add(u.shortNameZh() + " " + u.code());
        });
        sheet.header(columns, headings);
        for (Indicator indicator : reference.catalog().indicators()) {
            Map<String, BigDecimal> values = accepted.getOrDefault(indicator.code(), Map.of());
            List<Object> row = new ArrayList<>(List.of(indicator.code(), indicator.nameZh(), indicator.unit()));
            units.forEach(u -> row.add(figure(values.get(u.code()))));
            sheet.row(row.toArray());
        }
        finish(sheet, "county-breakdown.csv", reference.catalog().indicators().size());
    }

    /**
     * Several cities: one row per county value behind each of the worst {@value HtmlReport#TOP_FINDINGS} findings (the
     * counties of the finding's region), in the order of the Findings sheet; every value is in county-breakdown.csv
     * (the national input has 5.7 million values).
     */
    private void longBreakdownSheet(XlsxSheet sheet, ReferenceData reference, List<ReconciliationLine> ordered,
                                    Map<String, Map<String, BigDecimal>> accepted) {
        header(sheet, BREAKDOWN_LONG_COLUMNS);
        List<ReconciliationLine> findings = ordered.stream().filter(l -> l.status().isFinding()).limit(HtmlReport.TOP_FINDINGS).toList();
        long rows = 0;
        for (ReconciliationLine l : findings) {
            Indicator indicator = reference.catalog().get(l.indicatorCode());
            Map<String, BigDecimal> values = accepted.getOrDefault(indicator.code(), Map.of());
            List<String> units = indicator.level() == Level.CITY ? List.of(l.regionCode())
                    : reference.registry().leafCodesOf(l.regionCode());
            for (String unit : units) {
                sheet.row(indicator.code(), indicator.nameZh(), indicator.unit(), l.regionCode(), unit, figure(values.get(unit)));
                rows++;
            }
        }
        finish(sheet, "county-breakdown.csv", rows);
    }

    private void rejectedSheet(XlsxSheet sheet, RejectedRows rejected, RunSummary summary, Texts texts, XlsxStyles styles) {
        List<String> columns = OutputWriter.REJECTED_COLUMNS;
        header(sheet, columns);
        // one more than fits, so that a cut sheet knows it was cut without reading every row
        rejected.each(sheetRows, r -> sheet.row(cells(columns, rejectedCells(r, texts), styles)));
        finish(sheet, "rejected-rows.csv", summary.rowsRejected() + Math.max(0, summary.reviewsRejected()));
    }

    /** The cells of a rejected row by column name, as rejected-rows.csv has them (an {@code affects} column included). */
    private static Map<String, Object> rejectedCells(SubmissionStore.RejectedRow r, Texts texts) {
        Map<String, Object> cells = new HashMap<>();
        cells.put("file", r.file());
        cells.put("line", r.line());
        cells.put("county_code", r.countyCode());
        cells.put("indicator_code", r.indicatorCode());
        cells.put("raw_value", r.rawValue());
        cells.put("reason", r.reason().name());
        cells.put("message", texts.message(r));
        cells.put("unit", r.unit());
        cells.put("remark", r.remark());
        cells.put("affects", texts.affects(r));
        return cells;
    }

    private void filesSheet(XlsxSheet sheet, List<SubmissionStore.LedgerLine> ledger, Texts texts, XlsxStyles styles) {
        header(sheet, OutputWriter.LEDGER_COLUMNS);
        for (SubmissionStore.LedgerLine f : ledger) {
            Map<String, Object> cells = new HashMap<>();
            cells.put("file", f.file());
            cells.put("county_code", f.countyCode());
            cells.put("version", f.version());
            cells.put("status", new XlsxSheet.Styled(f.status().name(), styles.fill(colourOf(f.status()))));
            cells.put("encoding", f.encoding());
            cells.put("rows_read", f.rowsRead());
            cells.put("rows_accepted", f.rowsAccepted());
            cells.put("rows_rejected", f.rowsRejected());
            cells.put("sha256", f.sha256());
            cells.put("reason", texts.reason(f));
            sheet.row(cells(OutputWriter.LEDGER_COLUMNS, cells, styles));
        }
        finish(sheet, "file-ledger.csv", ledger.size());
    }

    /** The report check's lines; without {@code --report} one row saying the check was not made. */
    private void reportCheckSheet(XlsxSheet sheet, List<PublishedCheck.Line> check, Texts texts, XlsxStyles styles) {
        header(sheet, PublishedCheck.COLUMNS);
        if (check == null) {
            sheet.row(new XlsxSheet.Styled(text("xlsx.note.no-report"), styles.note()));
            sheet.finish("");
            return;
        }
        for (PublishedCheck.Line c : check) {
            Map<String, Object> cells = new HashMap<>();
            cells.put("indicator_code", c.indicatorCode());
            cells.put("status", new XlsxSheet.Styled(c.status().name(), styles.fill(
                    c.status() == PublishedCheck.Status.AGREES ? XlsxStyles.Colour.GOOD : XlsxStyles.Colour.BAD)));
            cells.put("published_text", c.publishedText());
            cells.put("report_text", c.reportText());
            cells.put("published_section", c.publishedSection());
            cells.put("report_section", c.reportSection());
            cells.put("quote", c.quote());
            cells.put("figure_id", c.figureId());
            cells.put("message", texts.detail(c.message()));
            sheet.row(cells(PublishedCheck.COLUMNS, cells, styles));
        }
        finish(sheet, OutputWriter.REPORT_CHECK_FILE, check.size());
    }

    /** The targets of the year as targets.csv has them, worst first, the status in the report's words beside its token. */
    private void targetsSheet(XlsxSheet sheet, List<TargetResult> targets, TargetWords words, XlsxStyles styles) {
        List<String> columns = new ArrayList<>(TargetsCsv.COLUMNS);
        columns.add(columns.indexOf("status") + 1, "status_words");
        header(sheet, columns);
        if (targets.isEmpty()) {
            sheet.row(new XlsxSheet.Styled(text("xlsx.note.no-targets"), styles.note()));
            sheet.finish("");
            return;
        }
        for (TargetResult r : targets.stream().sorted(TargetWords.WORST_FIRST).toList()) {
            List<String> csv = TargetsCsv.row(r, words);
            Map<String, Object> cells = new HashMap<>();
            for (int c = 0; c < TargetsCsv.COLUMNS.size(); c++) {
                cells.put(TargetsCsv.COLUMNS.get(c), csv.get(c));
            }
            cells.put("target_value", r.targetValue());
            cells.put("cumulative_total", r.cumulativeTotal());
            cells.put("share_of_target", sixDecimals(r.shareOfTarget()));
            cells.put("cumulative_growth", sixDecimals(r.cumulativeGrowth()));
            cells.put("expected_share", sixDecimals(r.expectedShare()));
            cells.put("counties_reported", r.countiesReported() == null ? null : (long) r.countiesReported());
            cells.put("status", new XlsxSheet.Styled(r.status().name(), styles.fill(colour(r.status()))));
            cells.put("status_words", words.status(r));
            sheet.row(cells(columns, cells, styles));
        }
        finish(sheet, TargetsCsv.FILE, targets.size());
    }

    private static BigDecimal sixDecimals(BigDecimal value) {
        return value == null ? null : value.setScale(6, RoundingMode.HALF_UP);
    }

    private static XlsxStyles.Colour colour(TargetStatus status) {
        return switch (status) {
            case MET, ON_TRACK, WITHIN -> XlsxStyles.Colour.GOOD;
            case INCOMPLETE, NO_DATA -> XlsxStyles.Colour.WARNING;
            default -> XlsxStyles.Colour.BAD;
        };
    }

    private void changesSheet(XlsxSheet sheet, List<Change> changes, ChangeWords words, boolean regional, XlsxStyles styles) {
        List<String> columns = new ArrayList<>(OutputWriter.CHANGES_COLUMNS);
        if (regional) {
            columns.add("region_code");
        }
        header(sheet, columns);
        for (Change c : changes) {
            Map<String, Object> cells = new HashMap<>();
            cells.put("change", new XlsxSheet.Styled(c.kind().name(), styles.fill(colourOf(c.kind()))));
            cells.put("subject", c.subject());
            cells.put("name_zh", c.name());
            cells.put("before", c.before());
            cells.put("after", c.after());
            cells.put("note", words.note(c));
            cells.put("region_code", c.regionCode());
            sheet.row(cells(columns, cells, styles));
        }
        finish(sheet, "changes.csv", changes.size());
    }

    static XlsxStyles.Colour colourOf(Status status) {
        return switch (status) {
            case MATCH -> XlsxStyles.Colour.GOOD;
            case MISMATCH, NO_DATA -> XlsxStyles.Colour.BAD;
            case INCOMPLETE -> XlsxStyles.Colour.WARNING;
            case UNPUBLISHED -> XlsxStyles.Colour.INFO;
        };
    }

    private static XlsxStyles.Colour reviewColour(String reviewStatus) {
        return switch (reviewStatus) {
            case "excused" -> XlsxStyles.Colour.GOOD;
            case "stale" -> XlsxStyles.Colour.WARNING;
            default -> XlsxStyles.Colour.INFO;
        };
    }

    private static XlsxStyles.Colour colourOf(FileStatus status) {
        return switch (status) {
            case PROCESSED -> XlsxStyles.Colour.GOOD;
            case SUPERSEDED -> XlsxStyles.Colour.MUTED;
            case UNRECOGNIZED -> XlsxStyles.Colour.WARNING;
            case UNREADABLE, MISSING -> XlsxStyles.Colour.BAD;
        };
    }

    private static XlsxStyles.Colour colourOf(Change.Kind kind) {
        return switch (kind) {
            case NEW_FINDING, FILE_UNREADABLE, COUNTY_DROPPED_OUT -> XlsxStyles.Colour.BAD;
            case RESOLVED -> XlsxStyles.Colour.GOOD;
            case STATUS_CHANGED, REVIEW_CHANGED, REVIEW_STALE, FILE_RESUBMITTED -> XlsxStyles.Colour.WARNING;
            case TOTAL_CHANGED, FILE_ADDED, FILE_REMOVED -> XlsxStyles.Colour.INFO;
        };
    }

    /** A figure as the CSVs write it: plain, no trailing zeros, at most six decimals. */
    private static BigDecimal figure(BigDecimal value) {
        return value == null ? null : new BigDecimal(Numbers.plain(value));
    }

    /** A count with thousands separators, the same whatever the machine's locale. */
    private static String grouped(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
