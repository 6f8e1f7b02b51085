package cn.ulanqab.stats.batch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An H2 database written by release 0.1.0 (src/test/resources/release-0.1.0: runs 1 and 3 COMPLETED, run 2 FAILED, its
 * tables in the schema PUBLIC) is taken over by today's job on its first start: the history stays readable, the
 * FAILED run resumes and completes, and a completed run is recognised as already reconciled.
 */
class DatabaseUpgradeTest {

    static final Path RELEASE = Path.of("src/test/resources/release-0.1.0");

    @TempDir
    static Path work;
    static Path input;
    static Path output;
    static JobRun.Result resumed;

    @BeforeAll
    static void startTodaysJobOnTheOldDatabase() throws IOException {
        input = work.resolve("input");
        try (Stream<Path> files = Files.walk(RELEASE.resolve("input"))) {
            for (Path p : files.toList()) {
                Path target = input.resolve(RELEASE.resolve("input").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        output = Files.createDirectories(work.resolve("output"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(RELEASE.resolve("reconciliation-db.mv.db.gz")))) {
            Files.copy(in, output.resolve("reconciliation-db.mv.db"));
        }
        resumed = JobRun.run(input, output, "--reconciliation.claims.nearly-band=0.11");
    }

    @Test
    void resumesTheRunTheOldReleaseLeftFailed() throws SQLException {
        assertThat(resumed.exitStatus()).as(resumed.console()).isEqualTo(1);
        assertThat(resumed.console()).contains("继续运行 2（上次结束于 FAILED）")
                .contains("读取 666，接受 651，退回 15");
        assertThat(output.resolve("2023/reconciliation.csv")).exists();
        assertThat(JobRun.count(output, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = 2 AND STATUS = 'COMPLETED'"))
                .isEqualTo(1);
        assertThat(JobRun.count(output, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e"
                + " ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID WHERE e.JOB_INSTANCE_ID = 2 AND s.STEP_NAME = 'readAndValidateSubmissions'"))
                .as("nothing read again: the restart took the old release's completed ingest as done").isEqualTo(1);
        assertThat(JobRun.count(output, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e"
                + " ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID WHERE e.JOB_INSTANCE_ID = 2 AND s.STEP_NAME = 'writeOutputs'"
                + " AND s.STATUS = 'COMPLETED'")).isEqualTo(1);
    }

    @Test
    void keepsTheOldHistoryReadableInTheJobsOwnSchema() throws SQLException {
        assertThat(JobRun.count(output, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID <= 3")).isEqualTo(3);
        assertThat(JobRun.count(output, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID <= 3")).as("the old three and the restart").isEqualTo(4);
        assertThat(JobRun.count(output, "SELECT COUNT(*) FROM RECONCILIATION WHERE RUN_ID = 1")).isEqualTo(67);
        assertThat(JobRun.storedRows(output, "RUN_ID = 3")).isEqualTo(666);
        try (Connection c = JobRun.database(output)) {
            assertThat(tables(c, "PUBLIC")).as("nothing left behind in PUBLIC").isEmpty();
            assertThat(tables(c, "reconciliation")).contains("BATCH_JOB_INSTANCE", "ACCEPTED_ROWS", "flyway_schema_history");
        }
    }

    @Test
    void recognisesARunTheOldReleaseCompleted() {
        JobRun.Result again = JobRun.run(input, output);
        assertThat(again.exitStatus()).isEqualTo(1);
        assertThat(again.console()).contains("已核对过：运行 1 于").contains("读取 666，接受 651，退回 15");
    }

    @Test
    void startsNewRunsWithIdsAfterTheOldOnes() {
        JobRun.Result fresh = JobRun.run(input, output, "--reconciliation.claims.nearly-band=0.13");
        assertThat(fresh.console()).contains("开始新的运行").contains("运行 4\n");
    }

    private static List<String> tables(Connection c, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
