package cn.ulanqab.stats.generator;

import cn.ulanqab.stats.ReconciliationApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(ReconciliationApplication.run("--generate=" + folder, "--counties=12", "--indicators=8")).isZero();
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
}
