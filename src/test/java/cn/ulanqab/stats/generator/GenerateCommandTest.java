package cn.ulanqab.stats.generator;

import cn.ulanqab.stats.ReconciliationApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --generate} through the application's entry point: generates and exits 0 without the job, or 2. */
class GenerateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void generatesAndExitsZeroWithoutStartingTheJob() {
        Path folder = tmp.resolve("gen");
        String console = captured(false, () -> assertThat(ReconciliationApplication.run("--generate=" + folder, "--counties=12",
                "--indicators=8")).isZero());
        assertThat(console).startsWith("已生成 " + folder + "：1 个国家，").contains("12 个县级单位；8 个指标（其中 1 个 RATIO 指标）",
                "  12 个文件共 ", " 行报送数据，", "（expected-mismatches.csv）", " MB，用时 ");
        assertThat(folder.resolve("reference/counties.csv")).exists();
        assertThat(folder.resolve("reference/indicators.csv")).exists();
        assertThat(folder.resolve("published/2023.csv")).exists();
        assertThat(folder.resolve("2023/110101.csv")).exists();
        assertThat(folder.resolve(SyntheticInput.EXPECTED_MISMATCHES_FILE)).exists();
        assertThat(folder.resolve(SyntheticInput.MANIFEST_FILE)).exists();
        assertThat(folder.resolve("reconciliation-db.mv.db")).doesNotExist();
    }

    @Test
    void badValuesExitTwo() throws Exception {
        assertThat(ReconciliationApplication.run("--generate=" + tmp.resolve("a"), "--counties=0")).isEqualTo(2);
        assertThat(ReconciliationApplication.run("--generate=" + tmp.resolve("b"), "--counties=many")).isEqualTo(2);
        assertThat(ReconciliationApplication.run("--generate=" + tmp.resolve("c"), "--indicators=-3")).isEqualTo(2);
        assertThat(ReconciliationApplication.run("--generate=" + tmp.resolve("d"), "--counties=40000")).isEqualTo(2);
        assertThat(ReconciliationApplication.run("--generate=")).isEqualTo(2);
        assertThat(ReconciliationApplication.run("--counties=10")).as("--counties without --generate").isEqualTo(2);
        assertThat(ReconciliationApplication.run("--generate=" + tmp.resolve("e"), "--input=input")).isEqualTo(2);
        Files.writeString(tmp.resolve("full.txt"), "x");
        assertThat(ReconciliationApplication.run("--generate=" + tmp, "--counties=3", "--indicators=3")).as("folder not empty").isEqualTo(2);
        assertThat(tmp.resolve("a")).doesNotExist();
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedInTheRunsLanguage() throws Exception {
        Files.writeString(tmp.resolve("full.txt"), "x");
        String chinese = captured(true, () -> assertThat(ReconciliationApplication.run("--generate=" + tmp)).isEqualTo(2));
        assertThat(chinese).isEqualTo("无法生成：--generate=" + tmp + " 不是空文件夹。修正方法：请指定一个新的或空的文件夹（生成的文件不与其他文件混放）"
                + System.lineSeparator());
        String english = captured(true, () -> assertThat(ReconciliationApplication.run("--generate=" + tmp,
                "--reconciliation.language=en")).isEqualTo(2));
        assertThat(english).isEqualTo("cannot generate: --generate=" + tmp + " is not empty. Fix: name a new or empty folder"
                + " (the generator never mixes its files with others)" + System.lineSeparator());
    }

    @Test
    void saysWhatItGeneratedInEnglishWhenTheRunAsksForIt() {
        Path folder = tmp.resolve("gen");
        String console = captured(false, () -> assertThat(ReconciliationApplication.run("--generate=" + folder, "--counties=12",
                "--indicators=8", "--reconciliation.language=en")).isZero());
        assertThat(console).startsWith("generated " + folder + ": 1 country, ").contains("12 counties; 8 indicators (1 RATIO)",
                "  84 submission rows in 12 files, ", " planted mismatches (expected-mismatches.csv)", " MB in ");
    }

    /** What a run prints on the console ({@code err}: its error stream). */
    private static String captured(boolean err, Runnable run) {
        PrintStream original = err ? System.err : System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        if (err) {
            System.setErr(capture);
        } else {
            System.setOut(capture);
        }
        try {
            run.run();
        } finally {
            if (err) {
                System.setErr(original);
            } else {
                System.setOut(original);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
