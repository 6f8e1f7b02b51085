package cn.ulanqab.stats.wording;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.submission.FileKind;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem an operator reads: held as keys and texts, worded in the run's language with its place, line and fix. */
class WordedExceptionTest {

    @Test
    void wordsAProblemOnALineInChineseAndInEnglish() {
        ConfigurationException e = ConfigurationException.at("input/reference/counties.csv", 4,
                Detail.of("config.own.file.not.regular", FileKind.SYMBOLIC_LINK.words()), Detail.of("fix.remove.and.start", "x"));

        assertThat(e.worded(Locale.CHINESE)).isEqualTo("input/reference/counties.csv，第 4 行：这是作业自己的文件，但它是符号链接"
                + "（作业不会跟随其自有路径上的链接，也不会在 --output 之外写入或删除）。修正方法：删除它（rm x）后重新启动");
        assertThat(e.getMessage()).as("the log's wording is English").isEqualTo("input/reference/counties.csv, line 4: this is the"
                + " job's own file, but it is a symbolic link (the job never follows a link at its own paths, nor writes or deletes"
                + " outside --output). Fix: remove it (rm x) and start again");
    }

    @Test
    void anOptionHasNoLineAndTheCommandLineItselfNoPlace() {
        assertThat(ConfigurationException.of("--reconciliation.zone=Mars", Detail.of("config.not.a.zone"), Detail.of("fix.zone"))
                .worded(Locale.CHINESE)).isEqualTo("--reconciliation.zone=Mars：不是时区。修正方法：填写时区，如 Asia/Shanghai 或 +08:00");
        assertThat(ConfigurationException.of("", Detail.of("config.unknown.option", "bogus"), Detail.NONE).worded(Locale.ENGLISH))
                .isEqualTo("unknown option --bogus");
    }

    @Test
    void findsTheWordedCauseInAChain() {
        RuntimeException wrapped = new IllegalStateException("step failed",
                new RuntimeException(ConfigurationException.of("", Detail.of("config.needs.value"), Detail.NONE)));

        assertThat(WordedException.in(wrapped)).get().extracting(w -> w.worded(Locale.CHINESE)).isEqualTo("此选项需要一个值");
        assertThat(WordedException.in(new IllegalStateException("plain"))).isEmpty();
    }

    @Test
    void aStoredSentenceComesBackWithItsWordedArguments() {
        Detail stored = Detail.fromStored(Detail.of("config.input.not.regular", FileKind.NAMED_PIPE.words()).stored());

        assertThat(Bundles.text(Locale.CHINESE, stored)).isEqualTo("不是普通文件，而是命名管道，作业没有打开它");
        assertThat(Bundles.text(Locale.ENGLISH, stored)).isEqualTo("not a regular file but a named pipe, so the job did not open it");
    }
}
