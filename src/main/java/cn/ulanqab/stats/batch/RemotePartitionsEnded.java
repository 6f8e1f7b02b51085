package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.ConfigurationException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The manager's readAndValidateSubmissions, when it fails, says why in the workers' words: each partition that a worker
 * failed with its exit description (which names the worker's host, and the path or the versions), and each partition
 * that no worker ended within {@code reconciliation.partition-timeout}. The partitions are read from the job repository,
 * where the workers recorded them.
 */
record RemotePartitionsEnded(JobRepository jobs, Duration timeout) implements StepExecutionListener {

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        if (manager.getStatus() != BatchStatus.FAILED) {
            return null;
        }
        List<String> why = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        for (StepExecution partition : jobs.getJobExecution(manager.getJobExecutionId()).getStepExecutions()) {
            if (!partition.getStepName().startsWith(ReadAndValidateFiles.NAME + ":")) {
                continue;
            }
            if (partition.getStatus() == BatchStatus.FAILED) {
                StepExecution stored = jobs.getStepExecution(partition.getId());
                String description = partition.getExitStatus().getExitDescription();
                why.add(partition.getStepName() + ": " + stored.getExecutionContext().getString(RemotePartitioning.WORKER_FAILURE,
                        description.lines().findFirst().orElse(description)));
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
            why.add("no worker ended " + String.join(", ", unfinished) + " within --" + RemotePartitioning.TIMEOUT_SETTING + "="
                    + timeout + ". Fix: start workers (--" + Role.SETTING + "=worker, the same jar) that reach RabbitMQ"
                    + " and this database, then start the job again: the partitions that completed are kept");
        }
        if (!why.isEmpty()) {
            manager.addFailureException(new ConfigurationException(String.join("; ", why)));
        }
        return null;
    }
}
