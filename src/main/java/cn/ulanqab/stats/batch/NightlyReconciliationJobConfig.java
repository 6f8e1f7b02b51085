package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.aggregation.Aggregator;
import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.aggregation.CityTotalStore;
import cn.ulanqab.stats.aggregation.RegionTotals;
import cn.ulanqab.stats.database.RunControl;
import cn.ulanqab.stats.published.FigureKey;
import cn.ulanqab.stats.reconciliation.ReconciliationService;
import cn.ulanqab.stats.report.OutputWriter;
import cn.ulanqab.stats.review.ReviewService;
import cn.ulanqab.stats.submission.DuplicateSettlement;
import cn.ulanqab.stats.submission.SubmissionCatalogue;
import cn.ulanqab.stats.submission.SubmissionFile;
import cn.ulanqab.stats.submission.SubmissionStore;
import cn.ulanqab.stats.targets.TargetTracking;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.MessageChannel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * A partitioned step: the files to read split by {@link FilePartitioner}, each partition read, validated and stored
     * by {@link ReadAndValidateFiles}, {@code reconciliation.workers} partitions at a time on threads of this process;
     * or, in the manager role, sent over RabbitMQ to worker processes ({@link PartitionWorker}) while the manager polls the
     * job repository until every partition has ended or {@code reconciliation.partition-timeout} has passed.
     */
    @Bean
    Step readAndValidateSubmissions(JobRepository jobs, PlatformTransactionManager tm, CurrentNight tonight, SubmissionStore store,
                                    @Value("${reconciliation.testing.pause-after-chunk-ms:0}") long testingPause,
                                    @Value("${reconciliation.chunk-size:" + CHUNK_SIZE + "}") int chunkSize,
                                    @Value("${reconciliation.workers:}") String workersSetting,
                                    @Value("${" + Role.SETTING + ":standalone}") String role,
                                    @Value("${" + RemotePartitioning.TIMEOUT_SETTING + ":}") String timeout,
                                    ObjectProvider<RemotePartitioningManagerStepBuilderFactory> remote,
                                    @Qualifier("partitionRequestChannel") ObjectProvider<MessageChannel> requests) {
        int workers = RunOptions.workers(workersSetting);
        FilesOfTheRun partitions = new FilesOfTheRun(jobs, store, tonight);
        if (Role.of(role) == Role.MANAGER) {
            return remote.getObject().get("readAndValidateSubmissions")
                    .partitioner(ReadAndValidateFiles.NAME, gridSize -> {
                        throw new IllegalStateException("the partitions are made by FilesOfTheRun");
                    })
                    .splitter(partitions).gridSize(workers).outputChannel(requests.getObject())
                    .pollInterval(PARTITION_POLL_MILLIS).timeout(RemotePartitioning.timeout(timeout).toMillis())
                    .listener(new RemotePartitionsEnded(jobs, RemotePartitioning.timeout(timeout))).listener(runLockCheck).build();
        }
        Step worker = new ReadAndValidateFiles(store, execution -> tonight.get(), jobs, tm, chunkSize, testingPause,
                execution -> List.of(runLockCheck));
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("ingest-");
        threads.setConcurrencyLimit(workers);
        return new StepBuilder("readAndValidateSubmissions", jobs).partitioner(worker)
                .splitter(partitions).gridSize(workers).taskExecutor(threads)
                .listener((StepExecutionListener) runLockCheck).build();
    }

    /** How often the manager looks in the job repository for the partitions its workers ended. */
    private static final long PARTITION_POLL_MILLIS = 1000;

    /** Rows read = accepted + rejected for every file: the reader's own count against the rows stored, or the job fails. */
    @Bean
    Step checkRowAccounting(JobRepository jobs, PlatformTransactionManager tm, CurrentNight tonight, SubmissionStore store) {
        return tasklet(tonight, "checkRowAccounting", jobs, tm, (night, job) -> {
            long runId = job.getJobInstanceId();
            Map<String, Long> read = store.rowsReadByFile(runId);
            if (read.isEmpty() && job.getExecutionContext().containsKey(SubmissionRowsReader.READ_BY_FILE)) {
                // a run an earlier release read, with the counts in the job's context
                read = SubmissionRowsReader.decode(job.getExecutionContext().getString(SubmissionRowsReader.READ_BY_FILE));
            }
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
            Map<String, Long> counted = read;
            stored.keySet().stream().filter(name -> !counted.containsKey(name))
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
            long runId = job.getJobInstanceId();
            // only the files in which the writer saw an indicator accepted twice (all files of a run an earlier release read)
            boolean noted = !store.rowsReadByFile(runId).isEmpty();
            store.settleDuplicates(runId, noted ? store.filesNotedWithDuplicates(runId) : null);
        });
    }

    @Bean
    Step aggregateCityTotals(JobRepository jobs, PlatformTransactionManager tm, CurrentNight tonight, SubmissionStore submissions, CityTotalStore totals) {
        return tasklet(tonight, "aggregateCityTotals", jobs, tm, (night, job) -> {
            long runId = job.getJobInstanceId();
            RegionTotals sums = new RegionTotals(night.reference().registry());
            submissions.forEachAccepted(runId, (unit, indicator, value) -> sums.add(indicator, unit, value));
            var catalog = night.reference().catalog();
            Set<FigureKey> wanted = new LinkedHashSet<>(night.published().keySet());
            night.targets().targets().forEach(t -> wanted.add(new FigureKey(t.indicatorCode(), t.regionCode())));
            List<CityTotal> result = Aggregator.keys(night.reference().registry(), catalog, wanted).stream()
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
                      TargetTracking targets, @Value("${reconciliation.zone}") String zone) {
        ZoneId bureau = RunOptions.zone(zone);
        return tasklet(tonight, "writeOutputs", jobs, tm, (night, job) -> writer.write(job.getJobInstanceId(), night.period(),
                night.reference(), night.published(), night.outputFolder(), NightlyRun.inZone(job.getStartTime(), bureau),
                night.reportCheck(), night.submissionFolder(), night.trackTargets(targets, job.getJobInstanceId())));
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

    /**
     * The partitions of this run's files, made when readAndValidateSubmissions starts (from the files the catalogue
     * stored and their sizes now) and made the same way again on a restart, which keeps those that completed.
     */
    private record FilesOfTheRun(JobRepository jobs, SubmissionStore store, CurrentNight tonight) implements StepExecutionSplitter {
        @Override
        public String getStepName() {
            return ReadAndValidateFiles.NAME;
        }

        @Override
        public Set<StepExecution> split(StepExecution manager, int workers) throws JobExecutionException {
            long runId = manager.getJobExecution().getJobInstanceId();
            Path folder = tonight.get().submissionFolder();
            List<FilePartitioner.SizedFile> files = store.filesToRead(runId).stream()
                    .map(f -> new FilePartitioner.SizedFile(f.name(), sizeOf(folder.resolve(f.name())))).toList();
            return new SimpleStepExecutionSplitter(jobs, ReadAndValidateFiles.NAME, new FilePartitioner(files)).split(manager, workers);
        }

        private static long sizeOf(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                // the partition that gets it says what is wrong when it reads it
                return 0;
            }
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
