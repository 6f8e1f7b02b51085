package cn.ulanqab.stats.batch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that fails in the middle resumes from its last committed chunk and ends with the same CSVs as an
 * uninterrupted run; a run on unchanged input counts nothing twice; changed input is a new run. On H2 and on
 * PostgreSQL, each test in a database of its own, always against the CSVs of an uninterrupted run on H2.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("cn.ulanqab.stats.batch.TestDatabase#both")
class RestartAndRerunTest {

    @TempDir
    static Path work;
    static Path input;
    static Map<String, byte[]> uninterrupted;
    static final int SMALL_CHUNK = 200;

    private final TestDatabase databases;
    private TestDatabase database;

    RestartAndRerunTest(TestDatabase databases) {
        this.databases = databases;
    }

    @BeforeAll
    static void runOnceWithoutInterruptionOnH2() throws IOException {
        input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = work.resolve("uninterrupted");
        assertThat(JobRun.run(input, output).exitStatus()).isEqualTo(1);
        uninterrupted = JobRun.csvBytes(output.resolve("2023"));
    }

    @BeforeEach
    void aDatabaseOfItsOwn() {
        databases.assumeAvailable();
        database = databases.fresh();
    }

    private JobRun.Result run(Path input, Path output, String... options) {
        return JobRun.run(input, output, Stream.concat(database.jobOptions().stream(), Stream.of(options)).toArray(String[]::new));
    }

    private Path output(String name) {
        return work.resolve(database.name()).resolve(name);
    }

    @Test
    void resumesAFailedRunAndEndsWithTheSameOutputs() throws Exception {
        Path output = output("interrupted");
        Files.createDirectories(output);
        database.migrate(output);
        try (Connection c = database.connect(output)) {
            database.failStoringTheRow(c);
        }

        // chunks of 200 rows on one worker, so that the sample's 701 rows make several chunks in 4 partitions
        JobRun.Result failed = run(input, output, "--reconciliation.chunk-size=" + SMALL_CHUNK, "--reconciliation.workers=1");
        assertThat(failed.exitStatus()).isEqualTo(2);
        assertThat(output.resolve("2023/reconciliation.csv")).doesNotExist();
        long committedBeforeFailure = database.storedRows(output);
        assertThat(committedBeforeFailure).as("the chunks committed before the failure").isPositive().isLessThan(701);
        assertThat(database.count(output, "SELECT SUM(ROWS_READ) FROM SUBMISSION_FILE_READ"))
                .as("the rows read as counted with the committed chunks, no more").isEqualTo(committedBeforeFailure);
        assertThat(database.count(output, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'readAndValidateFiles:%'"
                + " AND STATUS = 'FAILED'")).as("the one partition that holds the failing row").isEqualTo(1);

        try (Connection c = database.connect(output)) {
            database.stopFailing(c);
        }
        JobRun.Result resumed = run(input, output, "--reconciliation.chunk-size=" + SMALL_CHUNK, "--reconciliation.workers=1");

        assertThat(resumed.exitStatus()).isEqualTo(1);
        assertThat(resumed.console()).contains("继续运行 1（");
        assertThat(database.storedRows(output)).isEqualTo(701);
        assertThat(database.count(output, "SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'readAndValidateSubmissions'"
                + " AND STATUS = 'COMPLETED'")).as("rows read again after the restart").isEqualTo(701 - committedBeforeFailure);
        assertThat(database.count(output, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
        assertSameBytes(JobRun.csvBytes(output.resolve("2023")), uninterrupted);
    }

    @Test
    void rerunOnUnchangedInputCountsNothingTwice() throws Exception {
        Path output = output("rerun");
        assertThat(run(input, output).exitStatus()).isEqualTo(1);
        Files.delete(output.resolve("2023/rejected-rows.csv"));

        JobRun.Result again = run(input, output);

        assertThat(again.exitStatus()).isEqualTo(1);
        assertThat(again.console()).contains("已核对过").contains("读取 701，接受 686，退回 15")
                .as("the completion time in the bureau's zone, with its offset")
                .containsPattern("运行 1 于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(UTC\\+08:00\\) 用同一输入完成");
        assertThat(database.storedRows(output)).isEqualTo(701);
        assertThat(database.count(output, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
        assertSameBytes(JobRun.csvBytes(output.resolve("2023")), uninterrupted);
    }

    @Test
    void changedInputIsANewRun() throws Exception {
        Path changedInput = JobRun.copyShippedInput(output("changed-input"));
        Path output = output("changed");
        assertThat(run(changedInput, output).exitStatus()).isEqualTo(1);
        Path pockets = changedInput.resolve("2023/150922.csv");
        Files.writeString(pockets, Files.readString(pockets).replace("POCKET_PARKS,2023,一,", "POCKET_PARKS,2023,1,"),
                StandardCharsets.UTF_8);

        JobRun.Result second = run(changedInput, output);

        assertThat(second.console()).contains("开始新的运行").contains("运行 2\n").contains("读取 701，接受 687，退回 14");
        assertThat(database.count(output, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(2);
        assertThat(database.count(output, "SELECT (SELECT SUM(ROW_COUNT) FROM ACCEPTED_ROWS WHERE RUN_ID = 1) + (SELECT COUNT(*) FROM SUBMISSION_ROW WHERE RUN_ID = 1)")).isEqualTo(701);
        assertThat(Files.readString(output.resolve("2023/reconciliation.csv"))).contains("POCKET_PARKS,建成口袋公园,个,7个,7,7,7个");
    }

    @Test
    void outputsAreDeterministic() throws Exception {
        Path output = output("second-database");
        assertThat(run(input, output).exitStatus()).isEqualTo(1);
        assertSameBytes(JobRun.csvBytes(output.resolve("2023")), uninterrupted);
    }

    private static void assertSameBytes(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        actual.forEach((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name)
                .isEqualTo(new String(expected.get(name), StandardCharsets.UTF_8)));
    }

}
