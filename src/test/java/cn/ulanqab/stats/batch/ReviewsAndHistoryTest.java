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

        assertThat(result.exitStatus()).as("a stale review and a WILL_FIX leave two findings open").isEqualTo(1);
        assertThat(result.console()).contains("2 findings to review").contains("4 more excused by reviews")
                .contains("[review stale: written against 8000]")
                .contains("INCOMPLETE POCKET_PARKS 建成口袋公园: printed 7个, partial total (counties missing) 6 个 (6个)")
                .as("the reviewers' lines are counted apart from the submissions")
                .contains("files:   12 PROCESSED, 1 SUPERSEDED, 1 UNRECOGNIZED").contains("rows:    666 read, 651 accepted, 15 rejected")
                .contains("reviews: 6 lines applied, 3 rejected (why: rejected-rows.csv, file reviews/2023.csv)");
        Path out = work.resolve("output/2023");
        Map<String, CSVRecord> lines = JobRun.readCsv(out.resolve("reconciliation.csv")).stream().skip(1)
                .collect(Collectors.toMap(r -> r.get(0), r -> r));
        assertThat(lines.get("CO2_REDUCTION").get(15)).isEqualTo("EXPLAINED");
        assertThat(lines.get("CO2_REDUCTION").get(19)).isEqualTo("excused");
        assertThat(lines.get("URBAN_NEW_JOBS").get(19)).startsWith("stale: written against 8000");
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
                .contains("已过期 stale").contains("已核销 excused: EXPLAINED");
        List<String> feedback = JobRun.readCsv(out.resolve("feedback/150921.csv")).stream()
                .filter(r -> r.get(3).equals("CO2_REDUCTION")).map(r -> r.get(8)).toList();
        assertThat(feedback).as("the county hears that the finding was explained").singleElement().asString()
                .startsWith("审核人已核销（EXPLAINED").endsWith("无需修改");
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
                indicator_code,disposition,note,reviewer,date,city_total
                CO2_REDUCTION,EXPLAINED,单位填错,王芳,2024-03-01,1712475.1
                URBAN_NEW_JOBS,EXPLAINED,数字颠倒,王芳,2024-03-01,8145
                HEATING_GAS_PIPELINES,ACCEPTED,商都县未建,王芳,2024-03-01,683.53
                POCKET_PARKS,ACCEPTED,,王芳,2024-03-01,
                NEW_HOSPITAL_BEDS,ACCEPTED,,王芳,2024-03-01,
                ONLINE_SERVICE_CASES,EXPLAINED,市里漏报,王芳,2024-03-01,
                """);

        JobRun.Result result = JobRun.run(input, work.resolve("output"));

        assertThat(result.exitStatus()).isEqualTo(0);
        assertThat(result.console()).contains("exit status 0");
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

        assertThat(second.console()).contains("run 2");
        List<String> changes = JobRun.readCsv(output.resolve("2023/changes.csv")).stream().skip(1)
                .map(r -> r.get(0) + ":" + r.get(1) + ":" + r.get(3) + ":" + r.get(4)).toList();
        assertThat(changes).contains("RESOLVED:URBAN_NEW_JOBS:MISMATCH:MATCH", "TOTAL_CHANGED:URBAN_NEW_JOBS:8145:8685",
                "NEW_FINDING:MILK_OUTPUT:MATCH:MISMATCH", "FILE_RESUBMITTED:150928:150928.csv:150928-v2.csv");
        String milkHint = JobRun.readCsv(output.resolve("2023/reconciliation.csv")).stream()
                .filter(r -> r.get(0).equals("MILK_OUTPUT")).findFirst().orElseThrow().get(12);
        assertThat(milkHint).contains("resubmission? 察哈尔右翼后旗 (150928)'s earlier file 150928.csv held 44933.3 吨, which would have matched");
        assertThat(Files.readString(output.resolve("2023/report.html"), StandardCharsets.UTF_8))
                .contains("FILE_RESUBMITTED").contains("150928-v2.csv");
    }

    private static void writeReviews(Path input, String text) throws IOException {
        Files.createDirectories(input.resolve("reviews"));
        Files.writeString(input.resolve("reviews/2023.csv"), text, StandardCharsets.UTF_8);
    }
}
