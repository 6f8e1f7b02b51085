package cn.ulanqab.stats.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A database the job cannot use stops it with exit status 2 and a message naming the database and the fix. */
class DatabaseErrorsTest {

    @TempDir
    Path work;

    @Test
    void refusesASchemaThatHoldsAnotherApplicationsTables() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = Files.createDirectories(work.resolve("output"));
        try (Connection c = JobRun.database(output)) {
            c.createStatement().execute("CREATE TABLE CUSTOMERS (ID INT)");
        }

        Run run = run(input, output);

        assertThat(run.status).isEqualTo(2);
        assertThat(run.errors).contains("该 schema 中有不是本作业建立的表（CUSTOMERS）")
                .contains("修正方法：用 --reconciliation.db-schema=<名称> 给作业一个专用的 schema");
        assertThat(JobRun.count(output, "SELECT COUNT(*) FROM CUSTOMERS")).as("the other table is left as it was").isZero();
    }

    @Test
    void keepsItsTablesApartInTheSchemaItIsGiven() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = Files.createDirectories(work.resolve("output"));
        try (Connection c = JobRun.database(output)) {
            c.createStatement().execute("CREATE TABLE CUSTOMERS (ID INT)");
        }

        Run run = run(input, output, "--reconciliation.db-schema=nightly");

        assertThat(run.status).as(run.errors).isEqualTo(1);
        try (Connection c = JobRun.database(output)) {
            c.setSchema("nightly");
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsNamedWithTheFix() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        long started = System.nanoTime();

        Run run = run(input, work.resolve("output"), "--spring.profiles.active=postgres",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/test");

        assertThat(run.status).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(run.errors).contains("无法启动：jdbc:postgresql://127.0.0.1:1/test schema=reconciliation：无法使用：")
                .contains("修正方法：启动 PostgreSQL 服务器，或更正 --spring.datasource.url/username/password");
    }

    private record Run(int status, String errors) {
    }

    private static Run run(Path input, Path output, String... options) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int status = JobRun.run(input, output, options).exitStatus();
            return new Run(status, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }
}
