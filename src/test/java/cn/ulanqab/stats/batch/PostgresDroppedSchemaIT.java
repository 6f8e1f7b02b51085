package cn.ulanqab.stats.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job's schema dropped on the PostgreSQL server while a run reads (a database administrator's mistake, a restore
 * gone wrong): the run stops with exit status 2 and one line naming the database and the fix, never a stack trace;
 * the next start builds the schema afresh and completes.
 */
class PostgresDroppedSchemaIT {

    static final Duration RUN = Duration.ofMinutes(3);

    @TempDir
    Path work;

    @Test
    void aSchemaDroppedDuringTheRunStopsItWithOneLineAndTheNextStartBuildsItAgain() throws Exception {
        TestDatabase.Postgres postgres = new TestDatabase.Postgres();
        postgres.assumeAvailable();
        Path input = JobRun.copyShippedInput(work.resolve("input"));

        JarProcess night = JarProcess.start(options(postgres, input, "--reconciliation.testing.pause-after-chunk-ms=3000",
                "--reconciliation.chunk-size=200"));
        night.awaitLine(l -> l.startsWith("testing: chunk 1 of "), RUN);
        try (Connection c = DriverManager.getConnection(TestDatabase.POSTGRES_URL, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA \"" + postgres.schema() + "\" CASCADE");
        }

        assertThat(night.waitFor(RUN)).as(night.console()).isEqualTo(2);
        assertThat(night.console()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(night.console()).contains("作业的表已从数据库 jdbc:postgresql://127.0.0.1:5432/test")
                .contains("处理方法：从备份恢复数据库").contains("（详情见 ");

        JarProcess next = JarProcess.start(options(postgres, input));
        assertThat(next.waitFor(RUN)).as(next.console()).isEqualTo(1);
        assertThat(next.console()).contains("开始新的运行").contains("读取 701，接受 686，退回 15");
    }

    private static String[] options(TestDatabase database, Path input, String... more) {
        List<String> options = new ArrayList<>(database.jobOptions());
        options.add("--input=" + input);
        options.add("--output=" + input.resolveSibling("output"));
        options.addAll(List.of(more));
        return options.toArray(String[]::new);
    }
}
