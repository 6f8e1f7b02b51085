package cn.ulanqab.stats.batch;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Reviewers' dispositions, the history between runs of one period, and what reviewers open the next morning. */
class ReviewsAndHistoryTest {

    @TempDir
    Path work;

    @Test
    void currentExplanationsExcuseFindingsButStaleOnesAndWillFixDoNot() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        writeReviews(input, """
                indicator_code,disposition,note,reviewer,date,city_total
                CO2_REDUCTION,EXPLAINED,卓资县单位填错，已电话核实,王芳,2024-03-01,1712475.1
                URBAN_NEW_JOBS,ACCEPTED,"口径不同, 以公报为准",李强,2024-03-01,8000
                HEATING_GAS_PIPELINES,WILL_FIX,商都县补报中,王芳,2024-03-02,
                POCKET_PARKS,EXPLAINED,化德县口袋公园1个,王芳,2024-03-02,6
                NEW_HOSPITAL_BEDS,ACCEPTED,<script>alert(1)</script>,王芳,2024-03-02,796
                ONLINE_SERVICE_CASES,EXPLAINED,市里漏报,王芳,2024-03-02,
                GDP,EXPLAINED,x,王芳,2024-03-01,
                MEAT_OUTPUT,MAYBE,x,王芳,2024-03-01,
                MILK_OUTPUT,EXPLAINED,x,王芳,03/01/2024,
                """);

        JobRun.Result result = JobRun.run(input, work.resolve("output"));

        assertThat(result.exitStatus()).as("a stale review, a WILL_FIX and the unreviewed change figure leave three findings open")
                .isEqualTo(1);
        assertThat(result.console()).contains("3 项需核查").contains("另有 4 项已由审核意见说明")
                .contains("［审核意见已过期：审核时合计 8,000］")
                .contains("INCOMPLETE POCKET_PARKS 建成口袋公园：公布 7个，部分合计（有单位缺报） 6 个 (6个)［已说明，王芳］")
                .as("the reviewers' lines are counted apart from the submissions")
                .contains("文件：  12 PROCESSED, 1 SUPERSEDED, 1 UNRECOGNIZED").contains("数据行：读取 701，接受 686，退回 15")
                .contains("审核意见：采用 6 行，退回 3 行（原因见 rejected-rows.csv 中的文件 reviews/2023.csv）");
        assertThat(result.console().indexOf("MISMATCH   URBAN_NEW_JOBS")).as("open findings before excused ones")
                .isLessThan(result.console().indexOf("MISMATCH   CO2_REDUCTION"));
        Path out = work.resolve("output/2023");
        // the level lines (claim_kind, the 22nd column): a change figure has a line of its own
        Map<String, CSVRecord> lines = JobRun.readCsv(out.resolve("reconciliation.csv")).stream().skip(1)
                .filter(r -> r.get(21).equals("level")).collect(Collectors.toMap(r -> r.get(0), r -> r));
        assertThat(lines.get("CO2_REDUCTION").get(15)).isEqualTo("EXPLAINED");
        assertThat(lines.get("CO2_REDUCTION").get(19)).isEqualTo("excused");
        assertThat(lines.get("URBAN_NEW_JOBS").get(19)).as("a token; the why is in the hint").isEqualTo("stale");
        assertThat(lines.get("URBAN_NEW_JOBS").get(12)).endsWith("审核意见已过期：审核时合计为 8,000，今晚为 8,145");
        assertThat(lines.get("HEATING_GAS_PIPELINES").get(19)).isEqualTo("current");
        assertThat(lines.get("ONLINE_SERVICE_CASES").get(19)).isEqualTo("excused");
        assertThat(lines.get("MEAT_OUTPUT").get(15)).isEmpty();

        List<String> rejectedReviews = JobRun.readCsv(out.resolve("rejected-rows.csv")).stream()
                .filter(r -> r.get(0).equals("reviews/2023.csv")).map(r -> r.get(1) + ":" + r.get(5)).toList();
        assertThat(rejectedReviews).containsExactly("8:UNKNOWN_INDICATOR", "9:UNKNOWN_DISPOSITION", "10:INVALID_DATE");
        CSVRecord reviewLedger = JobRun.readCsv(out.resolve("file-ledger.csv")).stream()
                .filter(r -> r.get(0).equals("reviews/2023.csv")).findFirst().orElseThrow();
        assertThat(List.of(reviewLedger.get(3), reviewLedger.get(5), reviewLedger.get(6), reviewLedger.get(7)))
                .containsExactly("PROCESSED", "9", "6", "3");

        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                .contains("审核意见已过期，不再适用").contains("<span class=\"status excused-tag\">已说明</span>")
                .doesNotContain("已核销")
                .contains("CO2_REDUCTION,EXPLAINED,（填写说明）,（审核人）,")
                .containsPattern("CO2_REDUCTION,EXPLAINED,（填写说明）,（审核人）,20[0-9-]+,1712475.1,11,150921,150900");
        assertThat(html.indexOf("id=\"URBAN_NEW_JOBS\"")).as("excused cards after open ones")
                .isLessThan(html.indexOf("id=\"CO2_REDUCTION\""));
        List<String> feedback = JobRun.readCsv(out.resolve("feedback/150921.csv")).stream()
                .filter(r -> r.get(3).equals("CO2_REDUCTION")).map(r -> r.get(8)).toList();
        assertThat(feedback).as("the county hears that the finding was explained").singleElement().asString()
                .isEqualTo("审核人已说明（王芳：卓资县单位填错，已电话核实）：无需修改");
        try (InputStream in = Files.newInputStream(out.resolve("report.xlsx")); Workbook book = WorkbookFactory.create(in)) {
            Sheet findings = book.getSheet("待核查问题");
            List<String> columns = new ArrayList<>();
            findings.getRow(0).forEach(c -> columns.add(c.getStringCellValue()));
            Map<String, String> reviewStatus = new HashMap<>();
            for (int r = 2; r <= findings.getLastRowNum(); r++) {
                Row row = findings.getRow(r);
                Cell status = row.getCell(columns.indexOf("review_status"));
                reviewStatus.put(row.getCell(0).getStringCellValue(), status == null ? "" : status.getStringCellValue());
            }
            assertThat(reviewStatus).as("the workbook keeps the reviews: an excused MISMATCH says so")
                    .containsEntry("CO2_REDUCTION", "excused").containsEntry("URBAN_NEW_JOBS", "stale")
                    .containsEntry("HEATING_GAS_PIPELINES", "current");
        }
    }

    @Test
    void everyFindingExplainedEndsWithStatusZero() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        writeReviews(input, """
                indicator_code,disposition,note,reviewer,date,city_total,counties_reported,named_county,region_code
                CO2_REDUCTION,EXPLAINED,单位填错,王芳,2024-03-01,1712475.1,11,150921,150900
                URBAN_NEW_JOBS,EXPLAINED,数字颠倒,王芳,2024-03-01,8145,11,150928,
                HEATING_GAS_PIPELINES,ACCEPTED,商都县未建,王芳,2024-03-01,683.53,10,,
                POCKET_PARKS,ACCEPTED,,王芳,2024-03-01,,,,
                NEW_HOSPITAL_BEDS,ACCEPTED,,王芳,2024-03-01,,,,
                ONLINE_SERVICE_CASES,EXPLAINED,市里漏报,王芳,2024-03-01,,,,
                RURAL_WASTE_COVERAGE,EXPLAINED,上年基数数字颠倒，应为68.9,王芳,2024-03-01,92.6,1,,
                """);

        JobRun.Result result = JobRun.run(input, work.resolve("output"));

        assertThat(result.exitStatus()).isEqualTo(0);
        assertThat(result.console()).contains("退出状态 0：全部公布数字一致");
    }

    @Test
    void secondRunShowsWhatChangedAndBlamesTheResubmission() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = work.resolve("output");
        assertThat(JobRun.run(input, output).exitStatus()).isEqualTo(1);
        assertThat(JobRun.readCsv(output.resolve("2023/changes.csv"))).hasSize(1);

        String first = Files.readString(input.resolve("2023/150928.csv"), StandardCharsets.UTF_8);
        Files.writeString(input.resolve("2023/150928-v2.csv"), first
                .replace("150928,URBAN_NEW_JOBS,2023,172,人,", "150928,URBAN_NEW_JOBS,2023,712,人,")
                .replace("150928,MILK_OUTPUT,2023,44933.3,吨,", "150928,MILK_OUTPUT,2023,4493.33,吨,"), StandardCharsets.UTF_8);

        JobRun.Result second = JobRun.run(input, output);

        assertThat(second.console()).contains("运行 2")
                .contains("今晚的变化：").contains("重新报送 察哈尔右翼后旗 (150928)：替换了可读取的文件 150928.csv");
        assertThat(second.console().indexOf("今晚的变化")).as("before the findings").isLessThan(second.console().indexOf("MISMATCH "));
        List<String> changes = JobRun.readCsv(output.resolve("2023/changes.csv")).stream().skip(1)
                .map(r -> r.get(0) + ":" + r.get(1) + ":" + r.get(3) + ":" + r.get(4)).toList();
        assertThat(changes).contains("RESOLVED:URBAN_NEW_JOBS:MISMATCH:MATCH", "TOTAL_CHANGED:URBAN_NEW_JOBS:8145:8685",
                "NEW_FINDING:MILK_OUTPUT:MATCH:MISMATCH", "FILE_RESUBMITTED:150928:150928.csv:150928-v2.csv");
        String milkHint = JobRun.readCsv(output.resolve("2023/reconciliation.csv")).stream()
                .filter(r -> r.get(0).equals("MILK_OUTPUT")).findFirst().orElseThrow().get(12);
        assertThat(milkHint).contains("重新报送？察哈尔右翼后旗 (150928) 之前的文件 150928.csv 报 44,933.3 吨（现为 4,493.33），按之前的数合计相符");
        String html = Files.readString(output.resolve("2023/report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("FILE_RESUBMITTED").contains("150928-v2.csv");
        assertThat(html.indexOf("class=\"tonight\"")).as("the banner comes before the first finding").isPositive()
                .isLessThan(html.indexOf("class=\"finding"));
    }

    private static void writeReviews(Path input, String text) throws IOException {
        Files.createDirectories(input.resolve("reviews"));
        Files.writeString(input.resolve("reviews/2023.csv"), text, StandardCharsets.UTF_8);
    }
}
