package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.wording.Bundles;
import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.wording.WordedException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The manager's readAndValidateSubmissions, when it fails, says why in the workers' words: each partition that a worker
 * failed with its exit description (which names the worker's host, and the path or the versions), and each partition
 * that no worker ended within {@code reconciliation.partition-timeout}. The partitions are read from the job repository,
 * where the workers recorded them.
 */
record RemotePartitionsEnded(JobRepository jobs, Duration timeout) implements StepExecutionListener {

    /** The manager's run fails with what the workers recorded (each partition's name and why), worded in the manager's language. */
    static final class PartitionsFailed extends WordedException {
        private final List<Map.Entry<String, Detail>> why;

        PartitionsFailed(List<Map.Entry<String, Detail>> why) {
            super("", 0, Detail.NONE, Detail.NONE, null);
            this.why = List.copyOf(why);
        }

        @Override
        public String worded(Locale locale) {
            return why.stream().map(w -> w.getKey().isEmpty() ? Bundles.text(locale, w.getValue())
                    : w.getKey() + ": " + Bundles.text(locale, w.getValue())).collect(Collectors.joining("; "));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        if (manager.getStatus() != BatchStatus.FAILED) {
            return null;
        }
        List<Map.Entry<String, Detail>> why = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        for (StepExecution partition : jobs.getJobExecution(manager.getJobExecutionId()).getStepExecutions()) {
            if (!partition.getStepName().startsWith(ReadAndValidateFiles.NAME + ":")) {
                continue;
            }
            if (partition.getStatus() == BatchStatus.FAILED) {
                StepExecution stored = jobs.getStepExecution(partition.getId());
                String description = partition.getExitStatus().getExitDescription();
                String recorded = stored.getExecutionContext().getString(RemotePartitioning.WORKER_FAILURE, null);
                why.add(Map.entry(partition.getStepName(), recorded != null ? Detail.fromStored(recorded)
                        : Detail.literal(description.lines().findFirst().orElse(description))));
            } else if (partition.getStatus().isRunning()) {
                unfinished.add(partition.getStepName() + " " + partition.getStatus());
                // the run can be started again only once none of its steps is running; a worker still on it stops at its next chunk
                partition.setStatus(BatchStatus.FAILED);
                partition.setExitStatus(ExitStatus.FAILED.addExitDescription("no worker ended it within --"
                        + RemotePartitioning.TIMEOUT_SETTING + "=" + timeout));
                partition.setEndTime(LocalDateTime.now());
                jobs.update(partition);
            }
        }
        if (!unfinished.isEmpty()) {
            why.add(Map.entry("", Detail.of("operator.partitions.unfinished", String.join(", ", unfinished),
                    RemotePartitioning.TIMEOUT_SETTING + "=" + timeout, Role.SETTING)));
        }
        if (!why.isEmpty()) {
            manager.addFailureException(new PartitionsFailed(why));
        }
        return null;
    }
}
