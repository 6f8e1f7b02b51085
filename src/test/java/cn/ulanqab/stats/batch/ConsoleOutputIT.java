package cn.ulanqab.stats.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's console as a scheduler's log receives it: a pipe, not a terminal, so plain text without escape codes. */
class ConsoleOutputIT {

    private static final String ESCAPE = "\u001B";

    @TempDir
    Path work;

    @Test
    void helpIsPlainTextAndExitsZero() throws Exception {
        JarProcess help = JarProcess.start("--help");
        assertThat(help.waitFor(Duration.ofMinutes(1))).isZero();
        assertThat(help.console()).contains("--period=2023").contains("退出状态：").doesNotContain(ESCAPE);
    }

    @Test
    void aNightWithSpringLoggingWritesNoEscapeCodesIntoAPipe() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        // INFO logging on the console makes Spring Boot write log lines, which it would colour on a terminal
        JarProcess night = JarProcess.start("--input=" + input, "--output=" + work.resolve("output"), "--logging.level.root=INFO",
                "--logging.threshold.console=INFO");
        assertThat(night.waitFor(Duration.ofMinutes(3))).as(night.console()).isEqualTo(1);
        assertThat(night.console()).contains("INFO").contains("退出状态 1").doesNotContain(ESCAPE);
    }
}
