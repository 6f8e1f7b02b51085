package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.ReconciliationApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the night leaves for machines and operators, run through the application's entry point on the shipped sample:
 * summary.json, last-run.json (also for a failed night), the history of nights with its index, a workbook that is
 * the same bytes for the same input, and --help.
 */
class NightForOperatorsJobTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void aCompletedNightLeavesItsSummaryItsStateAndItsPlaceInTheHistory() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = work.resolve("output");

        JobRun.Result first = JobRun.run(input, output);

        assertThat(first.exitStatus()).isEqualTo(1);
        assertThat(first.console()).as("thousands separators for a person")
                .contains("CO2_REDUCTION 减排二氧化碳：公布 184万吨，汇总 1,712,475.1 吨");
        assertThat(JobRun.readCsv(output.resolve("2023/reconciliation.csv")).stream().filter(r -> r.get(0).equals("CO2_REDUCTION"))
                .map(r -> r.get(5)).toList()).as("never in a numeric CSV column").containsExactly("1712475.1");
        assertThat(first.console()).as("the console names the night's place in the history")
                .containsPattern("\n  输出：  [^\n]*2023\n  历史：  [^\n]*history/2023/1-[0-9a-f]{12}（[^\n]*index.html 列出保存的每一晚）\n退出状态 1");
        JsonNode summary = JSON.readTree(output.resolve("2023/summary.json").toFile());
        assertThat(summary.path("period").asString()).isEqualTo("2023");
        assertThat(summary.path("run").asLong()).isEqualTo(1);
        String fingerprint = summary.path("fingerprint").asString();
        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(first.console()).contains("输入指纹 " + fingerprint.substring(0, 12));
        assertThat(summary.path("exit_status").asInt()).isEqualTo(1);
        assertThat(summary.path("started").asString()).as("the bureau's zone").endsWith("+08:00");
        JsonNode counts = summary.path("counts");
        assertThat(List.of(counts.path("MATCH").asInt(), counts.path("MISMATCH").asInt(), counts.path("INCOMPLETE").asInt(),
                counts.path("NO_DATA").asInt(), counts.path("UNPUBLISHED").asInt())).containsExactly(61, 3, 3, 1, 11);
        List<String> findings = new ArrayList<>();
        summary.path("findings").forEach(f -> findings.add(f.path("indicator_code").asString() + "@" + f.path("region_code").asString()
                + " " + f.path("status").asString() + " " + f.path("causes")));
        assertThat(findings).hasSize(7)
                .contains("RURAL_WASTE_COVERAGE@150900 MISMATCH [\"CHANGE_OUTSIDE_CLAIM\",\"CHANGE_FROM_BASE\"]")
                .contains("CO2_REDUCTION@150900 MISMATCH [\"OUTSIDE_CLAIM\",\"UNIT_SLIP\"]")
                .contains("URBAN_NEW_JOBS@150900 MISMATCH [\"OUTSIDE_CLAIM\",\"DIGITS_SWAPPED\"]")
                .anySatisfy(f -> assertThat(f).startsWith("NEW_HOSPITAL_BEDS@150900 INCOMPLETE").contains("WOULD_COMPLETE"));

        JsonNode lastRun = JSON.readTree(output.resolve(LastRun.FILE).toFile());
        assertThat(lastRun.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(lastRun.path("period").asString()).isEqualTo("2023");
        assertThat(lastRun.path("exit_status").asInt()).isEqualTo(1);
        assertThat(lastRun.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(lastRun.path("message").asString()).isEqualTo("退出状态 1：7 项需核查，见 report.html 与 reconciliation.csv");
        assertThat(OffsetDateTime.parse(lastRun.path("ended").asString()))
                .isAfterOrEqualTo(OffsetDateTime.parse(lastRun.path("started").asString()));

        Path night = output.resolve("history/2023/1-" + fingerprint.substring(0, 12));
        for (String kept : List.of("report.html", "report.xlsx", "summary.json")) {
            assertThat(Files.readAllBytes(night.resolve(kept))).as(kept).isEqualTo(Files.readAllBytes(output.resolve("2023").resolve(kept)));
        }
        String index = Files.readString(output.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("乌兰察布市 历次核对").contains("href=\"history/2023/1-" + fingerprint.substring(0, 12) + "/report.html\"");

        // the same input on a fresh output folder, seconds later: the same workbook, byte for byte
        Path elsewhere = work.resolve("elsewhere");
        assertThat(JobRun.run(input, elsewhere).exitStatus()).isEqualTo(1);
        assertThat(Files.readAllBytes(elsewhere.resolve("2023/report.xlsx"))).isEqualTo(Files.readAllBytes(output.resolve("2023/report.xlsx")));

        // a new review makes a new run; keeping one run per period drops the first night
        Files.createDirectories(input.resolve("reviews"));
        Files.writeString(input.resolve("reviews/2023.csv"), """
                indicator_code,disposition,note,reviewer,date,city_total
                CO2_REDUCTION,EXPLAINED,卓资县单位填错，已电话核实,王芳,2024-03-01,1712475.1
                """, StandardCharsets.UTF_8);
        JobRun.Result second = JobRun.run(input, output, "--reconciliation.keep-runs=1");
        assertThat(second.exitStatus()).isEqualTo(1);
        JsonNode secondSummary = JSON.readTree(output.resolve("2023/summary.json").toFile());
        assertThat(secondSummary.path("run").asLong()).isEqualTo(2);
        String secondFolder = "2-" + secondSummary.path("fingerprint").asString().substring(0, 12);
        assertThat(output.resolve("history/2023/" + secondFolder + "/report.xlsx")).exists();
        assertThat(night).as("keep-runs=1").doesNotExist();
        assertThat(Files.readString(output.resolve("index.html"), StandardCharsets.UTF_8))
                .contains("history/2023/" + secondFolder + "/").doesNotContain("history/2023/1-");
        assertThat(secondSummary.path("findings").get(6).path("review_status").asString())
                .as("the excused finding comes last and says so").isEqualTo("excused");
    }

    @Test
    void aNightThatFailsSaysSoInLastRunJson() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = work.resolve("output");
        Files.delete(input.resolve("reference/indicators.csv"));

        int status = ReconciliationApplication.run("--input=" + input, "--output=" + output);

        assertThat(status).isEqualTo(2);
        JsonNode lastRun = JSON.readTree(output.resolve(LastRun.FILE).toFile());
        assertThat(lastRun.path("state").asString()).isEqualTo("FAILED");
        assertThat(lastRun.path("exit_status").asInt()).isEqualTo(2);
        assertThat(lastRun.path("message").asString()).startsWith("无法启动：").contains("indicators.csv").contains("。修正方法：");
        assertThat(lastRun.has("ended")).isTrue();
        assertThat(output.resolve("index.html")).as("a failed night is not kept").doesNotExist();
    }

    @Test
    void aLastRunFileThatCannotBeWrittenIsAWarningAndTheNightsOwnStatusStands() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = work.resolve("output");
        Files.createDirectories(output.resolve(LastRun.FILE).resolve("in-the-way"));
        Files.delete(input.resolve("reference/indicators.csv"));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = ReconciliationApplication.run("--input=" + input, "--output=" + output);
        } finally {
            System.setErr(original);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(2);
        assertThat(err).contains("警告：无法写入 " + output.resolve(LastRun.FILE) + "（").contains("本次运行照常进行")
                .contains("无法启动：").contains("indicators.csv");
    }

    @Test
    void aRefusedOptionIsRecordedWhenTheOutputFolderIsThere() throws IOException {
        Path output = Files.createDirectories(work.resolve("output"));

        int status = ReconciliationApplication.run("--input=" + work.resolve("nowhere"), "--output=" + output, "--period=2024");

        assertThat(status).isEqualTo(2);
        JsonNode lastRun = JSON.readTree(output.resolve(LastRun.FILE).toFile());
        assertThat(lastRun.path("state").asString()).isEqualTo("FAILED");
        assertThat(lastRun.path("period").asString()).isEqualTo("2024");
        assertThat(lastRun.path("message").asString()).contains("--input=").contains("没有这个文件夹");

        Path absent = work.resolve("absent");
        assertThat(ReconciliationApplication.run("--input=" + work.resolve("nowhere"), "--output=" + absent)).isEqualTo(2);
        assertThat(absent).as("no folder is made for a refused start").doesNotExist();
    }

    @Test
    void aWrongZoneOrKeepRunsIsRefusedWithTheFix() {
        String zone = stderrOf("--reconciliation.zone=Asia/Beijing");
        assertThat(zone).contains("无法启动：--reconciliation.zone=Asia/Beijing：不是时区。修正方法：填写时区，如 Asia/Shanghai");
        String keep = stderrOf("--reconciliation.keep-runs=0");
        assertThat(keep).contains("--reconciliation.keep-runs=0：不是保留的运行次数。修正方法：");
        String english = stderrOf("--reconciliation.keep-runs=0", "--reconciliation.language=en");
        assertThat(english).contains("cannot start: --reconciliation.keep-runs=0: not a number of runs. Fix: write a whole number");
    }

    @Test
    void helpPrintsTheOptionsAndExitStatusesAndExitsZero() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int zh;
        int en;
        String chinese;
        try {
            zh = ReconciliationApplication.run("--help");
            chinese = captured.toString(StandardCharsets.UTF_8);
            captured.reset();
            en = ReconciliationApplication.run("-h", "--reconciliation.language=en", "--no-such-option");
        } finally {
            System.setOut(original);
        }
        String english = captured.toString(StandardCharsets.UTF_8);
        assertThat(zh).isZero();
        assertThat(en).isZero();
        assertThat(chinese).startsWith("用法：java -jar reconciliation.jar").contains("--period=2023", "--input=input", "--output=output",
                        "--report=", "--extract=", "--generate=", "--reconciliation.keep-runs", "--reconciliation.zone", "退出状态：")
                .contains("  0  核对完成").contains("  1  核对完成，有待核查的问题").contains("  2  未能完成")
                .as("the settings for tests are not an operator's").doesNotContain("reconciliation.testing.");
        assertThat(english).startsWith("usage: java -jar reconciliation.jar").contains("Exit status:", "the job's settings")
                .contains("  2  it could not do its work");
    }

    private String stderrOf(String... options) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            List<String> args = new ArrayList<>(List.of("--input=input", "--output=" + work.resolve("out")));
            args.addAll(List.of(options));
            assertThat(ReconciliationApplication.run(args.toArray(String[]::new))).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
