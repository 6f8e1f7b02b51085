package cn.ulanqab.stats.batch;

import java.nio.file.StandardCopyOption;
import java.util.Random;
import cn.ulanqab.stats.ReconciliationApplication;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole nights with hostile input: broken files from the corpus in place of some counties' submissions (they are
 * UNREADABLE, their counties unreported, the rest of the night goes on), formula and script text in the cells
 * (never live in a spreadsheet or the page), and stored rows that no longer add up (the job stops, naming the file).
 */
class HostileSubmissionsJobTest {

    static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    @TempDir
    Path work;

    @Test
    void brokenFilesAreUnreadableTheirCountiesUnreportedAndTheNightGoesOn() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        corpus("utf16-bom.csv", input.resolve("2023/150921.csv"));
        corpus("tab.csv", input.resolve("2023/150922.csv"));
        Files.delete(input.resolve("2023/150923.csv"));
        Files.createDirectory(input.resolve("2023/150923.csv"));
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Files.write(input.resolve("2023/150926.csv"), garbage);
        Path extra = input.resolve("2023/150927.csv");
        String withExtra = Files.readString(extra, StandardCharsets.UTF_8).replaceFirst("remark", "remark,填报人");
        Files.writeString(extra, withExtra.replaceAll("(?m)^(1509.*?)(\\r?)$", "$1,张三$2"), StandardCharsets.UTF_8);

        JobRun.Result night = JobRun.run(input, work.resolve("output"));

        assertThat(night.exitStatus()).isEqualTo(1);
        assertThat(night.console()).contains("4 UNREADABLE");
        Path out = work.resolve("output/2023");
        Map<String, CSVRecord> ledger = JobRun.readCsv(out.resolve("file-ledger.csv")).stream().skip(1)
                .collect(Collectors.toMap(r -> r.get(0), r -> r, (a, b) -> a));
        assertThat(ledger.get("150921.csv").get(3)).isEqualTo("UNREADABLE");
        assertThat(ledger.get("150921.csv").get(9)).contains("UTF-16 文本").contains("请另存为“CSV UTF-8”");
        assertThat(ledger.get("150922.csv").get(9)).contains("看起来是以制表符分隔的文本");
        assertThat(ledger.get("150923.csv").get(9)).contains("不是普通文件而是文件夹");
        assertThat(ledger.get("150926.csv").get(9)).contains("既不是 UTF-8 也不是 GB18030 文本");
        assertThat(ledger.get("150927.csv").get(3)).isEqualTo("PROCESSED");
        assertThat(ledger.get("150927.csv").get(9)).isEqualTo("已忽略多余的列：填报人");
        assertThat(ledger.get("150927.csv").get(5)).isNotEqualTo("0");

        List<CSVRecord> lines = JobRun.readCsv(out.resolve("reconciliation.csv"));
        CSVRecord incubators = lines.stream().filter(r -> r.get(0).equals("TECH_INCUBATORS")).findFirst().orElseThrow();
        assertThat(incubators.get(11)).as("missing counties").contains("150921").contains("150922").contains("150923").contains("150926")
                .doesNotContain("150927");
        assertThat(incubators.get(9)).isIn("INCOMPLETE", "MISMATCH");
    }

    @Test
    void formulasAndScriptsInCellsAreNeverLive() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Files.writeString(input.resolve("2023/150902.csv"), String.join("\r\n",
                "150902,NO_SUCH_INDICATOR,2023,=1+2,,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"",
                "150902,<img src=x onerror=alert(1)>,2023,@SUM(A1),,<script>alert(1)</script>",
                "150902,TECH_INCUBATORS,2023,-5,,+cmd|' /C calc'!A0",
                "") , StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        JobRun.Result night = JobRun.run(input, work.resolve("output"));

        assertThat(night.exitStatus()).isEqualTo(1);
        Path out = work.resolve("output/2023");
        List<CSVRecord> rejected = JobRun.readCsv(out.resolve("rejected-rows.csv"));
        String all = rejected.stream().map(r -> String.join("\u0001", r.values())).collect(Collectors.joining("\n"));
        assertThat(all).contains("'=HYPERLINK(\"http://evil.example\",\"click\")").contains("'=1+2").contains("'@SUM(A1)")
                .contains("'+cmd|' /C calc'!A0").contains("<script>alert(1)</script>");
        for (String name : JobRun.CSV_OUTPUTS) {
            for (CSVRecord r : JobRun.readCsv(out.resolve(name))) {
                for (String cell : r.values()) {
                    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                        assertThat(cell).as(name + " line " + r.getRecordNumber() + ": a risky cell must be a number").matches(NUMBER);
                    }
                }
            }
        }
        assertThat(rejected).anyMatch(r -> r.get(4).equals("-5") && r.get(5).equals("NEGATIVE_VALUE"));

        String page = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(page.toLowerCase()).doesNotContain("<script");
    }

    @Test
    void storedRowsThatNoLongerAddUpStopTheJobNamingTheFile() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        Path output = work.resolve("output");
        Files.createDirectories(output);
        new TestDatabase.H2().migrate(output);
        try (Connection c = JobRun.database(output)) {
            FailOnceAtRowTrigger.install(c);
        }
        // chunks of 200 rows, so that the failure comes after the sample's first chunks were committed
        assertThat(JobRun.run(input, output, "--reconciliation.chunk-size=200").exitStatus()).isEqualTo(2);
        long rowsOf150902 = JobRun.storedRows(output, "FILE_NAME = '150902.csv'");
        assertThat(rowsOf150902).as("150902.csv was read whole before the failure").isPositive();
        long lost = JobRun.count(output, "SELECT ROW_COUNT FROM ACCEPTED_ROWS WHERE FILE_NAME = '150902.csv' ORDER BY FIRST_LINE LIMIT 1");
        assertThat(lost).as("150902.csv has a record of accepted rows").isPositive();
        try (Connection c = JobRun.database(output)) {
            FailOnceAtRowTrigger.remove(c);
            c.createStatement().execute("DELETE FROM ACCEPTED_ROWS WHERE FILE_NAME = '150902.csv' AND FIRST_LINE ="
                    + " (SELECT MIN(FIRST_LINE) FROM ACCEPTED_ROWS WHERE FILE_NAME = '150902.csv')");
        }

        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        JobRun.Result resumed;
        try {
            resumed = JobRun.run(input, output, "--reconciliation.chunk-size=200");
        } finally {
            System.setErr(original);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        original.print(stderr);

        assertThat(resumed.exitStatus()).isEqualTo(2);
        assertThat(stderr).contains("步骤 checkRowAccounting 失败")
                .contains("150902.csv: " + rowsOf150902 + " rows read but " + (rowsOf150902 - lost) + " stored (accepted + rejected)");
        assertThat(output.resolve("2023/reconciliation.csv")).doesNotExist();
    }

    private static void corpus(String name, Path target) throws Exception {
        try (InputStream in = HostileSubmissionsJobTest.class.getResourceAsStream("/corpus/" + name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
