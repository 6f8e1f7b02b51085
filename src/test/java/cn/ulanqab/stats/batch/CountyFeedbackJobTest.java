package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.report.OutputWriter;
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

class CountyFeedbackJobTest {

    @TempDir
    Path work;

    @Test
    void everyCountyHearsOfEveryRowItHadRejectedBeyondWhatTheReportLists() throws IOException {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        int extra = OutputWriter.HTML_REJECTED_ROWS + 100;
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < extra; i++) {
            bad.append("150902,TECH_INCUBATORS,2023,many,家,\n");
        }
        // 150902.csv comes before the files whose rows the sample rejects, so the report's list of rejected rows ends in it
        Files.writeString(input.resolve("2023/150902.csv"), bad, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path output = work.resolve("output");

        assertThat(JobRun.run(input, output).exitStatus()).isEqualTo(1);

        List<CSVRecord> own = JobRun.readCsv(output.resolve("2023/feedback/150902.csv"));
        assertThat(own.stream().filter(r -> r.get(6).equals("NOT_A_NUMBER")).count()).isEqualTo(extra);
        List<CSVRecord> later = JobRun.readCsv(output.resolve("2023/feedback/150981.csv"));
        assertThat(later).extracting(r -> r.get(2) + ":" + r.get(6)).contains("58:DUPLICATE_CONFLICT", "64:DUPLICATE_CONFLICT");
        assertThat(JobRun.readCsv(output.resolve("2023/rejected-rows.csv"))).hasSize(1 + 15 + extra);

        List<String> toCheck = JobRun.readCsv(output.resolve("2023/feedback/150921.csv")).stream()
                .filter(r -> r.get(0).equals("待核数字")).map(r -> r.get(1) + ":" + r.get(2) + ":" + r.get(3) + ":" + r.get(5)).toList();
        assertThat(toCheck).as("the figure to check names the row that holds the county's value")
                .containsExactly("150921.csv:" + lineOf(input.resolve("2023/150921.csv"), "CO2_REDUCTION") + ":CO2_REDUCTION:12.6");
    }

    private static long lineOf(Path file, String indicator) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("," + indicator + ",")) {
                return i + 1;
            }
        }
        throw new AssertionError(indicator + " not in " + file);
    }
}
