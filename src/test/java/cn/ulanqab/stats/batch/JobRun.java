package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.ReconciliationApplication;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs the job as an operator does (the application's entry point) on a copy of the shipped input. */
final class JobRun {

    static final List<String> CSV_OUTPUTS = List.of("reconciliation.csv", "county-breakdown.csv", "rejected-rows.csv", "file-ledger.csv",
            "base.csv");

    /** @param console what the run printed on stdout; {@code errors} what it printed on stderr */
    record Result(int exitStatus, String console, String errors) {
    }

    private JobRun() {
    }

    static Path copyShippedInput(Path target) throws IOException {
        Path source = Path.of("input");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return target;
    }

    static Result run(Path input, Path output, String... extra) {
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            String[] args = Stream.concat(Stream.of("--input=" + input, "--output=" + output), Stream.of(extra))
                    .toArray(String[]::new);
            int status = ReconciliationApplication.run(args);
            return new Result(status, captured.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
            original.print(captured.toString(StandardCharsets.UTF_8));
            originalErr.print(capturedErr.toString(StandardCharsets.UTF_8));
        }
    }

    static Map<String, byte[]> csvBytes(Path periodFolder) {
        Map<String, byte[]> files = new TreeMap<>();
        for (String name : CSV_OUTPUTS) {
            try {
                files.put(name, Files.readAllBytes(periodFolder.resolve(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The records of an output CSV (after its BOM), header first. */
    static List<CSVRecord> readCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.startsWith("\uFEFF")) {
            throw new AssertionError(file + " does not start with a UTF-8 BOM");
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    /** A connection to the embedded database of this output folder, in the job's schema. */
    static Connection database(Path output) throws SQLException {
        return new TestDatabase.H2().connect(output);
    }

    static long count(Path output, String sql) throws SQLException {
        try (Connection c = database(output); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Submission rows stored (accepted, packed, and rejected), of the runs whose rows match the condition ("TRUE": all). */
    static long storedRows(Path output, String condition) throws SQLException {
        return count(output, "SELECT (SELECT COALESCE(SUM(ROW_COUNT), 0) FROM ACCEPTED_ROWS WHERE " + condition + ")"
                + " + (SELECT COUNT(*) FROM SUBMISSION_ROW WHERE " + condition + ")");
    }

    static long storedRows(Path output) throws SQLException {
        return storedRows(output, "TRUE");
    }
}
