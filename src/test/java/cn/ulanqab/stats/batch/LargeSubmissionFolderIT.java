package cn.ulanqab.stats.batch;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded memory: a generated submission folder of 1 GB (-Dlarge.bytes to change it) is reconciled by the real
 * jar under -Xmx256m. Not part of the default `mvn verify` (it takes many minutes on 2 cores); run it with
 * {@code mvn verify -Plarge}. It prints the time taken and the peak resident memory (VmHWM) of the job.
 */
@Tag("large")
class LargeSubmissionFolderIT {

    static final long BYTES = Long.getLong("large.bytes", 1L << 30);

    @TempDir
    Path work;

    @Test
    void aOneGigabyteFolderIsReconciledIn256Megabytes() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        List<String> counties = List.of("150902", "150921", "150922", "150923", "150924", "150925", "150926", "150927",
                "150928", "150929", "150981");
        List<String> indicators = Files.readAllLines(input.resolve("reference/indicators.csv")).stream().skip(1)
                .filter(l -> l.contains(",COUNTY,SUM,")).map(l -> l.substring(0, l.indexOf(','))).toList();
        try (var old = Files.list(input.resolve("2023"))) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        long perFile = BYTES / counties.size();
        long rows = 0;
        String remark = "备注：本行由大文件测试生成，用于检验内存是否有界。".repeat(3);
        for (String county : counties) {
            Path file = input.resolve("2023/" + county + ".csv");
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("county_code,indicator_code,period,value,unit,remark\r\n");
                long written = 0;
                for (long i = 0; written < perFile; i++) {
                    String indicator = indicators.get((int) (i % indicators.size()));
                    // mostly the same value again (DUPLICATE), now and then another (DUPLICATE_CONFLICT) or another period
                    String value = i % 1000 == 999 ? "7" : "12";
                    String period = i % 97 == 0 ? "2022" : "2023";
                    String line = county + "," + indicator + "," + period + "," + value + ",," + remark + i + "\r\n";
                    w.write(line);
                    written += line.getBytes(StandardCharsets.UTF_8).length;
                    rows++;
                }
            }
        }
        long folderBytes;
        try (var files = Files.list(input.resolve("2023"))) {
            folderBytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("generated %d rows, %d bytes%n", rows, folderBytes);

        Path output = work.resolve("output");
        long started = System.nanoTime();
        JarProcess job = JarProcess.start(List.of("-Xmx256m"), "--input=" + input, "--output=" + output);
        long peakKb = 0;
        while (job.process.isAlive()) {
            peakKb = Math.max(peakKb, peakRssKb(job.process.pid()));
            Thread.sleep(500);
        }
        int status = job.waitFor(Duration.ofMinutes(1));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("LARGE RUN: %d bytes, %d rows, exit status %d, %d s, peak RSS %d MB%n", folderBytes, rows, status,
                took.toSeconds(), peakKb / 1024);

        try (var c = JobRun.database(output); var rs = c.createStatement().executeQuery("SELECT STEP_NAME,"
                + " DATEDIFF('SECOND', START_TIME, END_TIME), READ_COUNT FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID")) {
            while (rs.next()) {
                System.out.printf("  step %-30s %5d s %10d read%n", rs.getString(1), rs.getLong(2), rs.getLong(3));
            }
        }
        assertThat(status).as(job.console()).isIn(0, 1);
        assertThat(job.console()).doesNotContain("OutOfMemoryError");
        long read = 0;
        List<CSVRecord> ledger = JobRun.readCsv(output.resolve("2023/file-ledger.csv"));
        for (CSVRecord r : ledger.subList(1, ledger.size())) {
            if (r.get(3).equals("PROCESSED")) {
                assertThat(Long.parseLong(r.get(5))).isEqualTo(Long.parseLong(r.get(6)) + Long.parseLong(r.get(7)));
                read += Long.parseLong(r.get(5));
            }
        }
        assertThat(read).isEqualTo(rows);
    }

    /** The process's peak resident set (VmHWM) so far, in kB; 0 once it is gone. */
    static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between two looks
        }
        return 0;
    }
}
