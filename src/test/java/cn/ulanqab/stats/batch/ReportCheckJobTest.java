package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.published.ClaimSettings;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The job run with --report on a published file that disagrees with the report on one figure. */
class ReportCheckJobTest {

    static final Path REPORT = Path.of("input/reports/ulanqab-2024-government-work-report.txt");

    @TempDir
    static Path work;
    static Path input;
    static JobRun.Result result;
    static Path outputs;

    @BeforeAll
    static void runWithTheReportOnAPublishedFileWithOneSlip() throws IOException {
        input = JobRun.copyShippedInput(work.resolve("input"));
        Path published = input.resolve("published/2023.csv");
        String text = Files.readString(published, StandardCharsets.UTF_8);
        // the counties' total for 城镇新增就业 is 8145: the published file now says 8145人, the report prints 8685人
        Files.writeString(published, text.replace("URBAN_NEW_JOBS,2023,8685人", "URBAN_NEW_JOBS,2023,8145人"), StandardCharsets.UTF_8);
        result = JobRun.run(input, work.resolve("output"), "--report=" + REPORT, "--reconciliation.language=en");
        outputs = work.resolve("output/2023");
    }

    @Test
    void aPublishedFileThatDisagreesWithTheReportIsAFindingOfItsOwn() {
        assertThat(result.exitStatus()).isEqualTo(1);
        assertThat(result.console())
                .contains("62 MATCH, 2 MISMATCH, 3 INCOMPLETE, 1 NO_DATA, 11 UNPUBLISHED")
                .as("run with reconciliation.language=en: the console speaks English")
                .contains("63 of 64 published figures agree with the print, 1 finding\n")
                .contains("PUBLISHED_DISAGREES URBAN_NEW_JOBS: the published file disagrees with the report: it says \"8145人\", the report prints \"8685人\"")
                .contains("exit status 1: 7 findings to review")
                .doesNotContainPattern("报告|运行|指标");
    }

    @Test
    void reportCheckCsvHasOneLinePerPublishedIndicator() throws IOException {
        List<CSVRecord> records = JobRun.readCsv(outputs.resolve("report-check.csv"));
        assertThat(records.get(0).toList()).containsExactly("indicator_code", "status", "published_text", "report_text",
                "published_section", "report_section", "quote", "figure_id", "message");
        // the header, the 64 published indicators, and the two of the 2024 targets that the 2023 review prints nothing for
        assertThat(records).hasSize(67);
        CSVRecord jobs = records.stream().filter(r -> r.get(0).equals("URBAN_NEW_JOBS")).findFirst().orElseThrow();
        assertThat(jobs.get(1)).isEqualTo("PUBLISHED_DISAGREES");
        assertThat(jobs.get(2)).isEqualTo("8145人");
        assertThat(jobs.get(3)).isEqualTo("8685人");
        assertThat(jobs.get(5)).isEqualTo("一(六)");
        assertThat(jobs.get(6)).isEqualTo("城镇新增就业8685人");
        assertThat(records.stream().skip(1).filter(r -> !r.get(1).equals("AGREES"))).hasSize(1);
    }

    @Test
    void theFindingIsInTheHintAndInTheReviewersPage() throws IOException {
        List<CSVRecord> lines = JobRun.readCsv(outputs.resolve("reconciliation.csv"));
        CSVRecord jobs = lines.stream().filter(r -> r.get(0).equals("URBAN_NEW_JOBS")).findFirst().orElseThrow();
        assertThat(jobs.get(9)).isEqualTo("MATCH");
        assertThat(jobs.get(12)).isEqualTo("the published file disagrees with the report: it says \"8145人\", the report prints \"8685人\"");
        assertThat(jobs.get(13)).isEqualTo("一(六)");
        assertThat(jobs.get(14)).isEqualTo("城镇新增就业8685人");
        String html = Files.readString(outputs.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("Published file against the report", "PUBLISHED_DISAGREES", "8145人", "8685人")
                .contains("<html lang=\"en\">").contains("7 findings to review").doesNotContain("需核查");
    }

    @Test
    void theReportAndItsPhrasesArePartOfTheFingerprint() {
        ClaimSettings claims = ClaimSettings.defaults();
        Path shipped = Path.of("input");
        String without = InputFingerprint.of(Night.load("2023", shipped, work.resolve("x"), claims));
        String with = InputFingerprint.of(Night.load("2023", shipped, work.resolve("x"), claims, REPORT));
        assertThat(with).isNotEqualTo(without);
        assertThat(InputFingerprint.of(Night.load("2023", shipped, work.resolve("x"), claims, REPORT))).isEqualTo(with);
    }

    @Test
    void theUnitsFileIsPartOfTheFingerprintOnlyWithTheReport(@TempDir Path copy) throws IOException {
        ClaimSettings claims = ClaimSettings.defaults();
        Path in = JobRun.copyShippedInput(copy.resolve("input"));
        String with = InputFingerprint.of(Night.load("2023", in, copy.resolve("x"), claims, REPORT));
        String without = InputFingerprint.of(Night.load("2023", in, copy.resolve("x"), claims));
        Files.writeString(in.resolve("reference/report-units.csv"), "垛,count\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertThat(InputFingerprint.of(Night.load("2023", in, copy.resolve("x"), claims, REPORT))).isNotEqualTo(with);
        assertThat(InputFingerprint.of(Night.load("2023", in, copy.resolve("x"), claims))).isEqualTo(without);
    }
}
