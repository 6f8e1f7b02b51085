package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.published.ClaimSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Single steps of the job, started with Spring Batch's test support on an in-memory database. */
@SpringBatchTest
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:steps;DB_CLOSE_DELAY=-1")
class NightlyJobStepsTest {

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CurrentNight tonight;

    @TempDir
    Path output;

    @Test
    void catalogueStepRecordsEveryFileOfTheShippedSampleWithItsStatus() {
        Night night = Night.load("2023", Path.of("input"), output, ClaimSettings.defaults());
        tonight.set(night);
        JobParameters parameters = night.toJobParameters("catalogue-step-test");

        JobExecution execution = jobs.startStep("catalogueSubmissionFiles", parameters, null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> statuses = jdbc.queryForList("SELECT FILE_NAME, STATUS, ENCODING FROM SUBMISSION_FILE WHERE RUN_ID = ?",
                execution.getJobInstanceId()).stream()
                .collect(Collectors.toMap(r -> (String) r.get("FILE_NAME"), r -> r.get("STATUS") + " " + r.get("ENCODING")));
        assertThat(statuses).hasSize(14)
                .containsEntry("150924.csv", "SUPERSEDED null")
                .containsEntry("150924-v2.csv", "PROCESSED UTF-8")
                .containsEntry("150925.csv", "PROCESSED GB18030")
                .containsEntry("150926.csv", "PROCESSED UTF-8-BOM")
                .containsEntry("150929-说明.txt", "UNRECOGNIZED null");
        assertThat(jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM SUBMISSION_ROW WHERE RUN_ID = ?)"
                + " + (SELECT COUNT(*) FROM ACCEPTED_ROWS WHERE RUN_ID = ?)", Long.class, execution.getJobInstanceId(),
                execution.getJobInstanceId())).as("no row is read by the catalogue").isZero();
    }
}
