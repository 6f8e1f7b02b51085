package cn.ulanqab.stats.extraction;

import org.assertj.core.groups.Tuple;
import cn.ulanqab.stats.ReconciliationApplication;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The extraction mode of the application, as an operator runs it: no job, a figures CSV, exit status 0 or 2. */
class ExtractCommandTest {

    @Test
    void writesOneRowPerDistinctFigureWithoutStartingTheJob(@TempDir Path work) throws IOException {
        Path output = work.resolve("output");
        String console = capture(() -> assertThat(ReconciliationApplication.run(
                "--extract=" + FigureExtractorTest.REPORT, "--output=" + output)).isZero());
        Path csv = output.resolve("figures/ulanqab-2024-government-work-report.csv");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertThat(records.get(0).toList()).containsExactly("id", "section", "period", "subject", "printed_text", "value", "unit",
                "qualifier", "kind", "occurrences", "quote", "note", "confidence");
        assertThat(records).hasSize(155);
        CSVRecord households = records.stream().filter(r -> r.get(4).equals("1.38万")).findFirst().orElseThrow();
        assertThat(households.toList()).containsExactly("F040", "一(五)", "2023", "动态监测户", "1.38万", "13800", "户", "exact",
                "count", "1", "1.38万动态监测户实现“应纳尽纳、应帮尽帮”", "", "high");
        CSVRecord hazards = records.stream().filter(r -> r.get(4).equals("2.4万个")).findFirst().orElseThrow();
        assertThat(hazards.get(9)).isEqualTo("2");
        assertThat(console).contains("ulanqab-2024-government-work-report.txt：共 154 个数字（2023年回顾 92 个、2024年目标 62 个），"
                        + "其中 2 个在重复段落中再次印出，1 个需核查",
                "  重复段落：一(六) 中的 238 个字符在 二 中再次印出：", "  数字清单：" + csv.toAbsolutePath().normalize());
        CSVRecord online = records.stream().filter(r -> r.get(4).equals("破百万")).findFirst().orElseThrow();
        assertThat(online.get(12)).isEqualTo("check");
        assertThat(online.get(11)).isEqualTo("需核查：没有已知的计量单位");
        assertThat(output.resolve("reconciliation-db.mv.db")).doesNotExist();
    }

    @Test
    void aReportThatIsNotUtf8TextEndsWithStatus2NamingTheFileAndTheFix(@TempDir Path work) throws IOException {
        Path gbk = work.resolve("report-gbk.txt");
        Files.writeString(gbk, "建成科技企业孵化器5家。", Charset.forName("GB18030"));
        String errors = captureErr(() -> assertThat(ReconciliationApplication.run("--extract=" + gbk, "--output=" + work)).isEqualTo(2));
        assertThat(errors).startsWith("无法提取：" + gbk + "：不是 UTF-8 文本").contains("。修正方法：请将报告另存为 UTF-8 纯文本");

        Path missing = work.resolve("no-such-report.md");
        errors = captureErr(() -> assertThat(ReconciliationApplication.run("--extract=" + missing, "--output=" + work)).isEqualTo(2));
        assertThat(errors).contains(missing + "：报告文件不存在。修正方法：");
    }

    @Test
    void writePublishedNeedsAReportToExtract() {
        String errors = captureErr(() -> assertThat(ReconciliationApplication.run("--write-published")).isEqualTo(2));
        assertThat(errors).contains("修正方法：加上 --extract=<报告.txt>");
    }

    @Test
    void writeTargetsReproducesTheShippedTargetsOfThePlanYear(@TempDir Path work) throws IOException {
        Path input = work.resolve("input");
        Files.createDirectories(input.resolve("reference"));
        for (String file : List.of("counties.csv", "indicators.csv", "report-phrases.csv", "report-units.csv")) {
            Files.copy(Path.of("input/reference").resolve(file), input.resolve("reference").resolve(file));
        }
        String console = capture(() -> assertThat(ReconciliationApplication.run("--extract=" + FigureExtractorTest.REPORT,
                "--write-targets", "--input=" + input, "--output=" + work.resolve("output"))).isZero());
        assertThat(console).contains("  年度目标：2024 年 10 项，已写入 " + input.resolve("targets/2024.csv").toAbsolutePath().normalize());
        String written = Files.readString(input.resolve("targets/2024.csv"), StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(Files.readString(Path.of("input/targets/2024.csv"), StandardCharsets.UTF_8));
        // a level in the catalog unit, a level in 万 of it, and a growth (the catalog unit is 万元, the print in %)
        assertThat(written).contains("URBAN_NEW_JOBS,,5500人以上,三(六),城镇新增就业5500人以上\n",
                "VOCATIONAL_TRAINING,,1.1万人次以上,三(六),开展职业技能培训1.1万人次以上\n",
                "RETAIL_SALES,,增长6%左右,二,社会消费品零售总额增长6%左右\n");
        assertThat(input.resolve("published")).doesNotExist();
    }

    @Test
    void writeTargetsNeedsAReportToExtract() {
        String errors = captureErr(() -> assertThat(ReconciliationApplication.run("--write-targets")).isEqualTo(2));
        assertThat(errors).contains("--write-targets", "修正方法：加上 --extract=<报告.txt>");
    }

    @Test
    void readsAMarkdownReportWithHashHeadings(@TempDir Path work) throws IOException {
        Path md = work.resolve("report.md");
        Files.writeString(md, "## 一、2023年工作回顾\n\n### (一) 民生\n\n城镇新增就业8685人。\n\n## 二、2024年目标\n\n城镇新增就业5500人以上。\n");
        FigureExtractor.Extraction x = FigureExtractor.extract(ReportText.read(md));
        assertThat(x.figures()).extracting(ExtractedFigure::section, ExtractedFigure::period, ExtractedFigure::printedText)
                .containsExactly(Tuple.tuple("一(一)", "2023", "8685人"),
                        Tuple.tuple("二", "2024", "5500人以上"));
    }

    @Test
    void aReportWithoutNumberedPartsCountsItsFiguresByTheirPeriods(@TempDir Path work) {
        Path report = Path.of("src/test/resources/reports/gansu-2026-government-work-report.txt");
        String console = capture(() -> assertThat(ReconciliationApplication.run("--extract=" + report, "--output=" + work)).isZero());
        assertThat(console).contains("gansu-2026-government-work-report.txt：共 ", "2021-2025年回顾 ", "、2025年回顾 ", "、2026-2030年目标 ",
                "、2026年目标 ", " 个需核查").doesNotContain("-1年");
    }

    @Test
    void aBrokenUnitsFileEndsWithStatus2NamingItsLine(@TempDir Path work) throws IOException {
        Path reference = Files.createDirectories(work.resolve("input/reference"));
        Files.writeString(reference.resolve(ReportUnits.FILE), "unit,kind\n斤,weight\n", StandardCharsets.UTF_8);
        String errors = captureErr(() -> assertThat(ReconciliationApplication.run("--extract=" + FigureExtractorTest.REPORT,
                "--input=" + work.resolve("input"), "--output=" + work.resolve("output"))).isEqualTo(2));
        assertThat(errors).contains(reference.resolve(ReportUnits.FILE) + "，第 2 行：斤的类别“weight”无法识别。修正方法：请使用以下类别之一：count, ");
    }

    @Test
    void aSubjectPrintedWithTwoValuesIsNamedOnTheConsoleAndInTheNotesInTheRunsLanguage(@TempDir Path work) throws IOException {
        Path report = work.resolve("report.txt");
        Files.writeString(report, "一、2023年工作回顾\n(六) 民生。城镇新增就业8685人,零就业家庭动态清零。城镇新增就业8600人。\n"
                + "二、2024年目标\n城镇新增就业5500人以上。\n", StandardCharsets.UTF_8);
        Path csv = work.resolve("output/figures/report.csv");

        String chinese = capture(() -> assertThat(ReconciliationApplication.run("--extract=" + report, "--output=" + work.resolve("output")))
                .isZero());
        assertThat(chinese).contains("  同一事项印有不同数值：2023 城镇新增就业: 8685人 (一(六)), 8600人 (一(六))");
        assertThat(notes(csv)).containsExactly("同一事项印有不同数值：8685人 (一(六)), 8600人 (一(六))",
                "同一事项印有不同数值：8685人 (一(六)), 8600人 (一(六))", "");

        String english = capture(() -> assertThat(ReconciliationApplication.run("--extract=" + report, "--output=" + work.resolve("output"),
                "--reconciliation.language=en")).isZero());
        assertThat(english).contains("  same subject, different values: 2023 城镇新增就业: 8685人 (一(六)), 8600人 (一(六))");
        assertThat(notes(csv)).containsExactly("subject printed with different values: 8685人 (一(六)), 8600人 (一(六))",
                "subject printed with different values: 8685人 (一(六)), 8600人 (一(六))", "");
    }

    /** The note column of a figures CSV, row by row. */
    private static List<String> notes(Path csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8).substring(1)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords().stream().map(r -> r.get("note")).toList();
        }
    }

    @Test
    void saysEveryLineInEnglishWhenTheRunAsksForIt(@TempDir Path work) throws IOException {
        Path input = PublishedCheckTest.copy(Path.of("input"), work.resolve("input"));
        Path output = work.resolve("output");
        String console = capture(() -> assertThat(ReconciliationApplication.run("--extract=" + FigureExtractorTest.REPORT, "--write-published",
                "--write-targets", "--input=" + input, "--output=" + output, "--reconciliation.language=en")).isZero());
        assertThat(console).contains(
                "ulanqab-2024-government-work-report.txt: 154 figures (92 about 2023, 62 for 2024), 2 printed again in a repeated passage, 1 to check",
                "  repeated passage: 238 characters of 一(六) printed again in 二: ",
                "  figures: " + output.resolve("figures/ulanqab-2024-government-work-report.csv").toAbsolutePath().normalize(),
                "  not written: RETAIL_SALES, the phrase '社会消费品零售总额' finds no 2023 figure",
                "  published: 64 figures for 2023 written to " + input.resolve("published/2023.csv").toAbsolutePath().normalize(),
                "  targets: 10 targets for 2024 written to " + input.resolve("targets/2024.csv").toAbsolutePath().normalize());
        assertThat(console).doesNotContain("数字清单", "公布数字", "年度目标");
        assertThat(notes(output.resolve("figures/ulanqab-2024-government-work-report.csv"))).contains("check: no measure word the units know")
                .doesNotContain("需核查：没有已知的计量单位");

        Files.writeString(input.resolve("reference").resolve(ReportUnits.FILE), "unit,kind\n斤,weight\n", StandardCharsets.UTF_8);
        String errors = captureErr(() -> assertThat(ReconciliationApplication.run("--extract=" + FigureExtractorTest.REPORT,
                "--input=" + input, "--output=" + output, "--reconciliation.language=en")).isEqualTo(2));
        assertThat(errors).isEqualTo("cannot extract: " + input.resolve("reference").resolve(ReportUnits.FILE)
                + ", line 2: the kind 'weight' of 斤 is unknown. Fix: use one of count, amount, area, length, rate, pp_change, ratio, other,"
                + " duration, class" + System.lineSeparator());
    }

    static String capture(Runnable run) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static String captureErr(Runnable run) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
