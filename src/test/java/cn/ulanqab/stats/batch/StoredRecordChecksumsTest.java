package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.aggregation.CityTotalStore;
import cn.ulanqab.stats.database.RecordChecksum;
import cn.ulanqab.stats.reconciliation.ReconciliationStore;
import cn.ulanqab.stats.review.ReviewService;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every record of the job's own tables carries a CRC32C that is checked when it is read: after a real night on the
 * shipped sample (with a reviewers' file), each table's records read back whole on H2 and on PostgreSQL (the values
 * come back in each database's own types), and one column changed in one record of any table stops the read, naming
 * the run, the record, the table and the fix.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("cn.ulanqab.stats.batch.TestDatabase#both")
class StoredRecordChecksumsTest {

    @TempDir
    static Path work;
    static Path input;

    @Parameter
    TestDatabase databases;

    private TestDatabase database;
    private Path output;
    private Connection connection;
    private JdbcTemplate jdbc;
    private long runId;

    @BeforeAll
    static void sampleWithReviews() throws IOException {
        input = JobRun.copyShippedInput(work.resolve("input"));
        Files.createDirectories(input.resolve("reviews"));
        Files.writeString(input.resolve("reviews/2023.csv"), """
                indicator_code,disposition,note,reviewer,date,city_total
                CO2_REDUCTION,EXPLAINED,卓资县单位填错，已电话核实,王芳,2024-03-01,1712475.1
                NO_SUCH_INDICATOR,EXPLAINED,说明,王芳,2024-03-01,
                """, StandardCharsets.UTF_8);
    }

    @BeforeEach
    void aNightOnTheSample() throws Exception {
        databases.assumeAvailable();
        database = databases.fresh();
        output = work.resolve(database.name() + "-" + System.nanoTime());
        JobRun.Result night = JobRun.run(input, output, database.jobOptions().toArray(String[]::new));
        assertThat(night.exitStatus()).as(night.console() + night.errors()).isEqualTo(1);
        connection = database.connect(output);
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        runId = jdbc.queryForObject("SELECT MAX(RUN_ID) FROM SUBMISSION_FILE", Long.class);
    }

    @AfterEach
    void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void everyRecordOfANightReadsBackWithTheChecksumItWasWrittenWith() throws IOException {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SUBMISSION_ROW WHERE CRC32C IS NULL", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM RECONCILIATION_CAUSE WHERE CRC32C IS NULL", Long.class)).isZero();
        Path outputs = output.resolve("2023");
        long ledgerLines = JobRun.readCsv(outputs.resolve("file-ledger.csv")).size() - 1;
        long rejectedLines = JobRun.readCsv(outputs.resolve("rejected-rows.csv")).size() - 1;
        long findingLines = JobRun.readCsv(outputs.resolve("reconciliation.csv")).size() - 1;
        assertThat(new SubmissionStore(jdbc).ledger(runId)).as("the ledger but its reviewers' line").hasSize((int) ledgerLines - 1);
        assertThat(new SubmissionStore(jdbc).rejectedRows(runId)).as("the rejected rows but the review line").hasSize((int) rejectedLines - 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SUBMISSION_FILE_READ WHERE CRC32C IS NULL", Long.class)).isZero();
        long submissionRowsRead = JobRun.readCsv(outputs.resolve("file-ledger.csv")).stream().skip(1)
                .filter(r -> !r.get(0).startsWith("reviews/")).mapToLong(r -> Long.parseLong(r.get(5))).sum();
        assertThat(new SubmissionStore(jdbc).rowsReadByFile(runId)).hasSize(12).containsKey("150902.csv")
                .satisfies(read -> assertThat(read.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(submissionRowsRead));
        assertThat(new CityTotalStore(jdbc).totals(runId)).isNotEmpty();
        assertThat(new ReconciliationStore(jdbc).lines(runId)).hasSize((int) findingLines)
                .anySatisfy(line -> assertThat(line.review()).isNotNull())
                .anySatisfy(line -> assertThat(line.baseTotal()).isEqualByComparingTo("86.9"))
                .anySatisfy(line -> assertThat(line.causes()).isNotEmpty());
        assertThat(new ReviewService(jdbc).ledgerLine(runId)).singleElement()
                .satisfies(line -> assertThat(line.rowsRejected()).isEqualTo(1));
        assertThat(new ReviewService(jdbc).rejectedRows(runId, "2023")).hasSize(1);
    }

    @Test
    void aChangedLedgerLineStopsTheRead() {
        damage("UPDATE SUBMISSION_FILE SET ENCODING = 'GB18030' WHERE FILE_NAME = '150902.csv'");
        assertDamaged(() -> new SubmissionStore(jdbc).ledger(runId), "the stored ledger line of run " + runId + ", file 150902.csv",
                "SUBMISSION_FILE");
        assertDamaged(() -> new SubmissionStore(jdbc).filesToRead(runId), "file 150902.csv", "SUBMISSION_FILE");
    }

    @Test
    void aChangedRejectedRowStopsTheRead() {
        String file = jdbc.queryForObject("SELECT MIN(FILE_NAME) FROM SUBMISSION_ROW", String.class);
        damage("UPDATE SUBMISSION_ROW SET RAW_VALUE = '7' WHERE FILE_NAME = '" + file + "'");
        assertDamaged(() -> new SubmissionStore(jdbc).rejectedRows(runId), "file " + file + ", line", "SUBMISSION_ROW");
        assertDamaged(() -> new SubmissionStore(jdbc).eachRejectedRowOf(runId, file, row -> { }), "file " + file, "SUBMISSION_ROW");
    }

    @Test
    void aChangedCountOfRowsReadStopsTheRead() {
        damage("UPDATE SUBMISSION_FILE_READ SET ROWS_READ = ROWS_READ + 1 WHERE FILE_NAME = '150902.csv'");
        assertDamaged(() -> new SubmissionStore(jdbc).rowsReadByFile(runId), "the stored count of rows read of run " + runId
                + ", file 150902.csv", "SUBMISSION_FILE_READ");
        assertDamaged(() -> new SubmissionStore(jdbc).storeRowsRead(runId, Map.of("150902.csv", 1L)), "file 150902.csv",
                "SUBMISSION_FILE_READ");
    }

    @Test
    void aChangedTotalStopsTheRead() {
        damage("UPDATE CITY_TOTAL SET TOTAL_TEXT = '1' WHERE INDICATOR_CODE = 'CO2_REDUCTION'");
        assertDamaged(() -> new CityTotalStore(jdbc).totals(runId), "indicator CO2_REDUCTION", "CITY_TOTAL");
    }

    @Test
    void aChangedFindingStopsTheRead() {
        damage("UPDATE RECONCILIATION SET STATUS = 'MATCH' WHERE INDICATOR_CODE = 'CO2_REDUCTION'");
        assertDamaged(() -> new ReconciliationStore(jdbc).lines(runId), "(indicator CO2_REDUCTION)", "RECONCILIATION");
    }

    @Test
    void aChangedCauseStopsTheRead() {
        damage("UPDATE RECONCILIATION_CAUSE SET COUNTY_CODE = '150902' WHERE POS = 0 AND SEQ = (SELECT MIN(SEQ) FROM RECONCILIATION_CAUSE)");
        assertDamaged(() -> new ReconciliationStore(jdbc).lines(runId), "the stored cause 0 of reconciliation line", "RECONCILIATION_CAUSE");
    }

    @Test
    void aChangedReviewLineStopsTheRead() {
        damage("UPDATE REVIEW_ROW SET REASON = NULL");
        assertDamaged(() -> new ReviewService(jdbc).ledgerLine(runId), "of the reviewers' file of run " + runId, "REVIEW_ROW");
    }

    @Test
    void aChangedReviewersFileStopsTheRead() {
        damage("UPDATE REVIEW_FILE SET SHA256 = '" + "0".repeat(64) + "'");
        assertDamaged(() -> new ReviewService(jdbc).ledgerLine(runId), "the stored reviewers' file of run " + runId, "REVIEW_FILE");
    }

    private void damage(String sql) {
        assertThat(jdbc.update(sql)).as(sql).isPositive();
    }

    private void assertDamaged(Runnable read, String record, String table) {
        assertThatThrownBy(read::run).isInstanceOf(RecordChecksum.DamagedRecord.class)
                .hasMessageContaining(record).hasMessageContaining("(table " + table + ") is damaged")
                .hasMessageContaining("CRC32C").hasMessageContaining("restore the database from a copy");
    }
}
