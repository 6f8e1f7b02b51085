package cn.ulanqab.stats.report;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.history.Change;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.review.Disposition;
import cn.ulanqab.stats.review.Review;
import cn.ulanqab.stats.submission.FileStatus;
import cn.ulanqab.stats.submission.RowReason;
import cn.ulanqab.stats.submission.SubmissionStore.LedgerLine;
import cn.ulanqab.stats.submission.SubmissionStore.RejectedRow;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static cn.ulanqab.stats.report.ReportFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

class XlsxReportTest {

    static final List<String> SHEET_NAMES = List.of("汇总", "待核查问题", "全部指标", "分旗县数据", "被拒收的行", "文件清单",
            "报告核对", "与上次运行相比", "年度目标");

    @TempDir
    static Path folder;
    static XSSFWorkbook workbook;
    static OutputWriter.NightReport night;

    @BeforeAll
    static void writeAndOpen() throws Exception {
        List<ReconciliationLine> lines = reviewedLines();
        ReconciliationLine meat = lines.stream().filter(l -> l.indicatorCode().equals("MEAT_OUTPUT")).findFirst().orElseThrow();
        night = night(lines, List.of(new Change(Change.Kind.NEW_FINDING, "MEAT_OUTPUT", "肉类产量", "MATCH", "MISMATCH", null,
                meat, null)), null);
        workbook = writeAndRead(new XlsxReport(messages(), Locale.CHINESE, XlsxReport.EXCEL_ROWS), night, REJECTED,
                folder.resolve("2023"));
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** The fixture's lines with an excused CO2_REDUCTION, a stale review of MEAT_OUTPUT and a tiny gap. */
    static List<ReconciliationLine> reviewedLines() {
        List<ReconciliationLine> lines = new ArrayList<>();
        for (ReconciliationLine l : LINES) {
            if (l.indicatorCode().equals("CO2_REDUCTION")) {
                l = l.withReview(new Review(2, "CO2_REDUCTION", Disposition.EXPLAINED, "卓资县单位填错，已电话核实", "王芳",
                        LocalDate.of(2024, 3, 1), new BigDecimal("1712475.1")));
            } else if (l.indicatorCode().equals("MEAT_OUTPUT")) {
                l = l.withReview(new Review(3, "MEAT_OUTPUT", Disposition.ACCEPTED, "口径不同", "李强",
                        LocalDate.of(2024, 3, 2), new BigDecimal("190000")));
            } else if (l.indicatorCode().equals("TECH_INCUBATORS")) {
                l = new ReconciliationLine(l.indicatorCode(), l.nameZh(), l.nameEn(), l.unit(), l.publishedText(),
                        l.publishedValue(), l.claim(), new BigDecimal("27651836.5"), l.asPrinted(), new BigDecimal("-0.000013"),
                        new BigDecimal("-0.00000048"), Status.MATCH, l.countiesReported(), l.missingCounties(), l.causes(),
                        l.section(), l.quote(), null);
            }
            lines.add(l);
        }
        return lines;
    }

    static OutputWriter.NightReport night(List<ReconciliationLine> lines, List<Change> changes, List<PublishedCheck.Line> check) {
        return new OutputWriter.NightReport(SUMMARY, REFERENCE, Map.of(), lines, ACCEPTED, REJECTED, LEDGER, Optional.empty(),
                changes, OffsetDateTime.parse("2026-12-01T23:00:00+08:00"), check, new CauseWords(Wording.of("zh"), REFERENCE),
                new Affects(REFERENCE), Path.of("input/2023"));
    }

    /** The words OutputWriter gives the workbook: the hint and message of the CSVs, in Chinese. */
    static XlsxReport.Texts worded(OutputWriter.NightReport night) {
        Wording chinese = Wording.of("zh");
        return new XlsxReport.Texts() {
            @Override
            public String hint(ReconciliationLine line) {
                return night.words().hint(line);
            }

            @Override
            public String message(RejectedRow row) {
                return RejectedRowsCsv.message(row, chinese);
            }

            @Override
            public String affects(RejectedRow row) {
                return night.affects().of(row);
            }

            @Override
            public String reason(LedgerLine file) {
                return night.words().words().detail(file.reason());
            }

            @Override
            public String detail(Detail detail) {
                return chinese.detail(detail);
            }
        };
    }

    static XSSFWorkbook writeAndRead(XlsxReport report, OutputWriter.NightReport night, List<RejectedRow> rejected, Path dir)
            throws IOException {
        Path target = dir.resolve(XlsxReport.FILE);
        report.write(target, night, ACCEPTED, (limit, action) -> rejected.stream().limit(limit).forEach(action), worded(night));
        try (InputStream in = Files.newInputStream(target)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void hasTheNineSheetsInOrderNamedInChinese() {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        assertThat(names).containsExactlyElementsOf(SHEET_NAMES);
    }

    @Test
    void everySheetHasAHiddenRowOfColumnNamesAboveAFrozenFilteredHeaderInChinese() {
        for (Sheet sheet : workbook) {
            assertThat(sheet.getRow(0).getZeroHeight()).as(sheet.getSheetName() + " row 1 hidden").isTrue();
            assertThat(sheet.getRow(1).getZeroHeight()).isFalse();
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).as(sheet.getSheetName()).isEqualTo((short) 2);
            assertThat(pane.getVerticalSplitPosition()).isZero();
            Row header = sheet.getRow(1);
            String lastColumn = CellReference.convertNumToColString(header.getLastCellNum() - 1);
            String ref = ((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef();
            assertThat(ref).as(sheet.getSheetName()).isEqualTo("A2:" + lastColumn + Math.max(2, sheet.getLastRowNum() + 1));
            for (Cell cell : header) {
                assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue();
            }
        }
        Sheet findings = workbook.getSheet("待核查问题");
        assertThat(row(findings, 0)).containsExactlyElementsOf(OutputWriter.RECONCILIATION_COLUMNS);
        assertThat(row(findings, 1)).startsWith("指标代码", "指标名称", "计量单位", "公布数", "公布数值", "合计")
                .contains("差额", "审核结论", "审核意见状态");
        assertThat(row(workbook.getSheet("被拒收的行"), 0)).containsExactlyElementsOf(OutputWriter.REJECTED_COLUMNS);
        assertThat(row(workbook.getSheet("文件清单"), 0)).containsExactlyElementsOf(OutputWriter.LEDGER_COLUMNS);
        assertThat(row(workbook.getSheet("报告核对"), 0)).containsExactlyElementsOf(PublishedCheck.COLUMNS);
        assertThat(row(workbook.getSheet("与上次运行相比"), 0)).containsExactlyElementsOf(OutputWriter.CHANGES_COLUMNS);
    }

    @Test
    void findingsCarryTheirReviewAndExcusedOnesComeAfterTheOpenOnes() {
        Sheet findings = workbook.getSheet("待核查问题");
        assertThat(column(findings, "indicator_code")).containsExactly("MEAT_OUTPUT", "MONITORED_HOUSEHOLDS", "HOTLINE_APPEALS",
                "URBAN_NEW_JOBS", "CO2_REDUCTION");
        Row co2 = rowOf(findings, "CO2_REDUCTION");
        assertThat(text(co2, "status")).isEqualTo("MISMATCH");
        assertThat(text(co2, "disposition")).isEqualTo("EXPLAINED");
        assertThat(text(co2, "disposition_note")).isEqualTo("卓资县单位填错，已电话核实");
        assertThat(text(co2, "reviewer")).isEqualTo("王芳");
        assertThat(text(co2, "review_date")).isEqualTo("2024-03-01");
        assertThat(text(co2, "review_status")).isEqualTo("excused");
        Row meat = rowOf(findings, "MEAT_OUTPUT");
        assertThat(text(meat, "disposition")).isEqualTo("ACCEPTED");
        assertThat(text(meat, "review_status")).as("written against 190000, the total is 200000").isEqualTo("stale");
        assertThat(cell(rowOf(findings, "URBAN_NEW_JOBS"), "review_status")).isNull();

        Sheet figures = workbook.getSheet("全部指标");
        assertThat(column(figures, "indicator_code")).hasSize(LINES.size()).endsWith("TECH_INCUBATORS", "RESIDENT_POPULATION");
    }

    @Test
    void figuresAreNumericCellsHoldingTheirExactDecimalWithThousandsSeparators() {
        Row co2 = rowOf(workbook.getSheet("待核查问题"), "CO2_REDUCTION");
        XSSFCell total = (XSSFCell) cell(co2, "city_total");
        assertThat(total.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(total.getRawValue()).as("the exact decimal text in the file").isEqualTo("1712475.1");
        assertThat(total.getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
        Cell relative = cell(co2, "relative_difference");
        assertThat(relative.getNumericCellValue()).isEqualTo(-0.069307);
        assertThat(relative.getCellStyle().getDataFormatString()).isEqualTo("#,##0.000000");
        assertThat(cell(co2, "counties_reported").getCellStyle().getDataFormatString()).isEqualTo("#,##0");

        Row incubators = rowOf(workbook.getSheet("全部指标"), "TECH_INCUBATORS");
        XSSFCell big = (XSSFCell) cell(incubators, "city_total");
        assertThat(big.getRawValue()).as("never 2.76518365E7").isEqualTo("27651836.5");
        XSSFCell tiny = (XSSFCell) cell(incubators, "relative_difference");
        assertThat(tiny.getRawValue()).as("a tiny gap is not rounded to zero").isEqualTo("-0.00000048");

        Sheet breakdown = workbook.getSheet("分旗县数据");
        List<String> header = row(breakdown, 1);
        assertThat(header).contains("商都 150923").endsWith("乌兰察布 150900");
        Row co2Values = rowOf(breakdown, "CO2_REDUCTION");
        Cell shangdu = co2Values.getCell(header.indexOf("商都 150923"));
        assertThat(((XSSFCell) shangdu).getRawValue()).isEqualTo("171247.51");
        assertThat(shangdu.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(co2Values.getCell(header.indexOf("卓资 150921"))).as("unreported stays blank").isNull();

        Row line = workbook.getSheet("被拒收的行").getRow(2);
        assertThat(line.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(line.getCell(1).getNumericCellValue()).isEqualTo(3.0);
    }

    @Test
    void statusesAreColouredAndLongTextsWrap() {
        Sheet findings = workbook.getSheet("待核查问题");
        assertThat(fill(cell(rowOf(findings, "MEAT_OUTPUT"), "status"))).isEqualTo("FFC7CE");
        assertThat(fill(cell(rowOf(findings, "MONITORED_HOUSEHOLDS"), "status"))).isEqualTo("FFEB9C");
        assertThat(fill(cell(rowOf(findings, "CO2_REDUCTION"), "review_status"))).isEqualTo("C6EFCE");
        assertThat(fill(cell(rowOf(findings, "MEAT_OUTPUT"), "review_status"))).isEqualTo("FFEB9C");
        assertThat(fill(cell(rowOf(workbook.getSheet("全部指标"), "TECH_INCUBATORS"), "status"))).isEqualTo("C6EFCE");
        Sheet files = workbook.getSheet("文件清单");
        assertThat(fill(files.getRow(2).getCell(OutputWriter.LEDGER_COLUMNS.indexOf("status")))).isEqualTo("C6EFCE");

        Cell hint = cell(rowOf(findings, "CO2_REDUCTION"), "hint");
        assertThat(hint.getStringCellValue()).contains("商都县 (150923)");
        assertThat(hint.getCellStyle().getWrapText()).isTrue();
        assertThat(cell(rowOf(findings, "CO2_REDUCTION"), "indicator_code").getCellStyle().getWrapText()).isFalse();
        assertThat(findings.getColumnWidth(OutputWriter.RECONCILIATION_COLUMNS.indexOf("hint")))
                .isEqualTo((XlsxSheet.MAX_WIDTH + 1) * 256);
    }

    @Test
    void summaryCountsAndVerdictInChinese() {
        Sheet summary = workbook.getSheet("汇总");
        assertThat(value(summary, "files.PROCESSED")).isEqualTo("2");
        assertThat(value(summary, "rows_read")).isEqualTo("120");
        assertThat(value(summary, "figures.MISMATCH")).isEqualTo("2");
        assertThat(value(summary, "period")).isEqualTo("2023");
        assertThat(summaryRow(summary, "rows_read").getCell(0).getStringCellValue()).isEqualTo("读取行数");
        assertThat(summaryRow(summary, "figures.MISMATCH").getCell(0).getStringCellValue()).isEqualTo("指标：不一致 MISMATCH");
        assertThat(summaryRow(summary, "files.UNRECOGNIZED").getCell(0).getStringCellValue()).isEqualTo("文件：文件名无法识别 UNRECOGNIZED");
        assertThat(row(summary, 0)).containsExactlyElementsOf(XlsxReport.SUMMARY_COLUMNS);
        assertThat(value(summary, "verdict")).isEqualTo("5 个问题待核查（退出状态 1）");
    }

    @Test
    void changesAndTheMissingReportCheckHaveTheirSheets() {
        Sheet changes = workbook.getSheet("与上次运行相比");
        ReconciliationLine meat = night.lines().stream().filter(l -> l.indicatorCode().equals("MEAT_OUTPUT")).findFirst().orElseThrow();
        assertThat(night.words().hint(meat)).as("the note of a new finding is its hint").isNotBlank();
        assertThat(row(changes, 2)).containsExactly("NEW_FINDING", "MEAT_OUTPUT", "肉类产量", "MATCH", "MISMATCH",
                night.words().hint(meat));
        assertThat(workbook.getSheet("报告核对").getRow(2).getCell(0).getStringCellValue())
                .isEqualTo("本次运行未给出 --report，公布文件未与政府工作报告原文核对");
    }

    @Test
    void reportCheckLinesAreListedWithTheirStatusColoured(@TempDir Path dir) throws IOException {
        List<PublishedCheck.Line> check = List.of(
                new PublishedCheck.Line("CO2_REDUCTION", PublishedCheck.Status.AGREES, "184万吨", "184万吨", "二", "一(三)", "减排二氧化碳184万吨", "F012", Detail.NONE),
                new PublishedCheck.Line("MEAT_OUTPUT", PublishedCheck.Status.PUBLISHED_DISAGREES, "25万吨", "26万吨", "二", "一(二)", "肉类产量26万吨", "F020",
                        Detail.of("check.disagrees", "published/2023.csv", "25万吨", "26万吨", "一(二)", "肉类产量26万吨")));
        try (XSSFWorkbook book = writeAndRead(new XlsxReport(messages(), Locale.CHINESE, XlsxReport.EXCEL_ROWS),
                night(LINES, List.of(), check), REJECTED, dir)) {
            Sheet sheet = book.getSheet("报告核对");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(row(sheet, 3)).startsWith("MEAT_OUTPUT", "PUBLISHED_DISAGREES", "25万吨", "26万吨")
                    .endsWith("published/2023.csv 写的是 25万吨，但报告印的是 26万吨（一(二)：肉类产量26万吨）");
            assertThat(fill(sheet.getRow(3).getCell(1))).isEqualTo("FFC7CE");
            assertThat(fill(sheet.getRow(2).getCell(1))).isEqualTo("C6EFCE");
        }
    }

    @Test
    void everyRejectedRowIsListedNotOnlyTheFirstOnesOfTheReport(@TempDir Path dir) throws IOException {
        List<RejectedRow> many = rejectedRows(OutputWriter.HTML_REJECTED_ROWS + 5);
        try (XSSFWorkbook book = writeAndRead(new XlsxReport(messages(), Locale.CHINESE, XlsxReport.EXCEL_ROWS),
                night(LINES, List.of(), null), many, dir)) {
            Sheet rejected = book.getSheet("被拒收的行");
            assertThat(rejected.getLastRowNum()).isEqualTo(OutputWriter.HTML_REJECTED_ROWS + 5 + 1);
        }
    }

    @Test
    void aSheetCutAtItsRowLimitSaysSoInItsLastRow(@TempDir Path dir) throws IOException {
        List<RejectedRow> ten = rejectedRows(10);
        List<LedgerLine> ledger = List.of(new LedgerLine("150902.csv", "150902", 1, FileStatus.PROCESSED, "UTF-8", 60, 50, 10, "ab12", null));
        OutputWriter.NightReport tenRejected = new OutputWriter.NightReport(RunSummary.of(42, "2023", ledger, LINES), REFERENCE,
                Map.of(), LINES, ACCEPTED, ten, ledger, Optional.empty(), List.of(), night.runStarted(), null, night.words(),
                night.affects(), night.submissionFolder());
        try (XSSFWorkbook book = writeAndRead(new XlsxReport(messages(), Locale.CHINESE, 6), tenRejected, ten, dir)) {
            Sheet rejected = book.getSheet("被拒收的行");
            assertThat(rejected.getLastRowNum()).as("6 rows: 2 header rows, 3 rejected rows, the note").isEqualTo(5);
            assertThat(rejected.getRow(4).getCell(0).getStringCellValue()).isEqualTo("150902.csv");
            assertThat(rejected.getRow(5).getCell(0).getStringCellValue())
                    .isEqualTo("本表最多容纳 3 行，共 10 行；完整内容见 rejected-rows.csv");
            assertThat(((XSSFSheet) rejected).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:J5");
            Sheet figures = book.getSheet("全部指标");
            assertThat(figures.getRow(5).getCell(0).getStringCellValue()).isEqualTo("本表最多容纳 3 行，共 7 行；完整内容见 reconciliation.csv");
        }
    }

    @Test
    void theSameNightWrittenTwiceGivesTheSameBytes(@TempDir Path dir) throws Exception {
        XlsxReport report = new XlsxReport(messages(), Locale.CHINESE, XlsxReport.EXCEL_ROWS);
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        writeAndRead(report, night, REJECTED, first).close();
        Thread.sleep(2100); // zip entry times have a resolution of two seconds
        writeAndRead(report, night, REJECTED, second).close();
        assertThat(Files.readAllBytes(second.resolve(XlsxReport.FILE))).isEqualTo(Files.readAllBytes(first.resolve(XlsxReport.FILE)));
        assertThat(workbook.getProperties().getCoreProperties().getCreated()).isEqualTo(StreamedWorkbook.DOCUMENT_DATE);
    }

    @Test
    void englishNamesTheSheetsAndHeadersInEnglish(@TempDir Path dir) throws IOException {
        try (XSSFWorkbook book = writeAndRead(new XlsxReport(messages(), Locale.ENGLISH, XlsxReport.EXCEL_ROWS), night, REJECTED, dir)) {
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Findings");
            assertThat(row(book.getSheetAt(1), 1)).startsWith("Indicator code", "Indicator", "Unit");
            assertThat(row(book.getSheetAt(1), 0)).containsExactlyElementsOf(OutputWriter.RECONCILIATION_COLUMNS);
        }
    }

    @Test
    void hintsAndMessagesAreTheWordsItIsGiven(@TempDir Path dir) throws IOException {
        XlsxReport.Texts chinese = new XlsxReport.Texts() {
            @Override
            public String hint(ReconciliationLine line) {
                return "诊断 " + line.indicatorCode();
            }

            @Override
            public String message(RejectedRow row) {
                return "说明 第" + row.line() + "行";
            }

            @Override
            public String affects(RejectedRow row) {
                return row.indicatorCode();
            }

            @Override
            public String reason(LedgerLine file) {
                return "";
            }

            @Override
            public String detail(Detail detail) {
                return "";
            }
        };
        Path target = dir.resolve(XlsxReport.FILE);
        new XlsxReport(messages(), Locale.CHINESE, XlsxReport.EXCEL_ROWS).write(target, night, ACCEPTED,
                (limit, action) -> REJECTED.forEach(action), chinese);
        try (InputStream in = Files.newInputStream(target); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(text(rowOf(book.getSheet("待核查问题"), "CO2_REDUCTION"), "hint")).isEqualTo("诊断 CO2_REDUCTION");
            Row rejected = book.getSheet("被拒收的行").getRow(3);
            assertThat(rejected.getCell(OutputWriter.REJECTED_COLUMNS.indexOf("message")).getStringCellValue()).isEqualTo("说明 第5行");
        }
    }

    @Test
    void injectedRemarksAreStringCellsNeverFormulas() {
        Sheet rejected = workbook.getSheet("被拒收的行");
        int remark = OutputWriter.REJECTED_COLUMNS.indexOf("remark");
        assertThat(rejected.getRow(2).getCell(remark).getCellType()).isEqualTo(CellType.STRING);
        assertThat(rejected.getRow(2).getCell(remark).getStringCellValue()).isEqualTo(HYPERLINK);
        assertThat(rejected.getRow(3).getCell(remark).getStringCellValue()).isEqualTo(SCRIPT);
        Cell raw = rejected.getRow(3).getCell(OutputWriter.REJECTED_COLUMNS.indexOf("raw_value"));
        assertThat(raw.getCellType()).isEqualTo(CellType.STRING);
        assertThat(raw.getStringCellValue()).isEqualTo("=1+1");
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                            .isIn(CellType.STRING, CellType.NUMERIC);
                }
            }
        }
    }

    @Test
    void displayWidthCountsChineseAsTwo() {
        assertThat(XlsxSheet.displayWidth("集宁区")).isEqualTo(6);
        assertThat(XlsxSheet.displayWidth("ab1")).isEqualTo(3);
        assertThat(XlsxSheet.displayWidth("“揭榜挂帅”等项目")).isEqualTo(18);
    }

    private static List<RejectedRow> rejectedRows(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new RejectedRow("150902.csv", i, "150902", "GDP", "x", "", "",
                RowReason.NOT_A_NUMBER, Detail.of("not.a.number", "x"))).toList();
    }

    private static String fill(Cell cell) {
        byte[] rgb = ((XSSFCellStyle) cell.getCellStyle()).getFillForegroundColorColor().getRGB();
        return HexFormat.of().withUpperCase().formatHex(rgb);
    }

    private static List<String> row(Sheet sheet, int index) {
        List<String> values = new ArrayList<>();
        sheet.getRow(index).forEach(c -> values.add(c.getStringCellValue()));
        return values;
    }

    /** The values of a column (found by its contract name in the hidden row) below the header. */
    private static List<String> column(Sheet sheet, String name) {
        int c = row(sheet, 0).indexOf(name);
        List<String> values = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            values.add(sheet.getRow(r).getCell(c).getStringCellValue());
        }
        return values;
    }

    private static Row rowOf(Sheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getRowNum() >= 2 && row.getCell(0).getStringCellValue().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + code);
    }

    private static Cell cell(Row row, String column) {
        return row.getCell(OutputWriter.RECONCILIATION_COLUMNS.indexOf(column));
    }

    private static String text(Row row, String column) {
        return cell(row, column).getStringCellValue();
    }

    private static Row summaryRow(Sheet summary, String item) {
        for (Row row : summary) {
            if (row.getRowNum() >= 2 && row.getCell(2).getStringCellValue().equals(item)) {
                return row;
            }
        }
        throw new AssertionError("no item " + item);
    }

    private static String value(Sheet summary, String item) {
        Cell cell = summaryRow(summary, item).getCell(1);
        return cell.getCellType() == CellType.NUMERIC ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue();
    }
}
