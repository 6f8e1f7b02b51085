package cn.ulanqab.stats.batch;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same night (with the report check) run under the machine's default locale and with the JVM's default locale set
 * to de_DE (which groups 10.000), tr_TR (whose upper case of i is İ) and ar_EG (whose digits are ٠١٢): every output
 * and the console are the same byte for byte, the moment the run started in report.html and summary.json aside, and the xlsx holds the
 * same text in every cell. (A forked JVM per locale would take a minute each on two shared cores; the entry point
 * reads the default locale the same way in this JVM.)
 */
class LocaleIndependenceTest {

    @TempDir
    Path work;

    @Test
    void theOutputsAreTheSameByteForByteUnderGermanTurkishAndArabicLocales() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Map<String, byte[]> reference = night(input, null);

        assertThat(reference).containsKeys("reconciliation.csv", "rejected-rows.csv", "report-check.csv", "report.html",
                "feedback/150921.csv", "console");
        assertThat(new String(reference.get("reconciliation.csv"), StandardCharsets.UTF_8)).contains("×10,000 后为 126,000，差额消除");
        for (Locale locale : List.of(Locale.GERMANY, Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("ar-EG"))) {
            Map<String, byte[]> other = night(input, locale);
            assertThat(other.keySet()).as(locale.toString()).containsExactlyElementsOf(reference.keySet());
            reference.forEach((name, bytes) -> assertThat(new String(other.get(name), StandardCharsets.UTF_8))
                    .as(name + " under " + locale).isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
        }
    }

    /** Every output of a night (and its console) under a default locale (null: the machine's), the run's moment and paths masked. */
    private Map<String, byte[]> night(Path input, Locale locale) throws Exception {
        Path output = work.resolve("output-" + (locale == null ? "default" : locale.toLanguageTag()));
        Locale machine = Locale.getDefault();
        JobRun.Result night;
        try {
            if (locale != null) {
                Locale.setDefault(locale);
            }
            night = JobRun.run(input, output, "--report=" + input.resolve("reports/ulanqab-2024-government-work-report.txt"));
        } finally {
            Locale.setDefault(machine);
        }
        assertThat(night.exitStatus()).as(night.console()).isEqualTo(1);
        Map<String, byte[]> files = new TreeMap<>();
        Path folder = output.resolve("2023");
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String relative = folder.relativize(p).toString().replace('\\', '/');
                if (relative.equals("report.xlsx")) {
                    files.put(relative, cellTexts(p).getBytes(StandardCharsets.UTF_8));
                } else if (relative.equals("summary.json")) {
                    files.put(relative, Files.readString(p).replaceAll("\"started\" : \"[^\"]*\"", "\"started\" : \"…\"")
                            .getBytes(StandardCharsets.UTF_8));
                } else if (relative.equals("report.html")) {
                    files.put(relative, Files.readString(p).replaceAll("开始于 [^<]*<", "开始于 …<")
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    files.put(relative, Files.readAllBytes(p));
                }
            }
        }
        files.put("console", night.console().replace(output.toString(), "<output>").getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The text of every cell, sheet by sheet, as a reader of the workbook sees it, in a fixed (ROOT) formatting. */
    private static String cellTexts(Path xlsx) throws IOException {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<String> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                lines.add("# " + sheet.getSheetName());
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        cells.add(formatter.formatCellValue(cell) + "|" + cell.getCellStyle().getDataFormatString());
                    }
                    lines.add(String.join("\t", cells));
                }
            }
        }
        return String.join("\n", lines);
    }
}
