package cn.ulanqab.stats.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two jars that share one PostgreSQL schema, each with an output folder of its own, as two hosts would: while one runs
 * the other is refused, naming the holder; after {@code kill -9} of the one that runs, the next start recovers its run
 * (the server released the lock with the dead process's connection) and ends with the CSVs of an uninterrupted run.
 */
class PostgresRunControlIT {

    static final Duration RUN = Duration.ofMinutes(3);

    @TempDir
    Path work;

    @Test
    void oneRunPerSchemaAndADeadHoldersRunIsRecovered() throws Exception {
        TestDatabase postgres = new TestDatabase.Postgres();
        postgres.assumeAvailable();
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        JarProcess reference = JarProcess.start("--input=" + input, "--output=" + work.resolve("on-h2"));
        assertThat(reference.waitFor(RUN)).as(reference.console()).isEqualTo(1);
        Map<String, byte[]> expected = JobRun.csvBytes(work.resolve("on-h2/2023"));

        JarProcess doomed = JarProcess.start(options(postgres, input, work.resolve("host-a"),
                "--reconciliation.testing.pause-after-chunk-ms=60000", "--reconciliation.chunk-size=200"));
        doomed.awaitLine(l -> l.matches(JarProcess.CHUNK_STORED), RUN);

        JarProcess refused = JarProcess.start(options(postgres, input, work.resolve("host-b")));
        assertThat(refused.waitFor(RUN)).as(refused.console()).isEqualTo(2);
        assertThat(refused.console()).contains("无法启动：另一次运行（主机 ").contains(" 上的进程 " + doomed.process.pid() + "，")
                .contains("统计期 2023").contains("处理方法：等它结束").doesNotContain("输入指纹");
        assertThat(postgres.count(null, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("the refused start made no execution").isEqualTo(1);

        doomed.kill();
        JarProcess next = JarProcess.start(options(postgres, input, work.resolve("host-b")));
        assertThat(next.waitFor(RUN)).as(next.console()).isEqualTo(1);
        assertThat(next.console()).contains("运行 1 停在 STARTED，其进程已不在（本进程持有 jdbc:postgresql:")
                .contains("继续运行 1（").contains("读取 701，接受 686，退回 15");
        assertThat(postgres.storedRows(null)).isEqualTo(701);
        JobRun.csvBytes(work.resolve("host-b/2023")).forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(expected.get(name)));
        assertThat(postgres.count(null, "SELECT COUNT(*) FROM RUN_HOLDER")).as("an ended run leaves no holder behind").isZero();
    }

    private static String[] options(TestDatabase database, Path input, Path output, String... more) {
        List<String> options = new ArrayList<>(database.jobOptions());
        options.add("--input=" + input);
        options.add("--output=" + output);
        options.addAll(List.of(more));
        return options.toArray(String[]::new);
    }
}
