package cn.ulanqab.stats.batch;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * readAndValidateSubmissions over RabbitMQ (127.0.0.1:5672) with real processes of the jar: a manager and workers
 * sharing a PostgreSQL job repository (a fresh schema per test), killed on purpose. Every completed run ends with the
 * CSVs of a standalone run, byte for byte. {@code mvn verify -Premote -Dpostgres.required=true}.
 */
@Tag("remote")
class RemotePartitioningIT {

    /** A worker's line for a partition it finished (in Chinese, the default language). */
    private static final String PARTITION_COMPLETED = "工作进程 .*：readAndValidateFiles:partition\\d+ COMPLETED，读取 \\d+ 行";

    static final Duration RUN = Duration.ofMinutes(3);

    @TempDir
    static Path work;
    static Path input;
    static Map<String, byte[]> standalone;

    private TestDatabase database;
    private final List<JarProcess> started = new ArrayList<>();

    @BeforeAll
    static void runStandalone() throws Exception {
        input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = work.resolve("standalone");
        JarProcess run = JarProcess.start("--input=" + input, "--output=" + output);
        assertThat(run.waitFor(RUN)).as(run.console()).isEqualTo(1);
        standalone = JobRun.csvBytes(output.resolve("2023"));
    }

    @BeforeEach
    void freshSchemaAndEmptyQueues() throws Exception {
        TestDatabase postgres = new TestDatabase.Postgres();
        postgres.assumeAvailable();
        database = postgres.fresh();
        // the requests of an earlier test name step executions of another schema (in production there is one repository)
        try (Connection c = rabbit(); Channel channel = c.createChannel()) {
            for (String queue : List.of(RemotePartitioning.REQUESTS, RemotePartitioning.DEAD_LETTERS)) {
                try (Channel probe = c.createChannel()) {
                    probe.queuePurge(queue);
                } catch (Exception absent) {
                    // declared by the first manager or worker
                }
            }
        }
    }

    @AfterEach
    void stopEveryProcess() throws InterruptedException {
        for (JarProcess p : started) {
            if (p.process.isAlive()) {
                p.kill();
            }
        }
    }

    private static Connection rabbit() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        return factory.newConnection();
    }

    private JarProcess start(String... options) throws Exception {
        List<String> args = new ArrayList<>(database.jobOptions());
        args.addAll(List.of(options));
        JarProcess p = JarProcess.start(args.toArray(String[]::new));
        started.add(p);
        return p;
    }

    private JarProcess worker(String... options) throws Exception {
        JarProcess w = start(Stream.concat(Stream.of("--reconciliation.role=worker", "--reconciliation.workers=1"), Stream.of(options))
                .toArray(String[]::new));
        w.awaitLine(l -> l.contains("接收分区请求"), RUN);
        return w;
    }

    private JarProcess manager(Path output, String... options) throws Exception {
        return start(Stream.concat(Stream.of("--reconciliation.role=manager", "--reconciliation.workers=2", "--input=" + input,
                "--output=" + output), Stream.of(options)).toArray(String[]::new));
    }

    private long partitionsOf(Path output, String condition) throws Exception {
        return database.count(output, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'readAndValidateFiles:%' AND " + condition);
    }

    @Test
    void aManagerAndTwoWorkersEndWithTheStandaloneOutputs() throws Exception {
        JarProcess first = worker("--reconciliation.testing.pause-after-chunk-ms=300", "--reconciliation.chunk-size=20");
        JarProcess second = worker("--reconciliation.testing.pause-after-chunk-ms=300", "--reconciliation.chunk-size=20");
        Path output = work.resolve("two-workers");

        JarProcess manager = manager(output);

        assertThat(manager.waitFor(RUN)).as(manager.console()).isEqualTo(1);
        assertThat(manager.console()).contains("读取 701，接受 686，退回 15");
        assertSameBytes(JobRun.csvBytes(output.resolve("2023")));
        assertThat(partitionsOf(output, "STATUS = 'COMPLETED'")).as("2 workers: 8 partitions").isEqualTo(8);
        assertThat(first.out).as("the first worker ran partitions").anyMatch(l -> l.matches(PARTITION_COMPLETED));
        assertThat(second.out).as("so did the second").anyMatch(l -> l.matches(PARTITION_COMPLETED));
    }

    @Test
    void aWorkerKilledInMidPartitionLeavesItsRequestToAnotherAndTheRunEndsTheSame() throws Exception {
        JarProcess doomed = worker("--reconciliation.testing.pause-after-chunk-ms=60000", "--reconciliation.chunk-size=20");
        Path output = work.resolve("worker-killed");
        JarProcess manager = manager(output);
        doomed.awaitLine(l -> l.matches(JarProcess.CHUNK_STORED), RUN);
        String partition = doomed.out.stream().filter(l -> l.matches(JarProcess.CHUNK_STORED)).findFirst().orElseThrow()
                .replaceAll(".* of (readAndValidateFiles:partition\\d+) stored", "$1");
        doomed.kill();
        long committed = database.storedRows(output);
        assertThat(committed).as("one chunk of 20 rows committed before the kill").isEqualTo(20);

        JarProcess survivor = worker("--reconciliation.chunk-size=20");

        assertThat(manager.waitFor(RUN)).as(manager.console()).isEqualTo(1);
        assertSameBytes(JobRun.csvBytes(output.resolve("2023")));
        assertThat(survivor.out).as("the killed worker's request delivered again, resumed after its committed chunk")
                .contains("工作进程 " + RemotePartitioning.host() + "：从最后一次提交处继续执行运行 1 的 " + partition);
        assertThat(partitionsOf(output, "STATUS = 'COMPLETED'")).isEqualTo(8);
        assertThat(database.count(output, "SELECT SUM(READ_COUNT) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'readAndValidateFiles:%'"))
                .as("every row read once over both workers: the 20 before the kill were not read again").isEqualTo(701);
    }

    @Test
    void aManagerKilledAndStartedAgainRunsOnlyThePartitionsThatDidNotComplete() throws Exception {
        JarProcess w = worker("--reconciliation.testing.pause-after-chunk-ms=1500", "--reconciliation.chunk-size=100");
        Path output = work.resolve("manager-killed");
        JarProcess doomed = manager(output);
        w.awaitLine(l -> l.matches(PARTITION_COMPLETED), RUN);
        doomed.kill();
        w.kill();
        long completedBefore = partitionsOf(output, "STATUS = 'COMPLETED'");
        assertThat(completedBefore).isBetween(1L, 7L);

        // the manager first: it recovers the dead run (no longer STARTED), so the requests the dead manager left are stale
        JarProcess again = manager(output);
        awaitPartitions(output, "JOB_EXECUTION_ID = 2");
        JarProcess next = worker("--reconciliation.chunk-size=100");

        assertThat(again.waitFor(RUN)).as(again.console()).isEqualTo(1);
        assertThat(again.console()).contains("继续运行 1（");
        assertSameBytes(JobRun.csvBytes(output.resolve("2023")));
        assertThat(database.count(output, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e"
                + " ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID WHERE s.STEP_NAME LIKE 'readAndValidateFiles:%'"
                + " AND e.JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)"))
                .as("the restart ran only the partitions that had not completed").isEqualTo(8 - completedBefore);
        assertThat(next.out).as("the dead manager's requests were dropped, not run again").anyMatch(l -> l.contains("丢弃了一个过时的请求"));
    }

    @Test
    void aWorkerOfAnotherVersionDeadLettersTheRequestsAndTheRunFailsNamingBothVersions() throws Exception {
        worker("--reconciliation.testing.version=0.0.9-other");
        Path output = work.resolve("other-version");

        JarProcess manager = manager(output);

        assertThat(manager.waitFor(RUN)).as(manager.console()).isEqualTo(2);
        String version = Files.readString(Path.of("target/maven-archiver/pom.properties")).lines()
                .filter(l -> l.startsWith("version=")).findFirst().orElseThrow().substring("version=".length());
        assertThat(manager.console()).contains("运行 reconciliation.jar 版本 0.0.9-other")
                .contains("来自版本 " + version).contains("处理方法：管理进程和每个工作进程运行同一个 reconciliation.jar");
        List<String> deadLetters = new ArrayList<>();
        try (Connection c = rabbit(); Channel channel = c.createChannel()) {
            for (GetResponse m = channel.basicGet(RemotePartitioning.DEAD_LETTERS, true); m != null;
                 m = channel.basicGet(RemotePartitioning.DEAD_LETTERS, true)) {
                deadLetters.add(m.getProps().getHeaders().get(RemotePartitioning.REJECTED_BY_VERSION) + " "
                        + new String(m.getBody(), StandardCharsets.UTF_8));
            }
        }
        assertThat(deadLetters).as("the requests, on the dead-letter queue").isNotEmpty()
                .allMatch(l -> l.startsWith("0.0.9-other {\"stepExecutionId\":"));
    }

    @Test
    void noWorkerWithinThePartitionTimeoutFailsTheRunWhichAWorkerThenCompletes() throws Exception {
        Path output = work.resolve("no-worker");

        JarProcess alone = manager(output, "--reconciliation.partition-timeout=5s");

        assertThat(alone.waitFor(RUN)).as(alone.console()).isEqualTo(2);
        assertThat(alone.console()).contains("在 --reconciliation.partition-timeout=PT5S 之内没有工作进程完成")
                .contains("处理方法：启动能连上 RabbitMQ 和本数据库的工作进程");
        worker();
        JarProcess again = manager(output);
        assertThat(again.waitFor(RUN)).as(again.console()).isEqualTo(1);
        assertSameBytes(JobRun.csvBytes(output.resolve("2023")));
    }

    @Test
    void aWorkerThatCannotReadAFileStopsTheRunNamingItsHostAndThePath() throws Exception {
        Path brokenInput = JobRun.copyShippedInput(work.resolve("input-losing-a-file"));
        Path output = work.resolve("unreadable");
        JarProcess manager = start("--reconciliation.role=manager", "--input=" + brokenInput, "--output=" + output);
        // the requests wait in the queue: the file goes once the catalogue has fingerprinted it
        awaitPartitions(output, "TRUE");
        Path lost = brokenInput.resolve("2023/150922.csv");
        Files.delete(lost);
        worker();

        assertThat(manager.waitFor(RUN)).as(manager.console()).isEqualTo(2);
        assertThat(manager.console()).contains("主机 " + RemotePartitioning.host() + " 上的工作进程")
                .contains(lost.toAbsolutePath().toString()).contains("处理方法：让每个工作进程都能在同一路径读取输入文件夹");
    }

    @Test
    void aBrokerThatDoesNotAnswerStopsTheStartNamingItAndTheFix() throws Exception {
        JarProcess manager = manager(work.resolve("no-broker"), "--spring.rabbitmq.port=1");

        assertThat(manager.waitFor(RUN)).as(manager.console()).isEqualTo(2);
        assertThat(manager.console()).contains("RabbitMQ localhost:1：没有应答").contains("修正方法：在该处启动 RabbitMQ");
    }

    /** Waits until the manager has made its partitions (and sent their requests). */
    private void awaitPartitions(Path output, String condition) throws InterruptedException {
        long deadline = System.nanoTime() + RUN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (partitionsOf(output, condition) > 0) {
                    Thread.sleep(500);
                    return;
                }
            } catch (Exception notYet) {
                // the manager has not made its tables yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the manager made no partitions within " + RUN);
    }

    private static void assertSameBytes(Map<String, byte[]> actual) {
        assertThat(actual.keySet()).isEqualTo(standalone.keySet());
        actual.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(standalone.get(name)));
    }
}
