package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.generator.GeneratorSettings;
import cn.ulanqab.stats.generator.SyntheticInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * readAndValidateSubmissions split into partitions on 1 worker and on 4 gives the same outputs, every CSV byte for byte:
 * on the shipped sample and on a generated national input with a duplicate planted, in small chunks that span files,
 * on H2 and on PostgreSQL.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("cn.ulanqab.stats.batch.TestDatabase#both")
class WorkersGiveTheSameOutputsTest {

    @TempDir
    static Path work;

    private final TestDatabase databases;

    WorkersGiveTheSameOutputsTest(TestDatabase databases) {
        this.databases = databases;
    }

    @BeforeEach
    void available() {
        databases.assumeAvailable();
    }

    @Test
    void theSampleGivesTheSameBytesOnOneWorkerAndOnFour() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve(databases.name() + "-sample-input"));

        // 12 files to read: 4 partitions for one worker, 12 (not 16) for four
        Map<String, byte[]> one = run(input, "sample", 1, 4);
        Map<String, byte[]> four = run(input, "sample", 4, 12);

        assertSameBytes(four, one);
    }

    @Test
    void aGeneratedInputGivesTheSameBytesOnOneWorkerAndOnFour() throws Exception {
        Path input = work.resolve(databases.name() + "-generated-input");
        SyntheticInput.generate(input, new GeneratorSettings(40, 30, "2023", GeneratorSettings.DEFAULT_SEED, 2, 13));
        // a conflicting duplicate, for settleDuplicates: the first row of one county again with another value
        Path county;
        try (Stream<Path> files = Files.list(input.resolve("2023"))) {
            county = files.filter(f -> f.toString().endsWith(".csv")).sorted().skip(17).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(county, StandardCharsets.UTF_8);
        String[] first = lines.get(1).split(",", -1);
        first[3] = first[3] + "1";
        Files.writeString(county, String.join(",", first) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Map<String, byte[]> one = run(input, "generated", 1, 4);
        Map<String, byte[]> four = run(input, "generated", 4, 16);

        assertThat(new String(one.get("rejected-rows.csv"), StandardCharsets.UTF_8)).as("the duplicate was judged")
                .contains(county.getFileName() + ",").contains("DUPLICATE_CONFLICT");
        assertSameBytes(four, one);
    }

    /** Runs the job in a database of its own and returns every CSV it wrote for the period, by relative path. */
    private Map<String, byte[]> run(Path input, String name, int workers, int partitions) throws IOException, SQLException {
        TestDatabase database = databases.fresh();
        Path output = work.resolve(database.name()).resolve(name + "-workers-" + workers);
        List<String> options = Stream.concat(database.jobOptions().stream(),
                Stream.of("--reconciliation.workers=" + workers, "--reconciliation.chunk-size=50")).toList();
        JobRun.Result result = JobRun.run(input, output, options.toArray(String[]::new));

        assertThat(result.exitStatus()).as(result.errors()).isEqualTo(1);
        assertThat(database.count(output, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'readAndValidateFiles:partition%'"
                + " AND STATUS = 'COMPLETED'")).as("partitions").isEqualTo(partitions);
        Map<String, byte[]> csvs = new TreeMap<>();
        Path folder = output.resolve("2023");
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                csvs.put(folder.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        assertThat(csvs).containsKeys(JobRun.CSV_OUTPUTS.toArray(String[]::new));
        return csvs;
    }

    private static void assertSameBytes(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        actual.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(expected.get(name)));
    }
}
