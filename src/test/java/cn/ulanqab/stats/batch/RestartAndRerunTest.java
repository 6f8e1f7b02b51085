package cn.ulanqab.stats.batch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that fails in the middle resumes from its last committed chunk and ends with the same CSVs as an
 * uninterrupted run; a run on unchanged input counts nothing twice; changed input is a new run.
 */
class RestartAndRerunTest {

    @TempDir
    static Path work;
    static Path input;
    static Map<String, byte[]> uninterrupted;
    static final int SMALL_CHUNK = 200;

    @BeforeAll
    static void runOnceWithoutInterruption() throws IOException {
        input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = work.resolve("uninterrupted");
        assertThat(JobRun.run(input, output).exitStatus()).isEqualTo(1);
        uninterrupted = JobRun.csvBytes(output.resolve("2023"));
    }

    @Test
    void resumesAFailedRunAndEndsWithTheSameOutputs() throws Exception {
        Path output = work.resolve("interrupted");
        Files.createDirectories(output);
        try (Connection c = JobRun.database(output)) {
            c.createStatement().execute("RUNSCRIPT FROM 'classpath:/schema.sql'");
            FailOnceAtRowTrigger.install(c);
        }

        // chunks of 200 rows, so that the sample's 666 rows make several chunks
        JobRun.Result failed = JobRun.run(input, output, "--reconciliation.chunk-size=" + SMALL_CHUNK);
        assertThat(failed.exitStatus()).isEqualTo(2);
        assertThat(output.resolve("2023/reconciliation.csv")).doesNotExist();
        long committedBeforeFailure = JobRun.storedRows(output);
        assertThat(committedBeforeFailure).as("whole chunks committed before the failure")
                .isPositive().isLessThan(666).isEqualTo(committedBeforeFailure / SMALL_CHUNK * SMALL_CHUNK);

        try (Connection c = JobRun.database(output)) {
            FailOnceAtRowTrigger.remove(c);
        }
        JobRun.Result resumed = JobRun.run(input, output, "--reconciliation.chunk-size=" + SMALL_CHUNK);

        assertThat(resumed.exitStatus()).isEqualTo(1);
        assertThat(resumed.console()).contains("resuming run 1");
        assertThat(JobRun.storedRows(output)).isEqualTo(666);
        assertThat(JobRun.count(output, "SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'readAndValidateSubmissions'"
                + " AND STATUS = 'COMPLETED'")).as("rows read again after the restart").isEqualTo(666 - committedBeforeFailure);
        assertThat(JobRun.count(output, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
        assertSameBytes(JobRun.csvBytes(output.resolve("2023")), uninterrupted);
    }

    @Test
    void rerunOnUnchangedInputCountsNothingTwice() throws Exception {
        Path output = work.resolve("rerun");
        assertThat(JobRun.run(input, output).exitStatus()).isEqualTo(1);
        Files.delete(output.resolve("2023/rejected-rows.csv"));

        JobRun.Result again = JobRun.run(input, output);

        assertThat(again.exitStatus()).isEqualTo(1);
        assertThat(again.console()).contains("already reconciled").contains("666 read, 651 accepted, 15 rejected")
                .as("the completion time with its offset").containsPattern("completed \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?(Z|[+-]\\d\\d:\\d\\d) on");
        assertThat(JobRun.storedRows(output)).isEqualTo(666);
        assertThat(JobRun.count(output, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
        assertSameBytes(JobRun.csvBytes(output.resolve("2023")), uninterrupted);
    }

    @Test
    void changedInputIsANewRun() throws Exception {
        Path changedInput = JobRun.copyShippedInput(work.resolve("changed-input"));
        Path output = work.resolve("changed");
        assertThat(JobRun.run(changedInput, output).exitStatus()).isEqualTo(1);
        Path pockets = changedInput.resolve("2023/150922.csv");
        Files.writeString(pockets, Files.readString(pockets).replace("POCKET_PARKS,2023,一,", "POCKET_PARKS,2023,1,"),
                StandardCharsets.UTF_8);

        JobRun.Result second = JobRun.run(changedInput, output);

        assertThat(second.console()).contains("starting a new run").contains("run 2").contains("666 read, 652 accepted, 14 rejected");
        assertThat(JobRun.count(output, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(2);
        assertThat(JobRun.storedRows(output, "RUN_ID = 1")).isEqualTo(666);
        assertThat(Files.readString(output.resolve("2023/reconciliation.csv"))).contains("POCKET_PARKS,建成口袋公园,个,7个,7,7,7个");
    }

    @Test
    void outputsAreDeterministic() throws Exception {
        Path output = work.resolve("second-database");
        assertThat(JobRun.run(input, output).exitStatus()).isEqualTo(1);
        assertSameBytes(JobRun.csvBytes(output.resolve("2023")), uninterrupted);
    }

    private static void assertSameBytes(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        actual.forEach((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name)
                .isEqualTo(new String(expected.get(name), StandardCharsets.UTF_8)));
    }

}
