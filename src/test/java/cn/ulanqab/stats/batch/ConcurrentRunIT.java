package cn.ulanqab.stats.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second start on the same output folder and database while a run goes on stops at once with exit status 2,
 * names the process that holds it and touches nothing; the first run ends as if it had been alone.
 */
class ConcurrentRunIT {

    @TempDir
    Path work;

    @Test
    void aSecondStartWhileOneRunsStopsAtOnceAndDamagesNothing() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path alone = work.resolve("alone");
        JarProcess reference = JarProcess.start("--input=" + input, "--output=" + alone);
        assertThat(reference.waitFor(Duration.ofMinutes(3))).as(reference.console()).isEqualTo(1);
        Map<String, byte[]> expected = JobRun.csvBytes(alone.resolve("2023"));

        Path output = work.resolve("shared");
        JarProcess first = JarProcess.start("--input=" + input, "--output=" + output,
                "--reconciliation.testing.pause-after-chunk-ms=1500", "--reconciliation.chunk-size=200");
        first.awaitLine(l -> l.matches(JarProcess.CHUNK_STORED), Duration.ofMinutes(2));

        long started = System.nanoTime();
        JarProcess second = JarProcess.start("--input=" + input, "--output=" + output);
        int secondStatus = second.waitFor(Duration.ofMinutes(1));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(secondStatus).isEqualTo(2);
        assertThat(first.process.isAlive()).as("the second start ended while the first still ran").isTrue();
        assertThat(took).as("stops at once, before Spring starts").isLessThan(Duration.ofSeconds(20));
        assertThat(second.console()).contains("无法启动：另一次运行（进程 " + first.process.pid() + "）持有")
                .contains("reconciliation.lock").contains("处理方法：等它结束")
                .doesNotContain("输入指纹");
        String lastRun = Files.readString(output.resolve(LastRun.FILE));
        assertThat(lastRun).as("the refused start leaves the running night's state alone").contains("\"state\" : \"STARTED\"")
                .contains("\"pid\" : " + first.process.pid());

        assertThat(first.waitFor(Duration.ofMinutes(3))).as(first.console()).isEqualTo(1);
        assertThat(first.console()).contains("开始新的运行").contains("读取 701，接受 686，退回 15");
        assertThat(JobRun.count(output, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("the second start made no execution").isEqualTo(1);
        Map<String, byte[]> actual = JobRun.csvBytes(output.resolve("2023"));
        actual.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(expected.get(name)));

        JarProcess after = JarProcess.start("--input=" + input, "--output=" + output);
        assertThat(after.waitFor(Duration.ofMinutes(3))).as("the lock is free once the run ended: " + after.console()).isEqualTo(1);
        assertThat(after.console()).contains("已核对过");
        assertThat(Files.readString(output.resolve(RunLock.FILE_NAME))).as("an ended run leaves no pid behind").isEmpty();
    }
}
