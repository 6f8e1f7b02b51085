package cn.ulanqab.stats.batch;

import java.io.RandomAccessFile;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL of the real jar in the middle of ingest (its runs kept in H2, then in PostgreSQL) and in the middle of writing
 * the outputs; the next start recovers the run the dead process left STARTED, resumes it, and ends with the outputs of
 * an uninterrupted run (on H2).
 */
@Tag("crash")
class CrashRecoveryIT {

    static final Duration RUN = Duration.ofMinutes(3);

    @TempDir
    static Path work;
    static Path input;
    static Map<String, byte[]> uninterrupted;
    static String uninterruptedHtml;

    @BeforeAll
    static void runOnceWithoutInterruption() throws Exception {
        input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = work.resolve("uninterrupted");
        JarProcess run = JarProcess.start("--input=" + input, "--output=" + output);
        assertThat(run.waitFor(RUN)).as(run.console()).isEqualTo(1);
        uninterrupted = JobRun.csvBytes(output.resolve("2023"));
        uninterruptedHtml = withoutTimesAndRunIds(output.resolve("2023/report.html"));
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("cn.ulanqab.stats.batch.TestDatabase#both")
    void killedInMidIngestItIsRecoveredResumedAndEndsWithTheSameOutputs(TestDatabase databases) throws Exception {
        databases.assumeAvailable();
        TestDatabase database = databases.fresh();
        Path output = work.resolve("killed-in-ingest-" + database.name());
        List<String> options = new ArrayList<>(database.jobOptions());
        options.addAll(List.of("--input=" + input, "--output=" + output));
        List<String> paused = new ArrayList<>(options);
        // one worker: its 4 partitions (about 175 rows each) one after another, so that two chunks are at least 200 rows
        options.add("--reconciliation.workers=1");
        paused.addAll(List.of("--reconciliation.workers=1", "--reconciliation.testing.pause-after-chunk-ms=60000",
                "--reconciliation.chunk-size=200"));
        JarProcess doomed = JarProcess.start(paused.toArray(String[]::new));
        doomed.awaitLines(l -> l.matches(JarProcess.CHUNK_STORED), 2, RUN);
        long deadPid = doomed.process.pid();
        doomed.kill();

        assertThat(database.count(output, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'"))
                .as("the dead process left its run STARTED").isEqualTo(1);
        long committed = database.storedRows(output);
        assertThat(committed).as("rows of whole chunks committed before the kill").isBetween(200L, 600L);
        assertThat(Files.readString(output.resolve(RunLock.FILE_NAME)).strip()).as("the lock file names the dead process")
                .isEqualTo(String.valueOf(deadPid));
        assertThat(output.resolve("2023/reconciliation.csv")).doesNotExist();

        JarProcess next = JarProcess.start(options.toArray(String[]::new));
        int status = next.waitFor(RUN);

        assertThat(status).as(next.console()).isEqualTo(1);
        assertThat(next.console()).contains("运行 1 停在 STARTED，其进程已不在")
                .contains("继续运行 1（").contains("读取 701，接受 686，退回 15");
        assertThat(database.storedRows(output)).isEqualTo(701);
        assertThat(database.count(output, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
        assertThat(database.count(output, "SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'readAndValidateSubmissions'"
                + " AND STATUS = 'COMPLETED'")).as("only the rows not committed before the kill are read again")
                .isEqualTo(701 - committed);
        assertSameBytes(JobRun.csvBytes(output.resolve("2023")));
        assertThat(withoutTimesAndRunIds(output.resolve("2023/report.html"))).isEqualTo(uninterruptedHtml);
    }

    @Test
    void killedThenRestartedWithAnotherOutputAndAMovedInputItUsesTheFoldersGivenNow() throws Exception {
        Path firstInput = JobRun.copyShippedInput(work.resolve("moving-input-before"));
        Path firstOutput = work.resolve("first-output");
        String database = "--spring.datasource.url=jdbc:h2:file:" + work.resolve("shared-db/recon") + ";WRITE_DELAY=0";
        JarProcess doomed = JarProcess.start(database, "--input=" + firstInput, "--output=" + firstOutput, "--reconciliation.workers=1",
                "--reconciliation.testing.pause-after-chunk-ms=60000", "--reconciliation.chunk-size=200");
        doomed.awaitLine(l -> l.matches(JarProcess.CHUNK_STORED), RUN);
        doomed.kill();
        Path movedInput = Files.move(firstInput, work.resolve("moving-input-after"));
        Path secondOutput = work.resolve("second-output");

        JarProcess next = JarProcess.start(database, "--input=" + movedInput, "--output=" + secondOutput, "--reconciliation.workers=1",
                "--reconciliation.testing.pause-after-chunk-ms=1", "--reconciliation.chunk-size=200");

        assertThat(next.waitFor(RUN)).as(next.console()).isEqualTo(1);
        assertThat(next.console()).contains("继续运行 1（")
                .contains("此次运行启动时用的是 --input=" + firstInput.toAbsolutePath().normalize())
                .contains("此次运行启动时用的是 --output=" + firstOutput.toAbsolutePath().normalize())
                .contains("读取 701，接受 686，退回 15")
                .contains("输出：  " + secondOutput.resolve("2023").toAbsolutePath().normalize());
        assertSameBytes(JobRun.csvBytes(secondOutput.resolve("2023")));
        assertThat(firstOutput.resolve("2023")).as("nothing goes to the first attempt's folder").doesNotExist();
        List<String> chunkLines = Stream.concat(doomed.out.stream(), next.out.stream()).filter(l -> l.startsWith("testing: chunk")).toList();
        assertThat(chunkLines).as("each stored chunk announced once over both processes").doesNotHaveDuplicates()
                .allMatch(l -> l.matches(JarProcess.CHUNK_STORED))
                .as("by each of the 4 partitions of one worker, the first before the kill")
                .anyMatch(l -> l.endsWith("partition0 stored")).anyMatch(l -> l.endsWith("partition1 stored"))
                .anyMatch(l -> l.endsWith("partition2 stored")).anyMatch(l -> l.endsWith("partition3 stored"))
                .startsWith(doomed.out.stream().filter(l -> l.startsWith("testing: chunk")).findFirst().orElseThrow());
    }

    @Test
    void aFileEditedWhileTheRunReadsItStopsTheRunAndNoneOfItsRowsAreKept() throws Exception {
        Path editedInput = JobRun.copyShippedInput(work.resolve("edited-input"));
        Path file = editedInput.resolve("2023/150902.csv");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            rows.append("150902,NO_SUCH_").append(i).append(",2023,1,,\r\n");
        }
        Files.writeString(file, rows, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        byte[] original = Files.readAllBytes(file);
        Path output = work.resolve("edited-output");
        JarProcess reading = JarProcess.start("--input=" + editedInput, "--output=" + output,
                "--reconciliation.testing.pause-after-chunk-ms=20", "--reconciliation.chunk-size=200");
        reading.awaitLine(l -> l.matches(JarProcess.CHUNK_STORED), RUN);
        // the county's office saves the file again with one value changed, in place, while the run reads it
        int at = new String(original, StandardCharsets.ISO_8859_1).indexOf("NO_SUCH_39990,2023,1,");
        try (var edit = new RandomAccessFile(file.toFile(), "rw")) {
            edit.seek(at + "NO_SUCH_39990,2023,".length());
            edit.write('7');
        }

        assertThat(reading.waitFor(RUN)).as(reading.console()).isEqualTo(2);
        assertThat(String.join("\n", reading.err)).contains("150902.csv：在读取过程中被改动").contains("修正方法：等该旗县写完文件后重新启动");
        assertThat(JobRun.storedRows(output, "FILE_NAME = '150902.csv'")).as("none of its rows are kept").isZero();

        Files.write(file, original); // the county's file as it was fingerprinted
        // small chunks: H2 stores 40,000 rejected rows slowly in chunks of 5,000 (the sample has them by the dozen)
        JarProcess next = JarProcess.start("--input=" + editedInput, "--output=" + output, "--reconciliation.chunk-size=200");

        assertThat(next.waitFor(RUN)).as(next.console()).isEqualTo(1);
        assertThat(next.console()).contains("继续运行 1（").contains("读取 40,701");
        assertThat(Files.readString(output.resolve("2023/rejected-rows.csv"))).contains("NO_SUCH_39990,1,")
                .doesNotContain("NO_SUCH_39990,7,");
    }

    @Test
    void aDatabaseCutShortStopsTheRunWithOneLineNamingItAndTheFix() throws Exception {
        Path output = Files.createDirectories(work.resolve("cut-database"));
        Path db = output.resolve("reconciliation-db.mv.db");
        Files.copy(work.resolve("uninterrupted/reconciliation-db.mv.db"), db);
        try (var file = new RandomAccessFile(db.toFile(), "rw")) {
            // cut early in the chunks, so that no older state is left whole for H2 to fall back on
            assertThat(file.length()).isGreaterThan(100_000);
            file.setLength(5 * 4096);
        }

        JarProcess night = JarProcess.start("--input=" + input, "--output=" + output);

        assertThat(night.waitFor(RUN)).isEqualTo(2);
        assertThat(night.console()).doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(night.err).as(night.console()).hasSize(1);
        assertThat(night.err.get(0)).contains(db.toAbsolutePath().toString()).contains("已损坏").contains("处理方法：从备份恢复")
                .contains("--spring.datasource.url").contains("（详情见 " + output.resolve(FailureLog.FILE_NAME).toAbsolutePath());
        assertThat(Files.readString(output.resolve(FailureLog.FILE_NAME))).contains("\tat org.h2.");
    }

    @Test
    void killedWhileWritingOutputsNoHalfWrittenFileIsLeft() throws Exception {
        // 20,000 copies of one row: 19,999 DUPLICATE rejections make rejected-rows.csv some 20 MB, long enough to
        // be caught in the middle of its writing.
        Path bigInput = JobRun.copyShippedInput(work.resolve("big-input"));
        String remark = "备注".repeat(400);
        try (var w = Files.newBufferedWriter(bigInput.resolve("2023/150902.csv"), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND)) {
            for (int i = 0; i < 20_000; i++) {
                w.write("150902,TECH_INCUBATORS,2023,1,家," + remark + "\r\n");
            }
        }
        Path output = work.resolve("killed-in-outputs");
        Path period = output.resolve("2023");
        Path scratch = output.resolve(".2023.writing");

        JarProcess doomed = JarProcess.start("--input=" + bigInput, "--output=" + output);
        long deadline = System.nanoTime() + RUN.toNanos();
        boolean caught = false;
        while (System.nanoTime() < deadline && doomed.process.isAlive()) {
            if (largePartIn(scratch)) {
                doomed.kill();
                caught = true;
                break;
            }
            Thread.sleep(5);
        }
        assertThat(caught).as("killed while a file was being written: " + doomed.console()).isTrue();

        assertThat(listing(scratch)).as("the half-written file stays in the scratch folder").anyMatch(n -> n.endsWith(".part"));
        assertThat(listing(period)).as("no part file where reviewers look").noneMatch(n -> n.endsWith(".part"));
        assertThat(period.resolve("rejected-rows.csv")).as("the file being written is not there at all").doesNotExist();
        for (String name : listing(period)) {
            assertWhole(period.resolve(name));
        }

        JarProcess next = JarProcess.start("--input=" + bigInput, "--output=" + output);
        assertThat(next.waitFor(RUN)).as(next.console()).isEqualTo(1);
        assertThat(listing(scratch)).as("the leftover part is cleared by the next run").isEmpty();
        for (String name : JobRun.CSV_OUTPUTS) {
            assertWhole(period.resolve(name));
        }
        assertThat(JobRun.readCsv(period.resolve("rejected-rows.csv"))).hasSize(1 + 15 + 20_000);
    }

    private static boolean largePartIn(Path scratch) throws IOException {
        if (!Files.isDirectory(scratch)) {
            return false;
        }
        try (Stream<Path> parts = Files.list(scratch)) {
            return parts.anyMatch(p -> p.getFileName().toString().contains("rejected-rows.csv") && size(p) > 1_000_000);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> listing(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A CSV that parses to its end with a final line end, or a page that ends with its closing tag. */
    private static void assertWhole(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (file.toString().endsWith(".html")) {
            assertThat(text.strip()).as(file + " is whole").endsWith("</html>");
        } else {
            assertThat(text).as(file + " is whole").endsWith("\r\n");
            assertThat(JobRun.readCsv(file)).as(file.toString()).isNotEmpty();
        }
    }

    private static void assertSameBytes(Map<String, byte[]> actual) {
        assertThat(actual.keySet()).isEqualTo(uninterrupted.keySet());
        actual.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(uninterrupted.get(name)));
    }

    /** The page with its clock times and run ids taken out: everything else must be byte for byte the same. */
    static String withoutTimesAndRunIds(Path html) throws IOException {
        return Files.readString(html, StandardCharsets.UTF_8)
                .replaceAll("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)?", "<time>")
                .replaceAll("(Run</th><td>)\\d+", "$1<id>");
    }
}
