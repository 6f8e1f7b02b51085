package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.aggregation.Aggregator;
import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.aggregation.CityTotalStore;
import cn.ulanqab.stats.aggregation.RegionTotals;
import cn.ulanqab.stats.database.RunControl;
import cn.ulanqab.stats.reconciliation.ReconciliationService;
import cn.ulanqab.stats.report.OutputWriter;
import cn.ulanqab.stats.review.ReviewService;
import cn.ulanqab.stats.submission.DuplicateSettlement;
import cn.ulanqab.stats.submission.RowOutcome;
import cn.ulanqab.stats.submission.SubmissionCatalogue;
import cn.ulanqab.stats.submission.SubmissionFile;
import cn.ulanqab.stats.submission.SubmissionStore;
import cn.ulanqab.stats.submission.SubmittedRow;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The nightly job: catalogue the files, read and validate every row, settle duplicates, aggregate the
 * city totals, reconcile them with the printed figures, write the outputs. Each step keys its data by
 * the job instance (the run), and the tasklet steps replace their data whole, so a restart counts nothing twice.
 */
@Configuration
public class NightlyReconciliationJobConfig {

    public static final String JOB_NAME = "nightlyReconciliation";
    /** Rows per chunk of readAndValidateSubmissions (each chunk one transaction), unless reconciliation.chunk-size says otherwise. */
    static final int CHUNK_SIZE = 5000;

    private final RunLockCheck runLockCheck;

    NightlyReconciliationJobConfig(RunControl runControl) {
        this.runLockCheck = new RunLockCheck(runControl);
    }

    @Bean
    Job nightlyReconciliation(JobRepository jobs, CurrentNight tonight, Step catalogueSubmissionFiles, Step readAndValidateSubmissions,
                              Step checkRowAccounting, Step settleDuplicates, Step aggregateCityTotals,
                              Step reconcileWithPublishedFigures, Step applyReviewerDispositions, Step writeOutputs) {
        return new JobBuilder(JOB_NAME, jobs).listener(new FoldersOfTheRun(tonight, jobs)).start(catalogueSubmissionFiles).next(readAndValidateSubmissions)
                .next(checkRowAccounting).next(settleDuplicates).next(aggregateCityTotals).next(reconcileWithPublishedFigures)
                .next(applyReviewerDispositions).next(writeOutputs)
                .build();
    }

    @Bean
    Step catalogueSubmissionFiles(JobRepository jobs, PlatformTransactionManager tm, CurrentNight tonight, SubmissionStore store) {
        return tasklet(tonight, "catalogueSubmissionFiles", jobs, tm, (night, job) -> {
            long runId = job.getJobInstanceId();
            SubmissionCatalogue.Result result = SubmissionCatalogue.of(night.submissionFolder(), night.reference().registry());
            store.replaceFiles(runId, result.files(), result.sha256ByName());
        });
    }

    @Bean
    Step readAndValidateSubmissions(JobRepository jobs, PlatformTransactionManager tm, CurrentNight tonight, SubmissionStore store,
                                    @Value("${reconciliation.testing.pause-after-chunk-ms:0}") long testingPause,
                                    @Value("${reconciliation.chunk-size:" + CHUNK_SIZE + "}") int chunkSize) {
        ExecutionContextPromotionListener promoteReadCounts = new ExecutionContextPromotionListener();
        promoteReadCounts.setKeys(new String[]{SubmissionRowsReader.READ_BY_FILE, SubmissionRowWriter.DUPLICATE_FILES});
        SubmissionIngest ingest = new SubmissionIngest(store, tonight, tm, jobs);
        TestingPause pause = new TestingPause(testingPause);
        return new StepBuilder("readAndValidateSubmissions", jobs).<SubmittedRow, RowOutcome>chunk(chunkSize)
                .transactionManager(tm).reader(ingest.reader()).processor(ingest.validator()).writer(ingest.writer())
                .listener(ingest).listener(promoteReadCounts).listener(pause).stream(pause)
                .listener((StepExecutionListener) runLockCheck).listener((ItemWriteListener<RowOutcome>) runLockCheck).build();
    }

    /** Rows read = accepted + rejected for every file: the reader's own count against the rows stored, or the job fails. */
    @Bean
    Step checkRowAccounting(JobRepository jobs, PlatformTransactionManager tm, CurrentNight tonight, SubmissionStore store) {
        return tasklet(tonight, "checkRowAccounting", jobs, tm, (night, job) -> {
            long runId = job.getJobInstanceId();
            Map<String, Long> read = SubmissionRowsReader.decode(job.getExecutionContext().getString(SubmissionRowsReader.READ_BY_FILE, ""));
            Map<String, Long> stored = store.storedRowsByFile(runId);
            List<String> broken = new ArrayList<>();
            for (SubmissionFile f : store.filesToRead(runId)) {
                long r = read.getOrDefault(f.name(), -1L);
                long s = stored.getOrDefault(f.name(), 0L);
                if (r != s) {
                    broken.add(f.name() + ": " + (r < 0 ? "the reader has no count" : r + " rows read") + " but " + s
                            + " stored (accepted + rejected)");
                }
            }
            stored.keySet().stream().filter(name -> !read.containsKey(name))
                    .forEach(name -> broken.add(name + ": rows stored but the file was never read"));
            if (!broken.isEmpty()) {
                throw new IllegalStateException("row accounting does not add up, rows read must equal accepted + rejected: "
                        + String.join("; ", broken) + ". Fix: the stored rows of this run were changed or lost; start the job"
                        + " on a fresh database (--spring.datasource.url or another --output) and report the problem");
            }
        });
    }

    @Bean
    Step settleDuplicates(JobRepository jobs, PlatformTransactionManager tm, CurrentNight tonight, SubmissionStore store) {
        return tasklet(tonight, "settleDuplicates", jobs, tm, (night, job) -> {
            // only the files in which the writer saw an indicator accepted twice (all files when it left no note)
            String noted = job.getExecutionContext().containsKey(SubmissionRowWriter.DUPLICATE_FILES)
                    ? job.getExecutionContext().getString(SubmissionRowWriter.DUPLICATE_FILES) : null;
            store.settleDuplicates(job.getJobInstanceId(), noted == null ? null : SubmissionRowWriter.decode(noted));
        });
    }

    @Bean
    Step aggregateCityTotals(JobRepository jobs, PlatformTransactionManager tm, CurrentNight tonight, SubmissionStore submissions, CityTotalStore totals) {
        return tasklet(tonight, "aggregateCityTotals", jobs, tm, (night, job) -> {
            long runId = job.getJobInstanceId();
            RegionTotals sums = new RegionTotals(night.reference().registry());
            submissions.forEachAccepted(runId, (unit, indicator, value) -> sums.add(indicator, unit, value));
            var catalog = night.reference().catalog();
            List<CityTotal> result = Aggregator.keys(night.reference().registry(), catalog, night.published().keySet()).stream()
                    .map(key -> sums.total(catalog.get(key.indicatorCode()), key.regionCode())).toList();
            totals.replace(runId, result);
        });
    }

    @Bean
    Step reconcileWithPublishedFigures(JobRepository jobs, PlatformTransactionManager tm, CurrentNight tonight, ReconciliationService service) {
        return tasklet(tonight, "reconcileWithPublishedFigures", jobs, tm,
                (night, job) -> service.reconcile(job.getJobInstanceId(), night.reference(), night.published(),
                        night.submissionFolder(), night.period(), night.base()));
    }

    @Bean
    Step applyReviewerDispositions(JobRepository jobs, PlatformTransactionManager tm, CurrentNight tonight, ReviewService reviews,
                                   ReconciliationService reconciliation) {
        return tasklet(tonight, "applyReviewerDispositions", jobs, tm, (night, job) -> reconciliation.applyReviews(
                job.getJobInstanceId(), reviews.read(job.getJobInstanceId(), night.input(), night.period(),
                        night.reference().catalog()), night.reference().registry()));
    }

    @Bean
    Step writeOutputs(JobRepository jobs, PlatformTransactionManager tm, CurrentNight tonight, OutputWriter writer,
                      @Value("${reconciliation.zone}") String zone) {
        ZoneId bureau = RunOptions.zone(zone);
        return tasklet(tonight, "writeOutputs", jobs, tm, (night, job) -> writer.write(job.getJobInstanceId(), night.period(),
                night.reference(), night.published(), night.outputFolder(), NightlyRun.inZone(job.getStartTime(), bureau),
                night.reportCheck(), night.submissionFolder()));
    }

    /** Notes in the run's context the folders it was started with, so that a restart elsewhere can say so. */
    private record FoldersOfTheRun(CurrentNight tonight, JobRepository jobs) implements JobExecutionListener {
        @Override
        public void beforeJob(JobExecution execution) {
            Night night = tonight.get();
            execution.getExecutionContext().putString(Night.INPUT, night.input().toAbsolutePath().normalize().toString());
            execution.getExecutionContext().putString(Night.OUTPUT, night.output().toAbsolutePath().normalize().toString());
            jobs.updateExecutionContext(execution);
        }
    }

    /** A step that does one piece of the night's work in one transaction, replacing what it stored before. */
    private Step tasklet(CurrentNight tonight, String name, JobRepository jobs, PlatformTransactionManager tm,
                         BiConsumer<Night, JobExecution> work) {
        Tasklet tasklet = (contribution, chunk) -> {
            StepExecution step = chunk.getStepContext().getStepExecution();
            work.accept(tonight.get(), step.getJobExecution());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder(name, jobs).tasklet(tasklet, tm).listener(runLockCheck).build();
    }
}
