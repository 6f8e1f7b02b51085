package cn.ulanqab.stats.batch;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One county's file with a single line of 200 MB, reconciled by the real jar under -Xmx256m: the line is one
 * MALFORMED_ROW ("记录超过 1 MB", its first 100 characters kept), the row after it is read, and the night
 * ends with its findings (exit status 1), never with exit status 2.
 */
class HugeLineIT {

    @TempDir
    Path work;

    @Test
    void aTwoHundredMegabyteLineIsOneMalformedRowUnderA256MegabyteHeap() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path file = input.resolve("2023/150902.csv");
        long rowsBefore = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count() - 1;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write("150902,TECH_INCUBATORS,2023,1,家,".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "很长的备注没有换行".repeat(4000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 200L << 20; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\r\n150902,NO_SUCH_INDICATOR,2023,1,,after the long line\r\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(file)).isGreaterThan(200L << 20);

        JarProcess job = JarProcess.start(List.of("-Xmx256m"), "--input=" + input, "--output=" + work.resolve("output"),
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/reconciliation"));
        int status = job.waitFor(Duration.ofMinutes(5));

        assertThat(status).as(job.console()).isEqualTo(1);
        List<CSVRecord> rejected = JobRun.readCsv(work.resolve("output/2023/rejected-rows.csv")).stream()
                .filter(r -> r.get(0).equals("150902.csv")).toList();
        CSVRecord huge = rejected.stream().filter(r -> r.get(5).equals("MALFORMED_ROW")).findFirst().orElseThrow();
        assertThat(huge.get(6)).as("the message: what MALFORMED_ROW means, then the check's own words").contains("（记录超过 1 MB：一行只填一个数字");
        assertThat(huge.get(4)).hasSize(100).startsWith("150902,TECH_INCUBATORS,2023,1,家,很长的备注");
        long hugeLine = Long.parseLong(huge.get(1));
        assertThat(rejected).anySatisfy(r -> {
            assertThat(r.get(1)).isEqualTo(String.valueOf(hugeLine + 1));
            assertThat(r.get(5)).isEqualTo("UNKNOWN_INDICATOR");
        });
        CSVRecord ledger = JobRun.readCsv(work.resolve("output/2023/file-ledger.csv")).stream()
                .filter(r -> r.get(0).equals("150902.csv")).findFirst().orElseThrow();
        assertThat(ledger.get(3)).isEqualTo("PROCESSED");
        assertThat(ledger.get(5)).as("rows read").isEqualTo(String.valueOf(rowsBefore + 2));
    }
}
