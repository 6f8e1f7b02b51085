package cn.ulanqab.stats.batch;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole nights on the shipped input with content that used to end them with exit status 2: a value of 150 digits
 * (Value too long for column CITY_TOTAL), a reviewer's note of 2,001 characters (a raw SQL error), and codes, units and
 * a remark far longer than the old columns. Each is judged as a row or a review line with a reason; the night ends
 * with its findings (exit status 1).
 */
class NoContentStopsTheNightTest {

    @TempDir
    Path work;

    @Test
    void aValueOfOneHundredFiftyDigitsIsNotANumberAndTheNightGoesOn() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        append(input.resolve("2023/150902.csv"), "150902,PUBLIC_CHARGING_PILES,2023," + "9".repeat(150) + ",个,\r\n");
        // the sample's own value of PUBLIC_CHARGING_PILES in 150902 is accepted first; this second row must not count
        JobRun.Result night = JobRun.run(input, work.resolve("output"));

        assertThat(night.exitStatus()).as(night.console()).isEqualTo(1);
        CSVRecord row = rejected("150902.csv").stream().filter(r -> r.get(4).length() == 150).findFirst().orElseThrow();
        assertThat(row.get(5)).isEqualTo("NOT_A_NUMBER");
        assertThat(row.get(6)).startsWith("数值不是数字（“999").contains("”超过 40 个字符（共 150 个）：数值栏只填数字");
    }

    @Test
    void aReviewersNoteOfTwoThousandAndOneCharactersIsARejectedReviewLine() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path reviews = input.resolve("reviews/2023.csv");
        Files.createDirectories(reviews.getParent());
        Files.writeString(reviews, "indicator_code,disposition,note,reviewer,date,city_total\r\n"
                + "CO2_REDUCTION,EXPLAINED," + "核".repeat(2001) + ",王芳,2024-03-01,\r\n"
                + "URBAN_NEW_JOBS,WILL_FIX,已通知,李强,2024-03-02,\r\n", StandardCharsets.UTF_8);

        JobRun.Result night = JobRun.run(input, work.resolve("output"));

        assertThat(night.exitStatus()).as(night.console()).isEqualTo(1);
        assertThat(night.console()).contains("审核意见：采用 1 行，退回 1 行");
        List<CSVRecord> lines = JobRun.readCsv(work.resolve("output/2023/reconciliation.csv"));
        int disposition = lines.get(0).toList().indexOf("disposition");
        assertThat(lines).filteredOn(l -> l.get(0).equals("URBAN_NEW_JOBS")).singleElement()
                .satisfies(l -> assertThat(l.get(disposition)).isEqualTo("WILL_FIX"));
        assertThat(lines).filteredOn(l -> l.get(0).equals("CO2_REDUCTION")).singleElement()
                .satisfies(l -> assertThat(l.get(disposition)).isEmpty());
    }

    @Test
    void codesUnitsAndARemarkLongerThanTheOldColumnsAreKeptWholeInTheirRows() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        String longCode = "X".repeat(5000);
        String longUnit = "吨".repeat(3000);
        String longRemark = "备".repeat(500_000);
        append(input.resolve("2023/150902.csv"), "150902," + longCode + ",2023,1,,\r\n"
                + "150902,NEW_KINDERGARTENS,2023,1," + longUnit + ",\r\n"
                + "150902,NEW_PRIMARY_SCHOOLS,2023,1,所," + longRemark + "\r\n"
                + "150902,NEW_SCHOOL_PLACES,2023,1,个," + "长".repeat(3 << 20) + "\r\n");

        JobRun.Result night = JobRun.run(input, work.resolve("output"));

        assertThat(night.exitStatus()).as(night.console()).isEqualTo(1);
        List<CSVRecord> rows = rejected("150902.csv");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(3)).isEqualTo(longCode);
            assertThat(r.get(5)).isEqualTo("UNKNOWN_INDICATOR");
            assertThat(r.get(6)).hasSizeLessThan(200);
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(7)).isEqualTo(longUnit);
            assertThat(r.get(5)).isEqualTo("UNKNOWN_UNIT");
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(5)).isEqualTo("MALFORMED_ROW");
            assertThat(r.get(6)).as("the reason in the run's language, the check's own words kept").startsWith("该行无法按表头拆分成各列（列数不符、引号不对或整行过长）（记录超过 1 MB：一行只填一个数字");
            assertThat(r.get(4)).hasSize(100);
        });
    }

    private static void append(Path file, String rows) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, (text.endsWith("\n") ? "" : "\r\n") + rows, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private List<CSVRecord> rejected(String file) throws IOException {
        return JobRun.readCsv(work.resolve("output/2023/rejected-rows.csv")).stream().filter(r -> r.get(0).equals(file)).toList();
    }
}
