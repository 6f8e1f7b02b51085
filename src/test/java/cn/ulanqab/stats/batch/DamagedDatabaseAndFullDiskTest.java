package cn.ulanqab.stats.batch;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A damaged, read-only or full database and a full disk, made for real: the database file with bytes flipped (cut
 * short: CrashRecoveryIT, on the jar), a tmpfs remounted read-only, a tmpfs too small for the night. The job stops with exit status 2 and one line
 * naming the file or folder and the fix; the stack trace goes to the log file the line names, never to the console.
 * The tests run as root to mount; they are skipped (saying why) only where mounting is not allowed.
 */
class DamagedDatabaseAndFullDiskTest {

    @TempDir
    Path work;

    @Test
    void aDatabaseWithFlippedBytesStopsTheRunWithOneLineNamingItAndTheFix() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = work.resolve("output");
        assertThat(JobRun.run(input, output).exitStatus()).isEqualTo(1);
        Path db = output.resolve("reconciliation-db.mv.db");
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            for (long at = 20_000; at < file.length(); at += 7_919) {
                file.seek(at);
                int b = file.read();
                file.seek(at);
                file.write(b ^ 0xFF);
            }
        }

        JobRun.Result night = JobRun.run(input, output);

        assertOneLine(night, output);
        assertThat(night.errors()).contains(db.toString()).contains("已损坏").contains("处理方法：从备份恢复");
    }

    @Test
    void aStoredRecordWithOneDigitChangedStopsTheRunNamingTheRunTheFileAndTheFix() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = work.resolve("output");
        assertThat(JobRun.run(input, output).exitStatus()).isEqualTo(1);
        Map<String, byte[]> lastNight = JobRun.csvBytes(output.resolve("2023"));
        // 150902.csv reports TECH_INCUBATORS as 1: its packed record holds the 1 as submitted and in the catalogue unit
        try (var c = JobRun.database(output)) {
            var rs = c.createStatement().executeQuery("SELECT FIRST_LINE, ROWS_DATA FROM ACCEPTED_ROWS WHERE FILE_NAME = '150902.csv'");
            assertThat(rs.next()).isTrue();
            long firstLine = rs.getLong(1);
            byte[] data = rs.getBytes(2);
            int at = indexOf(data, "TECH_INCUBATORS".getBytes(StandardCharsets.US_ASCII));
            for (int changed = 0; changed < 2; at++) {
                if (data[at] == '1') {
                    data[at] = '7';
                    changed++;
                }
            }
            var update = c.prepareStatement("UPDATE ACCEPTED_ROWS SET ROWS_DATA = ? WHERE FILE_NAME = '150902.csv' AND FIRST_LINE = ?");
            update.setBytes(1, data);
            update.setLong(2, firstLine);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        JobRun.Result night = JobRun.run(input, output);

        assertThat(night.exitStatus()).isEqualTo(2);
        assertThat(night.console() + night.errors()).doesNotContain("\tat ");
        assertThat(night.errors().strip().lines().toList()).as(night.errors()).hasSize(1);
        assertThat(night.errors()).contains("运行 1 中文件 150902.csv").contains("已损坏").contains("CRC32C")
                .contains("修正方法：从备份恢复数据库");
        assertThat(JobRun.csvBytes(output.resolve("2023"))).as("the outputs are last night's, not the changed value's")
                .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(lastNight.get(name)));
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int k = 0; k < part.length; k++) {
                if (data[i + k] != part[k]) {
                    continue outer;
                }
            }
            return i + part.length;
        }
        throw new AssertionError("not in the record");
    }

    @Test
    void aReadOnlyDatabaseStopsTheRunWithOneLineNamingIt() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path disk = Files.createDirectories(work.resolve("disk"));
        try (Tmpfs mounted = Tmpfs.mount(disk, "16m")) {
            String url = "--spring.datasource.url=jdbc:h2:file:" + disk.resolve("recon") + ";WRITE_DELAY=0";
            assertThat(JobRun.run(input, work.resolve("output"), url).exitStatus()).isEqualTo(1);
            mounted.remountReadOnly();
            // a new input, so that the run has to write
            Files.writeString(input.resolve("2023/150929-说明.txt"), "another note", StandardCharsets.UTF_8);

            JobRun.Result night = JobRun.run(input, work.resolve("output"), url);

            assertOneLine(night, work.resolve("output"));
            assertThat(night.errors()).contains(disk.resolve("recon.mv.db").toString()).contains("是只读的")
                    .contains("让运行作业的账户可以写该文件及其文件夹");
        }
    }

    @Test
    void aDiskThatFillsUpDuringIngestStopsTheRunWithOneLineNamingTheFolder() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        manyRejectedRows(input);
        Path output = Files.createDirectories(work.resolve("output"));
        try (Tmpfs ignored = Tmpfs.mount(output, "4m")) {
            JobRun.Result night = JobRun.run(input, output);

            assertThat(night.exitStatus()).isEqualTo(2);
            assertThat(night.console() + night.errors()).doesNotContain("\tat ").doesNotContain("Exception:");
            assertThat(night.errors().strip().lines().toList()).as(night.errors()).hasSize(1);
            assertThat(night.errors()).contains("磁盘已满").contains(output.toAbsolutePath().toString())
                    .contains("腾出空间后重新启动");
        }
    }

    @Test
    void aDiskThatFillsUpWhileWritingOutputsLeavesLastNightsSetWhole() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = Files.createDirectories(work.resolve("output"));
        String url = "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/recon") + ";WRITE_DELAY=0";
        try (Tmpfs ignored = Tmpfs.mount(output, "2m")) {
            assertThat(JobRun.run(input, output, url).exitStatus()).isEqualTo(1);
            Map<String, byte[]> lastNight = JobRun.csvBytes(output.resolve("2023"));
            byte[] lastReport = Files.readAllBytes(output.resolve("2023/report.html"));
            manyRejectedRows(input);

            JobRun.Result night = JobRun.run(input, output, url);

            assertThat(night.exitStatus()).isEqualTo(2);
            assertThat(night.console() + night.errors()).doesNotContain("\tat ");
            assertThat(night.errors().strip().lines().toList()).as(night.errors()).hasSize(1);
            assertThat(night.errors()).contains("磁盘已满").contains(output.toAbsolutePath().toString());
            assertThat(JobRun.csvBytes(output.resolve("2023"))).as("last night's set, whole and alone")
                    .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(lastNight.get(name)));
            assertThat(Files.readAllBytes(output.resolve("2023/report.html"))).isEqualTo(lastReport);
            assertThat(output.resolve(".2023.writing")).as("the half-written set is removed").doesNotExist();
        }
    }

    /** 20,000 copies of one row with a long remark: a file whose rejected rows fill several MB in the database and outputs. */
    static void manyRejectedRows(Path input) throws IOException {
        String remark = "备注".repeat(400);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            rows.append("150902,TECH_INCUBATORS,2023,1,家,").append(remark).append("\r\n");
        }
        Files.writeString(input.resolve("2023/150902.csv"), rows, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static void assertOneLine(JobRun.Result night, Path output) throws IOException {
        assertThat(night.exitStatus()).isEqualTo(2);
        assertThat(night.console() + night.errors()).as("no stack trace on the console").doesNotContain("\tat ");
        assertThat(night.errors().strip().lines().toList()).as(night.errors()).hasSize(1);
        Path log = output.resolve(FailureLog.FILE_NAME).toAbsolutePath().normalize();
        assertThat(night.errors()).contains("（详情见 " + log + "）");
        assertThat(Files.readString(log)).as("the stack trace is in the log file").contains("\tat org.h2.");
    }

    /** A small tmpfs mounted for one test (the tests run as root); the test is skipped, saying why, where it cannot be. */
    static final class Tmpfs implements AutoCloseable {
        private final Path mountPoint;

        private Tmpfs(Path mountPoint) {
            this.mountPoint = mountPoint;
        }

        static Tmpfs mount(Path mountPoint, String size) throws IOException, InterruptedException {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString())
                    .redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int status = p.waitFor();
            if (status != 0) {
                String why = "skipped: cannot mount a tmpfs on " + mountPoint + " (mount exit status " + status + ": " + said + ")";
                System.out.println(why);
                Assumptions.abort(why);
            }
            return new Tmpfs(mountPoint);
        }

        void remountReadOnly() throws IOException, InterruptedException {
            Process p = new ProcessBuilder("mount", "-o", "remount,ro", mountPoint.toString()).inheritIO().start();
            assertThat(p.waitFor()).as("remount read-only").isZero();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            Process p = new ProcessBuilder("umount", "-l", mountPoint.toString()).inheritIO().start();
            p.waitFor();
        }
    }
}
