package cn.ulanqab.stats.batch;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job run on a file system set up as an attacker or a careless operator would: symbolic links (to /etc/passwd, to
 * folders, in loops), named pipes, links at the job's own paths, an output folder inside the input. Every case is
 * built for real on disk; a named pipe that the job opened would block it forever, hence the timeouts.
 */
class FileSystemTrapsJobTest {

    @TempDir
    Path work;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void linksPipesAndFoldersInTheSubmissionFolderAreUnreadableAndNeverOpened() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path submissions = input.resolve("2023");
        replaceWithLink(submissions.resolve("150921.csv"), Path.of("/etc/passwd"));
        replaceWithLink(submissions.resolve("150922.csv"), Path.of("/etc"));
        Files.delete(submissions.resolve("150923.csv"));
        Files.createSymbolicLink(submissions.resolve("150923.csv"), submissions.resolve("loop.csv"));
        Files.createSymbolicLink(submissions.resolve("loop.csv"), submissions.resolve("150923.csv"));
        Path pipe = submissions.resolve("150926.csv");
        Files.delete(pipe);
        mkfifo(pipe);
        try {
            JobRun.Result night = JobRun.run(input, work.resolve("output"));

            assertThat(night.exitStatus()).as(night.errors()).isEqualTo(1);
            Path out = work.resolve("output/2023");
            Map<String, CSVRecord> ledger = JobRun.readCsv(out.resolve("file-ledger.csv")).stream().skip(1)
                    .collect(Collectors.toMap(r -> r.get(0), r -> r, (a, b) -> a));
            assertThat(ledger.get("150921.csv").get(3)).isEqualTo("UNREADABLE");
            assertThat(ledger.get("150921.csv").get(9)).contains("不是普通文件而是符号链接，未打开");
            assertThat(ledger.get("150921.csv").get(8)).as("never opened, so never hashed").isEmpty();
            assertThat(ledger.get("150922.csv").get(9)).contains("不是普通文件而是符号链接，未打开");
            assertThat(ledger.get("150923.csv").get(9)).contains("不是普通文件而是符号链接，未打开");
            assertThat(ledger.get("150926.csv").get(3)).isEqualTo("UNREADABLE");
            assertThat(ledger.get("150926.csv").get(9)).contains("不是普通文件而是命名管道，未打开");
            assertThat(ledger.get("loop.csv").get(3)).isEqualTo("UNRECOGNIZED");
            for (String name : List.of("file-ledger.csv", "rejected-rows.csv", "report.html", "county-breakdown.csv")) {
                assertThat(Files.readString(out.resolve(name), StandardCharsets.UTF_8)).as(name).doesNotContain("root:x:0:0");
            }
            CSVRecord incubators = JobRun.readCsv(out.resolve("reconciliation.csv")).stream()
                    .filter(r -> r.get(0).equals("TECH_INCUBATORS")).findFirst().orElseThrow();
            assertThat(incubators.get(11)).as("the units whose file was not read are missing")
                    .contains("150921").contains("150922").contains("150923").contains("150926");
        } finally {
            releaseReaders(pipe);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aReferencePublishedOrReviewersFileThatIsNotARegularFileStopsTheRunNamingIt() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path counties = input.resolve("reference/counties.csv");
        Path copy = Files.move(counties, work.resolve("counties-elsewhere.csv"));
        Files.createSymbolicLink(counties, copy);
        JobRun.Result linked = JobRun.run(input, work.resolve("output"));
        assertThat(linked.exitStatus()).isEqualTo(2);
        assertThat(linked.errors()).contains(counties.toString()).contains("不是普通文件，而是符号链接").contains("修正方法：");
        Files.delete(counties);
        Files.move(copy, counties);

        Path published = input.resolve("published/2023.csv");
        Files.delete(published);
        mkfifo(published);
        try {
            JobRun.Result piped = JobRun.run(input, work.resolve("output"));
            assertThat(piped.exitStatus()).isEqualTo(2);
            assertThat(piped.errors()).contains(published.toString()).contains("不是普通文件，而是命名管道");
        } finally {
            releaseReaders(published);
        }
        Files.delete(published);
        Files.copy(Path.of("input/published/2023.csv"), published);

        Path reviews = input.resolve("reviews/2023.csv");
        Files.createDirectories(reviews);
        JobRun.Result folder = JobRun.run(input, work.resolve("output"));
        assertThat(folder.exitStatus()).isEqualTo(2);
        assertThat(folder.errors()).contains(reviews.toString()).contains("不是普通文件，而是文件夹");
    }

    @Test
    void theInputTheOutputAndThePeriodFolderMayBeLinks() throws Exception {
        Path realInput = JobRun.copyShippedInput(work.resolve("real-input"));
        Path elsewhere = Files.move(realInput.resolve("2023"), work.resolve("submissions-2023"));
        Files.createSymbolicLink(realInput.resolve("2023"), elsewhere);
        Path input = Files.createSymbolicLink(work.resolve("input"), realInput);
        Path output = Files.createSymbolicLink(work.resolve("output"), Files.createDirectories(work.resolve("real-output")));

        JobRun.Result night = JobRun.run(input, output);

        assertThat(night.exitStatus()).as(night.errors()).isEqualTo(1);
        assertThat(night.console()).contains("读取 701，接受 686，退回 15");
        assertThat(work.resolve("real-output/2023/reconciliation.csv")).isRegularFile();
    }

    @Test
    void aLinkAtTheLockFileStopsTheRunAndItsTargetIsNotTouched() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = Files.createDirectories(work.resolve("output"));
        Path victim = Files.writeString(work.resolve("precious.txt"), "do not truncate me");
        Path lock = output.resolve(RunLock.FILE_NAME);
        Files.createSymbolicLink(lock, victim);

        JobRun.Result night = JobRun.run(input, output);

        assertThat(night.exitStatus()).isEqualTo(2);
        assertThat(night.errors()).contains(lock.toString()).contains("符号链接").contains("修正方法：删除它");
        assertThat(Files.readString(victim)).isEqualTo("do not truncate me");
        assertThat(output.resolve("reconciliation-db.mv.db")).as("nothing was started").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {".2023.writing", ".2023.previous", "2023", "reconciliation-db.mv.db"})
    void aLinkAtTheJobsOwnOutputPathsStopsTheRunAndNothingOutsideTheOutputIsDeleted(String ownPath) throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = Files.createDirectories(work.resolve("output"));
        Path victim = Files.createDirectories(work.resolve("victim"));
        Files.writeString(victim.resolve("thesis.txt"), "years of work");
        Path link = output.resolve(ownPath);
        Files.createSymbolicLink(link, ownPath.endsWith(".db") ? victim.resolve("thesis.txt") : victim);

        JobRun.Result night = JobRun.run(input, output);

        assertThat(night.exitStatus()).isEqualTo(2);
        assertThat(night.errors()).contains(link.toString()).contains("符号链接").contains("修正方法：删除它");
        try (var files = Files.list(victim)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("thesis.txt");
        }
        assertThat(Files.readString(victim.resolve("thesis.txt"))).isEqualTo("years of work");
    }

    @Test
    void anOutputFolderInsideTheInputFolderIsRefusedNamingBoth() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path intoInput = Files.createSymbolicLink(work.resolve("sneaky"), input.resolve("published"));

        for (Path output : List.of(input, input.resolve("2023"), input.resolve("out/nightly"), intoInput.resolve("out"))) {
            JobRun.Result night = JobRun.run(input, output);
            assertThat(night.exitStatus()).as(output.toString()).isEqualTo(2);
            assertThat(night.errors()).as(output.toString()).contains("--output=" + output).contains("--input=" + input)
                    .contains("修正方法：另选").contains("以外的 --output 文件夹");
        }
        try (var files = Files.walk(input)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("reconciliation") || n.equals("out"));
        }
    }

    @Test
    void aSetLeftHalfwayThroughItsSwapIsRenamedBackBeforeAnythingElse() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = work.resolve("output");
        assertThat(JobRun.run(input, output).exitStatus()).isEqualTo(1);
        Map<String, byte[]> lastNight = JobRun.csvBytes(output.resolve("2023"));
        // a run killed between the two renames of the swap: <period> gone, the last set beside it, a new set in writing
        Files.move(output.resolve("2023"), output.resolve(".2023.previous"));
        Files.createDirectories(output.resolve(".2023.writing"));
        Files.writeString(output.resolve(".2023.writing/reconciliation.csv"), "half");
        // and tonight's start stops at once on a broken reference file
        Files.writeString(input.resolve("reference/indicators.csv"), "not,the,catalog\n");

        JobRun.Result night = JobRun.run(input, output);

        assertThat(night.exitStatus()).isEqualTo(2);
        assertThat(night.console()).contains("已从 .2023.previous 恢复 " + output.resolve("2023"));
        assertThat(output.resolve(".2023.previous")).doesNotExist();
        assertThat(JobRun.csvBytes(output.resolve("2023"))).as("last night's set, whole")
                .allSatisfy((name, bytes) -> assertThat(bytes).isEqualTo(lastNight.get(name)));
    }

    static void replaceWithLink(Path file, Path target) throws IOException {
        Files.deleteIfExists(file);
        Files.createSymbolicLink(file, target);
    }

    static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor()).as("mkfifo " + path).isZero();
    }

    /** Opens the pipe for writing and closes it, so that a reader stuck on it (a failing job) gets an end of file. */
    static void releaseReaders(Path pipe) throws IOException, InterruptedException {
        if (Files.exists(pipe)) {
            new ProcessBuilder("timeout", "2", "sh", "-c", "exec 3>\"$0\"", pipe.toString()).inheritIO().start().waitFor();
        }
    }
}
