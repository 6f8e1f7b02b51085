package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.published.ClaimSettings;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A run of a month or quarter, a period that is none of these, and last year's base file in the fingerprint. */
class PeriodsJobTest {

    @TempDir
    Path work;

    /**
     * The shipped 2023 county files as the folder of another period: the same bytes, the period column rewritten. The
     * shipped targets of 2024 are left out (the 2023 files do not report all their indicators; TargetsJobTest runs them).
     */
    private Path inputWithPeriod(String period) throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Files.delete(input.resolve("targets/2024.csv"));
        Path folder = Files.createDirectories(input.resolve(period));
        try (Stream<Path> files = Files.list(input.resolve("2023"))) {
            for (Path f : files.toList()) {
                // byte for byte (one county writes GB18030): only the ASCII ",2023," of the period column changes
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                Files.write(folder.resolve(f.getFileName()), bytes.replace(",2023,", "," + period + ",").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return input;
    }

    /** The rows of an output CSV by column name. */
    static List<Map<String, String>> rows(Path file) throws IOException {
        List<CSVRecord> records = JobRun.readCsv(file);
        List<String> header = records.get(0).toList();
        return records.subList(1, records.size()).stream().map(r -> {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            return row;
        }).toList();
    }

    @Test
    void aMonthWithoutPublishedFiguresReconcilesEveryTotalAsUnpublished() throws IOException {
        Path input = inputWithPeriod("2024-06");
        JobRun.Result r = JobRun.run(input, work.resolve("output"), "--period=2024-06");
        assertThat(r.exitStatus()).as(r.errors()).isEqualTo(0);
        List<Map<String, String>> lines = rows(work.resolve("output/2024-06/reconciliation.csv"));
        assertThat(lines).hasSizeGreaterThan(60);
        assertThat(lines).allSatisfy(l -> assertThat(l.get("status")).isEqualTo("UNPUBLISHED"));
        assertThat(lines).filteredOn(l -> l.get("indicator_code").equals("URBAN_NEW_JOBS")).singleElement()
                .satisfies(l -> assertThat(l.get("city_total")).isEqualTo("8145"));
        // the rows of 2024-06 are accepted in its folder: only the sample's planted row of 2022 is of another period
        assertThat(rows(work.resolve("output/2024-06/rejected-rows.csv"))).filteredOn(l -> l.get("reason").equals("PERIOD_MISMATCH"))
                .singleElement().satisfies(l -> assertThat(l.get("message")).contains("统计期“2022”填在了 2024-06 期的报送文件夹中"));
    }

    @Test
    void aQuarterReadsItsOwnPublishedFileWhenThereIsOne() throws IOException {
        Path input = inputWithPeriod("2024-Q2");
        String published = Files.readString(input.resolve("published/2023.csv"), StandardCharsets.UTF_8);
        Files.writeString(input.resolve("published/2024-Q2.csv"), published.replace(",2023,", ",2024-Q2,"), StandardCharsets.UTF_8);
        JobRun.Result r = JobRun.run(input, work.resolve("output"), "--period=2024-Q2");
        assertThat(r.exitStatus()).as(r.errors()).isEqualTo(1);
        List<Map<String, String>> lines = rows(work.resolve("output/2024-Q2/reconciliation.csv"));
        assertThat(lines).filteredOn(l -> l.get("indicator_code").equals("URBAN_NEW_JOBS")).singleElement()
                .satisfies(l -> assertThat(l.get("status")).isEqualTo("MISMATCH"));
    }

    @Test
    void aYearStillNeedsItsPublishedFile() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Files.delete(input.resolve("published/2023.csv"));
        JobRun.Result r = JobRun.run(input, work.resolve("output"));
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.errors()).contains("published" + java.io.File.separator + "2023.csv：缺少统计期 2023 的公布数字。修正方法：");
    }

    @Test
    void aPeriodThatIsNoYearMonthOrQuarterStopsBeforeAnythingIsRead() throws IOException {
        Path input = inputWithPeriod("2024-06");
        JobRun.Result r = JobRun.run(input, work.resolve("output"), "--period=2024-13");
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.errors()).contains("--period=2024-13：不存在月份 13。修正方法：请填写年份（如 2023）、月份（如 2024-06");
        assertThat(work.resolve("output/2024-13")).doesNotExist();
    }

    @Test
    void aBrokenBaseFileStopsTheRunNamingItsLine() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Files.createDirectories(input.resolve("base"));
        Files.writeString(input.resolve("base/2022.csv"), "indicator_code,region_code,total\nURBAN_NEW_JOBS,,-5\n", StandardCharsets.UTF_8);
        JobRun.Result r = JobRun.run(input, work.resolve("output"));
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.errors()).contains(input.resolve("base/2022.csv") + "，第 2 行：指标 URBAN_NEW_JOBS 的合计数 -5 为负数。修正方法：");
    }

    @Test
    void lastYearsBaseFileIsPartOfTheFingerprintAndNoOtherYearsIs() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        ClaimSettings claims = ClaimSettings.defaults();
        Files.createDirectories(input.resolve("base"));
        String before = InputFingerprint.of(Night.load("2023", input, work.resolve("x"), claims));
        Files.writeString(input.resolve("base/2021.csv"), "indicator_code,region_code,total\nURBAN_NEW_JOBS,,8000\n", StandardCharsets.UTF_8);
        assertThat(InputFingerprint.of(Night.load("2023", input, work.resolve("x"), claims))).isEqualTo(before);
        Files.writeString(input.resolve("base/2022.csv"), "indicator_code,region_code,total\nURBAN_NEW_JOBS,,8000\n", StandardCharsets.UTF_8);
        String withBase = InputFingerprint.of(Night.load("2023", input, work.resolve("x"), claims));
        assertThat(withBase).isNotEqualTo(before);
        Files.writeString(input.resolve("base/2022.csv"), "indicator_code,region_code,total\nURBAN_NEW_JOBS,,8001\n", StandardCharsets.UTF_8);
        assertThat(InputFingerprint.of(Night.load("2023", input, work.resolve("x"), claims))).isNotEqualTo(withBase);
        assertThat(Night.load("2023", input, work.resolve("x"), claims).base().total("URBAN_NEW_JOBS", "150900"))
                .hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("8001"));
    }
}
