package cn.ulanqab.stats.report;

import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.submission.FileStatus;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reviewers' workbook {@code report.xlsx}: the run summary, the findings first, the county breakdown, the
 * rejected rows and the file ledger, one sheet each. Header rows are bold, frozen and filtered; figures are numeric
 * cells; every text (remarks, quotes, hints) is a plain string cell, never a formula. Written whole or not at all.
 * Unlike the CSVs it is not byte-deterministic (it carries the run id, and the xlsx container has its own dates).
 */
public final class XlsxReport {

    public static final String FILE = "report.xlsx";
    public static final String SUMMARY = "Summary";
    public static final String FINDINGS = "Findings";
    public static final String BREAKDOWN = "County breakdown";
    public static final String REJECTED = "Rejected rows";
    public static final String FILES = "Files";

    public static final List<String> FINDINGS_COLUMNS = List.of("indicator_code", "name_zh", "name_en", "unit",
            "published_text", "published_value", "city_total", "as_printed", "difference", "relative_difference", "status",
            "counties_reported", "missing_counties", "hint", "section", "quote", "region_code");
    /** The breakdown sheet with several cities: long form, the county values behind the worst findings (see the CSV). */
    public static final List<String> BREAKDOWN_LONG_COLUMNS = List.of("indicator_code", "name_zh", "unit", "region_code",
            "county_code", "value");

    /** Widest column, in characters (a CJK character counts as 2); longer texts are cut off visually, not in the cell. */
    static final int MAX_WIDTH = 60;
    private static final int MIN_WIDTH = 6;

    private XlsxReport() {
    }

    public static void write(Path target, RunSummary summary, ReferenceData reference, List<ReconciliationLine> lines,
                             Map<String, Map<String, BigDecimal>> acceptedValues, List<SubmissionStore.RejectedRow> rejected,
                             List<SubmissionStore.LedgerLine> ledger, Function<ReconciliationLine, String> hints) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            summarySheet(new SheetWriter(workbook.createSheet(SUMMARY), styles), summary);
            findingsSheet(new SheetWriter(workbook.createSheet(FINDINGS), styles), reference, lines, hints);
            breakdownSheet(new SheetWriter(workbook.createSheet(BREAKDOWN), styles), reference, lines, acceptedValues);
            rejectedSheet(new SheetWriter(workbook.createSheet(REJECTED), styles), rejected);
            filesSheet(new SheetWriter(workbook.createSheet(FILES), styles), ledger);
            AtomicFiles.write(target, workbook::write);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void summarySheet(SheetWriter sheet, RunSummary summary) {
        sheet.header(List.of("item", "value"));
        sheet.row("run_id", summary.runId());
        sheet.row("period", summary.period());
        for (FileStatus status : FileStatus.values()) {
            sheet.row("files " + status.name(), summary.files().getOrDefault(status, 0L));
        }
        sheet.row("rows_read", summary.rowsRead());
        sheet.row("rows_accepted", summary.rowsAccepted());
        sheet.row("rows_rejected", summary.rowsRejected());
        for (Status status : Status.values()) {
            sheet.row("figures " + status.name(), summary.figures().getOrDefault(status, 0L));
        }
        sheet.row("findings", summary.findings());
        sheet.row("verdict", summary.findings() == 0
                ? "every printed figure is MATCH (exit status 0)"
                : summary.findings() + " findings to review (exit status 1)");
        sheet.finish();
    }

    private static void findingsSheet(SheetWriter sheet, ReferenceData reference, List<ReconciliationLine> lines,
                                      Function<ReconciliationLine, String> hints) {
        sheet.header(FINDINGS_COLUMNS);
        // several cities: the findings only (a national run prints some 66,600 figures; reconciliation.csv has them all)
        List<ReconciliationLine> shown = reference.registry().singleCity() ? lines
                : lines.stream().filter(l -> l.status().isFinding()).toList();
        for (ReconciliationLine l : findingsOrder(shown, reference)) {
            sheet.row(l.indicatorCode(), l.nameZh(), l.nameEn(), l.unit(), l.publishedText(), l.publishedValue(),
                    l.cityTotal(), l.asPrinted(), l.difference(), l.relativeDifference(), l.status().name(),
                    (long) l.countiesReported(), String.join(";", l.missingCounties()), hints.apply(l), l.section(), l.quote(),
                    l.regionCode());
        }
        sheet.finish();
    }

    /**
     * Findings first (MISMATCH, then INCOMPLETE, then NO_DATA; within each the larger |relative difference| first,
     * a blank one last), then MATCH, then UNPUBLISHED; ties and the non-findings in catalog order.
     */
    static List<ReconciliationLine> findingsOrder(List<ReconciliationLine> lines, ReferenceData reference) {
        Map<String, Integer> catalogOrder = new HashMap<>();
        List<Indicator> indicators = reference.catalog().indicators();
        for (int i = 0; i < indicators.size(); i++) {
            catalogOrder.put(indicators.get(i).code(), i);
        }
        Comparator<ReconciliationLine> bySeverity = Comparator.comparingInt(l -> severity(l.status()));
        Comparator<ReconciliationLine> byGap = Comparator.comparing(
                l -> l.status().isFinding() && l.relativeDifference() != null ? l.relativeDifference().abs() : null,
                Comparator.nullsLast(Comparator.reverseOrder()));
        Comparator<ReconciliationLine> byCatalog = Comparator.comparingInt(
                l -> catalogOrder.getOrDefault(l.indicatorCode(), Integer.MAX_VALUE));
        return lines.stream().sorted(bySeverity.thenComparing(byGap).thenComparing(byCatalog)
                .thenComparing(ReconciliationLine::indicatorCode)).toList();
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

    private static void breakdownSheet(SheetWriter sheet, ReferenceData reference, List<ReconciliationLine> lines,
                                       Map<String, Map<String, BigDecimal>> accepted) {
        if (!reference.registry().singleCity()) {
            longBreakdownSheet(sheet, reference, lines, accepted);
            return;
        }
        List<County> units = new ArrayList<>(reference.registry().counties());
        units.add(reference.registry().city());
        List<String> header = new ArrayList<>(List.of("indicator_code", "name_zh", "unit"));
        units.forEach(u -> header.add(u.shortNameZh() + " " + u.code()));
        sheet.header(header);
        for (Indicator indicator : reference.catalog().indicators()) {
            Map<String, BigDecimal> values = accepted.getOrDefault(indicator.code(), Map.of());
            List<Object> row = new ArrayList<>(List.of(indicator.code(), indicator.nameZh(), indicator.unit()));
            units.forEach(u -> row.add(values.get(u.code())));
            sheet.row(row.toArray());
        }
        sheet.finish();
    }

    /**
     * Several cities: one row per county value behind each of the worst {@value HtmlReport#TOP_FINDINGS} findings (the
     * counties of the finding's region), in the order of the Findings sheet; every value is in county-breakdown.csv
     * (a sheet holds at most 1,048,576 rows, and the national input has 5.7 million values).
     */
    private static void longBreakdownSheet(SheetWriter sheet, ReferenceData reference, List<ReconciliationLine> lines,
                                           Map<String, Map<String, BigDecimal>> accepted) {
        sheet.header(BREAKDOWN_LONG_COLUMNS);
        List<ReconciliationLine> findings = findingsOrder(lines.stream().filter(l -> l.status().isFinding()).toList(), reference);
        for (ReconciliationLine l : findings.subList(0, Math.min(HtmlReport.TOP_FINDINGS, findings.size()))) {
            Indicator indicator = reference.catalog().get(l.indicatorCode());
            Map<String, BigDecimal> values = accepted.getOrDefault(indicator.code(), Map.of());
            List<String> units = indicator.level() == cn.ulanqab.stats.catalog.Level.CITY ? List.of(l.regionCode())
                    : reference.registry().leafCodesOf(l.regionCode());
            for (String unit : units) {
                sheet.row(indicator.code(), indicator.nameZh(), indicator.unit(), l.regionCode(), unit, values.get(unit));
            }
        }
        sheet.finish();
    }

    private static void rejectedSheet(SheetWriter sheet, List<SubmissionStore.RejectedRow> rejected) {
        sheet.header(OutputWriter.REJECTED_COLUMNS);
        for (SubmissionStore.RejectedRow r : rejected) {
            sheet.row(r.file(), r.line(), r.countyCode(), r.indicatorCode(), r.rawValue(), r.reason().name(),
                    r.message(), r.unit(), r.remark());
        }
        sheet.finish();
    }

    private static void filesSheet(SheetWriter sheet, List<SubmissionStore.LedgerLine> ledger) {
        sheet.header(OutputWriter.LEDGER_COLUMNS);
        for (SubmissionStore.LedgerLine f : ledger) {
            sheet.row(f.file(), f.countyCode(), f.version() == null ? null : (long) f.version(), f.status().name(),
                    f.encoding(), f.rowsRead(), f.rowsAccepted(), f.rowsRejected(), f.sha256(), f.reason());
        }
        sheet.finish();
    }

    /** Display width of a text in characters, a CJK (wide) character counting as 2. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean isWide(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.GENERAL_PUNCTUATION && (cp == 0x201C || cp == 0x201D);
    }

    /** The bold header style and one number style per count of decimals, shared by all sheets. */
    private static final class Styles {
        private final Workbook workbook;
        private final DataFormat formats;
        private final CellStyle header;
        private final Map<Integer, CellStyle> numbers = new HashMap<>();

        Styles(Workbook workbook) {
            this.workbook = workbook;
            this.formats = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
        }

        /** {@code #,##0} for whole numbers, {@code #,##0.0…} with exactly as many decimals as the figure has. */
        CellStyle number(int decimals) {
            return numbers.computeIfAbsent(decimals, d -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(formats.getFormat(d == 0 ? "#,##0" : "#,##0." + "0".repeat(d)));
                return style;
            });
        }
    }

    /** Appends rows to one sheet and remembers the widest text of each column. */
    private static final class SheetWriter {
        private final Sheet sheet;
        private final Styles styles;
        private final List<Integer> widths = new ArrayList<>();
        private int next;

        SheetWriter(Sheet sheet, Styles styles) {
            this.sheet = sheet;
            this.styles = styles;
        }

        void header(List<String> names) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < names.size(); c++) {
                Cell cell = row.createCell(c);
                cell.setCellValue(names.get(c));
                cell.setCellStyle(styles.header);
                measure(c, displayWidth(names.get(c)) + 2); // room for the filter button
            }
        }

        private static final int CELL_LIMIT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

        void row(Object... values) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < values.length; c++) {
                Object value = values[c];
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (value instanceof String whole) {
                    // a cell holds at most 32,767 characters (a remark may be longer): the CSVs keep it whole
                    String text = whole.length() <= CELL_LIMIT ? whole : whole.substring(0, CELL_LIMIT - 1) + "…";
                    // setCellValue(String) makes a STRING cell: '=HYPERLINK(…)' stays text, never a formula
                    cell.setCellValue(text);
                    measure(c, displayWidth(text));
                } else {
                    BigDecimal number = value instanceof BigDecimal d ? d : BigDecimal.valueOf((Long) value);
                    BigDecimal shown = new BigDecimal(Numbers.plain(number)); // at most six decimals, no trailing zeros
                    // a numeric cell whose stored value is the figure's exact decimal text, set in the sheet's XML rather
                    // than through POI's binary number setter, so the file holds the figure as the CSVs do
                    ((XSSFCell) cell).getCTCell().setV(shown.toPlainString());
                    cell.setCellStyle(styles.number(shown.scale()));
                    String text = shown.toPlainString();
                    measure(c, text.length() + text.length() / 3);
                }
            }
        }

        private void measure(int column, int width) {
            while (widths.size() <= column) {
                widths.add(MIN_WIDTH);
            }
            widths.set(column, Math.max(widths.get(column), width));
        }

        /** Freezes and filters the header, and sets the widths from the content (no AWT font metrics needed). */
        void finish() {
            sheet.createFreezePane(0, 1);
            int lastColumn = widths.size() - 1;
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, lastColumn));
            for (int c = 0; c <= lastColumn; c++) {
                sheet.setColumnWidth(c, (Math.min(MAX_WIDTH, widths.get(c)) + 1) * 256);
            }
        }
    }
}
