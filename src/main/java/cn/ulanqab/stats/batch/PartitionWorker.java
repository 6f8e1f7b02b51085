package cn.ulanqab.stats.batch;

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

    PartitionWorker(JobRepository jobs, PlatformTransactionManager tm, SubmissionStore store, RabbitTemplate rabbit, String jarVersion,
                    JdbcTemplate jdbc,
                    @Value("${reconciliation.testing.pause-after-chunk-ms:0}") long testingPause,
                    @Value("${reconciliation.chunk-size:" + NightlyReconciliationJobConfig.CHUNK_SIZE + "}") int chunkSize) {
        this.jobs = jobs;
        this.rabbit = rabbit;
        this.version = jarVersion;
        this.step = new ReadAndValidateFiles(store, this::nightOf, jobs, tm, chunkSize, testingPause,
                partition -> List.of(new RunStillStarted(jdbc, partition.getJobExecutionId()), new WorkerFailure(host, version, jobs, this::nightOf)));
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        Object sentBy = message.getMessageProperties().getHeaders().get(RemotePartitioning.VERSION);
        Optional<Long> id = stepExecutionId(message);
        if (!version.equals(String.valueOf(sentBy))) {
            String why = "the worker on " + host + " runs release " + version + " of reconciliation.jar but the manager sent"
                    + " its partition request from release " + sentBy + ", so the worker did not run it and put it on the queue "
                    + RemotePartitioning.DEAD_LETTERS + ". Fix: run the same reconciliation.jar on the manager and on every worker,"
                    + " then start the job again";
            out.println("worker " + host + ": " + why);
            id.map(jobs::getStepExecution).filter(s -> s.getStatus().isRunning()).ifPresent(s -> fail(s, why));
            deadLetter(message);
            channel.basicAck(tag, false);
            return;
        }
        if (id.isEmpty()) {
            out.println("worker " + host + ": a partition request that is not one (no " + RemotePartitioning.STEP_EXECUTION_ID
                    + "): dead-lettered");
            channel.basicReject(tag, false);
            return;
        }
        StepExecution partition = jobs.getStepExecution(id.get());
        Optional<String> stale = stale(partition, id.get());
        if (stale.isPresent()) {
            out.println("worker " + host + ": dropped a stale request: " + stale.get());
            channel.basicAck(tag, false);
            return;
        }
        out.println("worker " + host + ": " + partition.getStepName() + " of run " + partition.getJobExecution().getJobInstanceId()
                + (partition.getStatus() == BatchStatus.STARTED ? " again, from its last commit" : ""));
        try {
            step.execute(partition);
        } catch (Exception e) {
            // AbstractStep records its own failures; this is one it could not record
            out.println("worker " + host + ": " + partition.getStepName() + " stopped: " + e);
        }
        out.println("worker " + host + ": " + partition.getStepName() + " " + partition.getStatus() + ", " + partition.getReadCount()
                + " rows read");
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

    private static Optional<String> stale(StepExecution partition, long id) {
        if (partition == null) {
            return Optional.of("step execution " + id + " is not in this job repository");
        }
        if (partition.getStatus() == BatchStatus.COMPLETED) {
            return Optional.of(partition.getStepName() + " (step execution " + id + ") is already COMPLETED");
        }
        BatchStatus run = partition.getJobExecution().getStatus();
        if (run != BatchStatus.STARTED) {
            return Optional.of(partition.getStepName() + " (step execution " + id + ") belongs to job execution "
                    + partition.getJobExecutionId() + ", which is " + run + ", not STARTED");
        }
        return Optional.empty();
    }

    private void fail(StepExecution partition, String why) {
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        partition.setEndTime(LocalDateTime.now());
        partition.getExecutionContext().putString(RemotePartitioning.WORKER_FAILURE, why);
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
    private record WorkerFailure(String host, String version, JobRepository jobs, Function<StepExecution, Night> nightOf)
            implements StepExecutionListener {
        @Override
        public ExitStatus afterStep(StepExecution partition) {
            if (partition.getStatus() != BatchStatus.FAILED) {
                return null;
            }
            String causes = partition.getFailureExceptions().stream().map(NightlyRun::rootMessage).collect(Collectors.joining("; "));
            partition.getExecutionContext().putString(RemotePartitioning.WORKER_FAILURE, "the worker on " + host + " (release " + version
                    + ") could not finish " + partition.getStepName() + ", reading " + nightOf.apply(partition).submissionFolder().toAbsolutePath()
                    + ": " + causes + ". Fix: make the input folder readable at this path on every worker (a shared mount), then start"
                    + " the job again: the partitions that completed are kept");
            jobs.updateExecutionContext(partition);
            return null;
        }
    }
}
