package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.wording.Bundles;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.submission.RowOutcome;
import cn.ulanqab.stats.submission.SubmissionStore;
import com.rabbitmq.client.Channel;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A worker process ({@code --reconciliation.role=worker}): takes partition requests from RabbitMQ one at a time and
 * runs each as readAndValidateFiles against the shared job repository, reading the files from the input path the
 * manager's run was started with. A request is acknowledged once its partition has ended; a worker killed before that
 * leaves it to the broker, which delivers it to another worker, and the partition resumes from its last commit.
 * <ul>
 * <li>A request of another version of the jar is not run: the worker marks its partition FAILED naming both versions
 * (the manager's run fails with that message) and puts the request on the dead-letter queue.</li>
 * <li>A stale request (its partition COMPLETED, or its run no longer STARTED: a manager that was restarted sent it
 * again) is dropped; the queue is never purged, it may hold another period's requests.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = Role.SETTING, havingValue = "worker")
class PartitionWorker implements ChannelAwareMessageListener {

    private final JobRepository jobs;
    private final RabbitTemplate rabbit;
    private final String version;
    private final String host = RemotePartitioning.host();
    private final ReadAndValidateFiles step;
    private final JsonMapper json = JsonMapper.builder().build();
    private final PrintStream out = System.out;
    private final Locale locale;

    PartitionWorker(JobRepository jobs, PlatformTransactionManager tm, SubmissionStore store, RabbitTemplate rabbit, String jarVersion,
                    JdbcTemplate jdbc,
                    @Value("${reconciliation.testing.pause-after-chunk-ms:0}") long testingPause,
                    @Value("${reconciliation.chunk-size:" + NightlyReconciliationJobConfig.CHUNK_SIZE + "}") int chunkSize,
                    @Value("${reconciliation.language:zh}") String language) {
        this.locale = Bundles.localeOf(language);
        this.jobs = jobs;
        this.rabbit = rabbit;
        this.version = jarVersion;
        this.step = new ReadAndValidateFiles(store, this::nightOf, jobs, tm, chunkSize, testingPause,
                partition -> List.of(new RunStillStarted(jdbc, partition.getJobExecutionId()), new WorkerFailure(host, version, jobs, this::nightOf, locale)));
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        Object sentBy = message.getMessageProperties().getHeaders().get(RemotePartitioning.VERSION);
        Optional<Long> id = stepExecutionId(message);
        if (!version.equals(String.valueOf(sentBy))) {
            Detail why = Detail.of("operator.worker.other.release", host, version, sentBy, RemotePartitioning.DEAD_LETTERS);
            say(Bundles.text(locale, why));
            id.map(jobs::getStepExecution).filter(s -> s.getStatus().isRunning()).ifPresent(s -> fail(s, why));
            deadLetter(message);
            channel.basicAck(tag, false);
            return;
        }
        if (id.isEmpty()) {
            say(Bundles.text(locale, "operator.worker.not.a.request", RemotePartitioning.STEP_EXECUTION_ID));
            channel.basicReject(tag, false);
            return;
        }
        StepExecution partition = jobs.getStepExecution(id.get());
        Optional<Detail> stale = stale(partition, id.get());
        if (stale.isPresent()) {
            say(Bundles.text(locale, "operator.worker.stale", Bundles.text(locale, stale.get())));
            channel.basicAck(tag, false);
            return;
        }
        say(Bundles.text(locale, partition.getStatus() == BatchStatus.STARTED ? "operator.worker.resumes" : "operator.worker.takes",
                partition.getStepName(), String.valueOf(partition.getJobExecution().getJobInstanceId())));
        try {
            step.execute(partition);
        } catch (Exception e) {
            // AbstractStep records its own failures; this is one it could not record
            say(Bundles.text(locale, "operator.worker.stopped", partition.getStepName(), String.valueOf(e)));
        }
        say(Bundles.text(locale, "operator.worker.ended", partition.getStepName(), partition.getStatus().name(),
                String.valueOf(partition.getReadCount())));
        channel.basicAck(tag, false);
    }

    private Optional<Long> stepExecutionId(Message message) {
        try {
            JsonNode request = json.readTree(message.getBody());
            JsonNode id = request.get(RemotePartitioning.STEP_EXECUTION_ID);
            return id != null && id.canConvertToLong() ? Optional.of(id.asLong()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void say(String line) {
        out.println(Bundles.text(locale, "operator.worker", host, line));
    }

    private static Optional<Detail> stale(StepExecution partition, long id) {
        if (partition == null) {
            return Optional.of(Detail.of("operator.stale.unknown", id));
        }
        if (partition.getStatus() == BatchStatus.COMPLETED) {
            return Optional.of(Detail.of("operator.stale.completed", partition.getStepName(), id));
        }
        BatchStatus run = partition.getJobExecution().getStatus();
        if (run != BatchStatus.STARTED) {
            return Optional.of(Detail.of("operator.stale.run.ended", partition.getStepName(), id, partition.getJobExecutionId(), run));
        }
        return Optional.empty();
    }

    /** The partition FAILED with why, kept in its context as data so that the manager words it in its own language. */
    private void fail(StepExecution partition, Detail why) {
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(Bundles.text(Locale.ENGLISH, why)));
        partition.setEndTime(LocalDateTime.now());
        partition.getExecutionContext().putString(RemotePartitioning.WORKER_FAILURE, why.stored());
        jobs.updateExecutionContext(partition);
        jobs.update(partition);
    }

    private void deadLetter(Message message) {
        MessageProperties properties = message.getMessageProperties();
        properties.setHeader(RemotePartitioning.REJECTED_BY_VERSION, version);
        properties.setHeader(RemotePartitioning.REJECTED_BY_HOST, host);
        rabbit.send("", RemotePartitioning.DEAD_LETTERS, new Message(message.getBody(), properties));
    }

    /** The files, reference data and period of the partition's run, from the folders its manager was started with. */
    private Night nightOf(StepExecution partition) {
        JobExecution run = jobs.getJobExecution(partition.getJobExecutionId());
        Path input = Path.of(run.getExecutionContext().getString(Night.INPUT));
        String period = run.getJobParameters().getString(Night.PERIOD);
        return new Night(period, input, null, null, ReferenceData.load(input.resolve("reference")), Map.of(), null, null, null, null);
    }

    /** Stops a partition before it stores a chunk once its run is no longer STARTED (its manager gave up on it or was restarted). */
    private record RunStillStarted(JdbcTemplate jdbc, long jobExecutionId) implements ItemWriteListener<RowOutcome> {
        @Override
        public void beforeWrite(Chunk<? extends RowOutcome> items) {
            String status = jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class, jobExecutionId);
            if (!BatchStatus.STARTED.name().equals(status)) {
                throw new IllegalStateException("job execution " + jobExecutionId + " is " + status + ", no longer STARTED: its manager"
                        + " gave up on it or was restarted, so this partition stops here; the restarted run reads it again");
            }
        }
    }

    /**
     * Why a partition failed, naming the worker's host and release and the folder it read, in the partition's context
     * (its exit description is Spring Batch's stack trace, cut at the column's length).
     */
    private record WorkerFailure(String host, String version, JobRepository jobs, Function<StepExecution, Night> nightOf, Locale locale)
            implements StepExecutionListener {
        @Override
        public ExitStatus afterStep(StepExecution partition) {
            if (partition.getStatus() != BatchStatus.FAILED) {
                return null;
            }
            String causes = partition.getFailureExceptions().stream().map(e -> NightlyRun.rootMessage(e, locale))
                    .collect(Collectors.joining("; "));
            partition.getExecutionContext().putString(RemotePartitioning.WORKER_FAILURE, Detail.of("operator.worker.failed", host, version,
                    partition.getStepName(), nightOf.apply(partition).submissionFolder().toAbsolutePath(), causes).stored());
            jobs.updateExecutionContext(partition);
            return null;
        }
    }
}
