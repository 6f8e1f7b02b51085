package cn.ulanqab.stats.batch;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The year's targets tracked by a run of a month on the shipped sample (input/2024-06/, targets/2024.csv, base/). */
class TargetsJobTest {

    @TempDir
    Path work;

    private static Map<String, Map<String, String>> targets(Path output, String period) throws IOException {
        List<CSVRecord> records = JobRun.readCsv(output.resolve(period).resolve("targets.csv"));
        List<String> header = records.get(0).toList();
        assertThat(header).containsExactly("indicator_code", "name_zh", "unit", "target_text", "target_value", "cumulative_total",
                "share_of_target", "cumulative_growth", "expected_share", "pace_basis", "status", "counties_reported",
                "missing_counties", "hint", "region_code");
        Map<String, Map<String, String>> byCode = new LinkedHashMap<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            byCode.put(row.get("indicator_code"), row);
        }
        return byCode;
    }

    @Test
    void theShippedJuneSampleHasTargetsMetOnTrackAndBehindAndExitsZero() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = work.resolve("output");
        JobRun.Result r = JobRun.run(input, output, "--period=2024-06");
        assertThat(r.exitStatus()).as("behind is news, not a data error: " + r.errors()).isEqualTo(0);
        Map<String, Map<String, String>> t = targets(output, "2024-06");
        assertThat(t.keySet()).containsExactly("ENERGY_WATER_SAVING_PROJECTS", "OLD_COMMUNITIES_RENOVATED", "RURAL_DILAPIDATED_HOUSES",
                "RURAL_TOILETS_RENOVATED", "RURAL_ROADS_BUILT", "URBAN_NEW_JOBS", "ELDERLY_HOME_ADAPTATIONS", "ELDERLY_CARE_CENTERS",
                "VOCATIONAL_TRAINING", "RETAIL_SALES");
        Map<String, String> status = new LinkedHashMap<>();
        t.forEach((code, row) -> status.put(code, row.get("status")));
        assertThat(status).isEqualTo(Map.of(
                "ENERGY_WATER_SAVING_PROJECTS", "ON_TRACK", "OLD_COMMUNITIES_RENOVATED", "MET", "RURAL_DILAPIDATED_HOUSES", "BEHIND",
                "RURAL_TOILETS_RENOVATED", "BEHIND", "RURAL_ROADS_BUILT", "ON_TRACK", "URBAN_NEW_JOBS", "ON_TRACK",
                "ELDERLY_HOME_ADAPTATIONS", "MET", "ELDERLY_CARE_CENTERS", "BEHIND", "VOCATIONAL_TRAINING", "ON_TRACK",
                "RETAIL_SALES", "MET"));

        // 180 of 550 against last year's 540 of 1,083 by June
        Map<String, String> houses = t.get("RURAL_DILAPIDATED_HOUSES");
        assertThat(houses).containsEntry("target_value", "550").containsEntry("cumulative_total", "180")
                .containsEntry("share_of_target", "0.327273").containsEntry("expected_share", "0.498615")
                .containsEntry("pace_basis", "last_year").containsEntry("counties_reported", "11").containsEntry("missing_counties", "")
                .containsEntry("region_code", "150900").containsEntry("cumulative_growth", "");
        // no base rows: the calendar, 6/12
        assertThat(t.get("RURAL_TOILETS_RENOVATED")).containsEntry("expected_share", "0.500000").containsEntry("pace_basis", "calendar")
                .containsEntry("share_of_target", "0.391081");
        // 1.1万人次以上 is 11,000 in the catalog unit
        assertThat(t.get("VOCATIONAL_TRAINING")).containsEntry("target_value", "11000").containsEntry("cumulative_total", "6840");
        // 增长6%左右: the growth against January–June 2023, (1,309,500 ÷ 1,236,540.2 − 1) × 100
        assertThat(t.get("RETAIL_SALES")).containsEntry("target_value", "6").containsEntry("cumulative_growth", "5.900318")
                .containsEntry("share_of_target", "").containsEntry("expected_share", "").containsEntry("pace_basis", "");

        String html = Files.readString(output.resolve("2024-06/report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("年度目标进度").contains("进度落后").contains("<svg");
        // nothing is printed for June: the verdict says so rather than "every printed figure matches"
        assertThat(html).contains("<h1>乌兰察布市 2024 年 6 月数据核对报告</h1>").contains("本期没有公布数字可核对");
        assertThat(r.console()).contains("退出状态 0：本期没有公布数字可核对").doesNotContain("全部公布数字一致");
        // worst first: the three BEHIND before any ON_TRACK, the MET last
        assertThat(html.indexOf("改造农村牧区危房")).isLessThan(html.indexOf("城镇新增就业"));
        assertThat(html.indexOf("城镇新增就业")).isLessThan(html.indexOf("适老化改造"));
        try (InputStream in = Files.newInputStream(output.resolve("2024-06/report.xlsx")); XSSFWorkbook book = new XSSFWorkbook(in)) {
            var sheet = book.getSheet("年度目标");
            assertThat(sheet).isNotNull();
            // the hidden row of column names, the header, ten targets
            assertThat(sheet.getLastRowNum()).isEqualTo(11);
        }
    }

    @Test
    void aMissingCountyLeavesUndecidedTargetsIncompleteAndMakesTheExitStatusOne() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Files.delete(input.resolve("2024-06/150929.csv"));
        Path output = work.resolve("output");
        JobRun.Result r = JobRun.run(input, output, "--period=2024-06");
        assertThat(r.exitStatus()).isEqualTo(1);
        Map<String, Map<String, String>> t = targets(output, "2024-06");
        // behind on a partial total: the missing county could still bring it on track
        assertThat(t.get("RURAL_TOILETS_RENOVATED")).containsEntry("status", "INCOMPLETE").containsEntry("counties_reported", "10")
                .containsEntry("missing_counties", "150929");
        assertThat(t.get("RURAL_TOILETS_RENOVATED").get("hint")).contains("四子王旗");
        // a partial total already above the target decides it
        assertThat(t.get("OLD_COMMUNITIES_RENOVATED").get("status")).isIn("MET", "INCOMPLETE");
        assertThat(Integer.parseInt(t.get("OLD_COMMUNITIES_RENOVATED").get("cumulative_total")) >= 157)
                .isEqualTo(t.get("OLD_COMMUNITIES_RENOVATED").get("status").equals("MET"));
    }

    @Test
    void aCountyBelowItsFigureOfAnEarlierMonthIsNamedInTheHint() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path may = Files.createDirectories(input.resolve("2024-05"));
        String june = Files.readString(input.resolve("2024-06/150921.csv"), StandardCharsets.UTF_8);
        String jobsJune = june.lines().filter(l -> l.contains(",URBAN_NEW_JOBS,")).findFirst().orElseThrow().split(",")[3];
        // 卓资县 reported more jobs by May than by June: its June figure cannot be cumulative
        String mayJobs = String.valueOf(Integer.parseInt(jobsJune) + 40);
        Files.writeString(may.resolve("150921.csv"), june.replace(",2024-06,", ",2024-05,")
                .replace(",URBAN_NEW_JOBS,2024-05," + jobsJune + ",", ",URBAN_NEW_JOBS,2024-05," + mayJobs + ","), StandardCharsets.UTF_8);
        Path output = work.resolve("output");
        assertThat(JobRun.run(input, output, "--period=2024-05").exitStatus()).isEqualTo(1);
        JobRun.Result r = JobRun.run(input, output, "--period=2024-06");
        assertThat(r.exitStatus()).isEqualTo(0);
        Map<String, Map<String, String>> t = targets(output, "2024-06");
        assertThat(t.get("URBAN_NEW_JOBS").get("hint")).contains("不是累计数").contains("卓资县 (150921)").contains(jobsJune)
                .contains(mayJobs).contains("2024-05");
        assertThat(t.get("RURAL_ROADS_BUILT").get("hint")).isEmpty();
    }

    @Test
    void aBrokenTargetsLineStopsTheRunNamingFileLineAndFix() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path file = input.resolve("targets/2024.csv");
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("5500人以上", "五千五百人许"), StandardCharsets.UTF_8);
        JobRun.Result r = JobRun.run(input, work.resolve("output"), "--period=2024-06");
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.errors()).contains("targets/2024.csv，第 7 行：").contains("五千五百人许").contains("修正方法：");
    }
}
