package cn.ulanqab.stats.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static cn.ulanqab.stats.report.ReportFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

class XlsxReportTest {

    @TempDir
    static Path folder;
    static XSSFWorkbook workbook;

    @BeforeAll
    static void writeAndOpen() throws Exception {
        Path target = folder.resolve("2023").resolve(XlsxReport.FILE);
        XlsxReport.write(target, SUMMARY, REFERENCE, LINES, ACCEPTED, REJECTED, LEDGER,
                new CauseWords(Wording.of("zh"), REFERENCE)::hint);
        try (InputStream in = Files.newInputStream(target)) {
            workbook = new XSSFWorkbook(in);
        }
    }

    @Test
    void hasTheFiveSheetsInOrder() {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        assertThat(names).containsExactly("Summary", "Findings", "County breakdown", "Rejected rows", "Files");
    }

    @Test
    void everyHeaderIsBoldFrozenAndFiltered() {
        for (Sheet sheet : workbook) {
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane).as(sheet.getSheetName()).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(pane.getVerticalSplitPosition()).isZero();

            Row header = sheet.getRow(0);
            String ref = ((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef();
            String lastColumn = org.apache.poi.ss.util.CellReference.convertNumToColString(header.getLastCellNum() - 1);
            assertThat(ref).as(sheet.getSheetName()).isEqualTo("A1:" + lastColumn + (sheet.getLastRowNum() + 1));
            for (Cell cell : header) {
                assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue();
            }
        }
    }

    @Test
    void findingsComeFirstBySeverityThenSizeOfGapThenCatalogOrder() {
        Sheet findings = workbook.getSheet("Findings");
        List<String> codes = new ArrayList<>();
        for (int r = 1; r <= findings.getLastRowNum(); r++) {
            codes.add(findings.getRow(r).getCell(0).getStringCellValue());
        }
        assertThat(codes).containsExactly("MEAT_OUTPUT", "CO2_REDUCTION", "MONITORED_HOUSEHOLDS", "HOTLINE_APPEALS",
                "URBAN_NEW_JOBS", "TECH_INCUBATORS", "RESIDENT_POPULATION");
        assertThat(header(findings)).containsExactlyElementsOf(XlsxReport.FINDINGS_COLUMNS);
        assertThat(header(findings)).contains("name_en");
    }

    @Test
    void figuresAreNumericCellsShowingTheirDigits() {
        Row co2 = workbook.getSheet("Findings").getRow(2);
        Cell total = co2.getCell(XlsxReport.FINDINGS_COLUMNS.indexOf("city_total"));
        assertThat(total.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(total.getNumericCellValue()).isEqualTo(1712475.1);
        assertThat(((org.apache.poi.xssf.usermodel.XSSFCell) total).getRawValue()).as("the exact decimal text in the file")
                .isEqualTo("1712475.1");
        assertThat(total.getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
        Cell relative = co2.getCell(XlsxReport.FINDINGS_COLUMNS.indexOf("relative_difference"));
        assertThat(relative.getNumericCellValue()).isEqualTo(-0.069307);
        assertThat(relative.getCellStyle().getDataFormatString()).isEqualTo("#,##0.000000");
        Cell reported = co2.getCell(XlsxReport.FINDINGS_COLUMNS.indexOf("counties_reported"));
        assertThat(reported.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(reported.getCellStyle().getDataFormatString()).isEqualTo("#,##0");

        Row runId = workbook.getSheet("Summary").getRow(1);
        assertThat(runId.getCell(1).getNumericCellValue()).isEqualTo(42.0);
        Row line = workbook.getSheet("Rejected rows").getRow(1);
        assertThat(line.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(line.getCell(1).getNumericCellValue()).isEqualTo(3.0);
    }

    @Test
    void countyBreakdownHasChineseShortNamesAndCodesAndTheCity() {
        Sheet breakdown = workbook.getSheet("County breakdown");
        List<String> header = header(breakdown);
        assertThat(header).startsWith("indicator_code", "name_zh", "unit", "集宁 150902", "卓资 150921");
        assertThat(header).contains("察右前旗 150926").endsWith("丰镇 150981", "乌兰察布 150900");
        assertThat(breakdown.getLastRowNum()).isEqualTo(REFERENCE.catalog().indicators().size());

        Row co2 = rowOf(breakdown, "CO2_REDUCTION");
        assertThat(co2.getCell(1).getStringCellValue()).isEqualTo("减排二氧化碳");
        assertThat(co2.getCell(2).getStringCellValue()).isEqualTo("吨");
        Cell shangdu = co2.getCell(header.indexOf("商都 150923"));
        assertThat(shangdu.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(shangdu.getNumericCellValue()).isEqualTo(171247.51);
        assertThat(shangdu.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(co2.getCell(header.indexOf("卓资 150921"))).as("unreported stays blank").isNull();

        Row rate = rowOf(breakdown, "HOTLINE_RESOLUTION_RATE");
        assertThat(rate.getCell(header.indexOf("乌兰察布 150900")).getNumericCellValue()).isEqualTo(96.3);
    }

    @Test
    void chineseTextIsIntact() {
        Row first = workbook.getSheet("Findings").getRow(1);
        assertThat(first.getCell(1).getStringCellValue()).isEqualTo("肉类产量");
        assertThat(first.getCell(4).getStringCellValue()).isEqualTo("25万吨");
        Row co2 = workbook.getSheet("Findings").getRow(2);
        assertThat(co2.getCell(XlsxReport.FINDINGS_COLUMNS.indexOf("hint")).getStringCellValue())
                .contains("商都县 (150923)");
        assertThat(workbook.getSheet("Rejected rows").getRow(3).getCell(7).getStringCellValue()).isEqualTo("斤");
        assertThat(workbook.getSheet("Summary").getRow(2).getCell(1).getStringCellValue()).isEqualTo("2023");
    }

    @Test
    void injectedRemarksAreStringCellsNeverFormulas() {
        Sheet rejected = workbook.getSheet("Rejected rows");
        int remark = OutputWriter.REJECTED_COLUMNS.indexOf("remark");
        Cell hyperlink = rejected.getRow(1).getCell(remark);
        assertThat(hyperlink.getCellType()).isEqualTo(CellType.STRING);
        assertThat(hyperlink.getStringCellValue()).isEqualTo(HYPERLINK);
        Cell script = rejected.getRow(2).getCell(remark);
        assertThat(script.getCellType()).isEqualTo(CellType.STRING);
        assertThat(script.getStringCellValue()).isEqualTo(SCRIPT);
        Cell raw = rejected.getRow(2).getCell(OutputWriter.REJECTED_COLUMNS.indexOf("raw_value"));
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
    void summaryCountsAndVerdict() {
        Sheet summary = workbook.getSheet("Summary");
        assertThat(valueOf(summary, "files PROCESSED")).isEqualTo("2");
        assertThat(valueOf(summary, "files UNRECOGNIZED")).isEqualTo("1");
        assertThat(valueOf(summary, "rows_read")).isEqualTo("120");
        assertThat(valueOf(summary, "rows_rejected")).isEqualTo("3");
        assertThat(valueOf(summary, "figures MISMATCH")).isEqualTo("2");
        assertThat(valueOf(summary, "figures NO_DATA")).isEqualTo("2");
        assertThat(valueOf(summary, "verdict")).isEqualTo("5 findings to review (exit status 1)");
    }

    @Test
    void columnWidthsFollowTheContentCountingChineseAsTwoAndAreCapped() {
        assertThat(XlsxReport.displayWidth("集宁区")).isEqualTo(6);
        assertThat(XlsxReport.displayWidth("ab1")).isEqualTo(3);
        assertThat(XlsxReport.displayWidth("“揭榜挂帅”等项目")).isEqualTo(18);

        Sheet findings = workbook.getSheet("Findings");
        int nameZh = findings.getColumnWidth(1);
        assertThat(nameZh).isGreaterThanOrEqualTo(XlsxReport.displayWidth("12345热线受理有效诉求") * 256);
        int hint = findings.getColumnWidth(XlsxReport.FINDINGS_COLUMNS.indexOf("hint"));
        assertThat(hint).isEqualTo((XlsxReport.MAX_WIDTH + 1) * 256);
        assertThat(findings.getColumnWidth(0)).isLessThan(hint);
    }

    private static List<String> header(Sheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(c -> names.add(c.getStringCellValue()));
        return names;
    }

    private static Row rowOf(Sheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getCell(0).getStringCellValue().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + code);
    }

    private static String valueOf(Sheet summary, String item) {
        Cell cell = rowOf(summary, item).getCell(1);
        return cell.getCellType() == CellType.NUMERIC
                ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue();
    }
}
