package cn.ulanqab.stats.history;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;

/** What the job repository knows of past runs: the run before this one (the latest completed run of the same period that
 * started earlier), and a run's input fingerprint. */
@Component
public class RunHistory {

    private final JobRepository jobs;

    public RunHistory(JobRepository jobs) {
        this.jobs = jobs;
    }

    public Optional<Long> previousRun(long runId, String period) {
        return jobs.getJobNames().stream().flatMap(name -> jobs.findJobInstances(name).stream())
                .map(JobInstance::getInstanceId)
                .filter(id -> id < runId)
                .filter(id -> completedFor(jobs.getLastJobExecution(jobs.getJobInstance(id)), period))
                .max(Long::compare);
    }

    /** The input fingerprint a run was started with (the job parameter the batch package sets), or null. */
    public String fingerprint(long runId) {
        JobInstance instance = jobs.getJobInstance(runId);
        JobExecution execution = instance == null ? null : jobs.getLastJobExecution(instance);
        return execution == null ? null : execution.getJobParameters().getString("fingerprint");
    }

    private static boolean completedFor(JobExecution execution, String period) {
        return execution != null && execution.getStatus() == BatchStatus.COMPLETED
                && Objects.equals(execution.getJobParameters().getString("period"), period);
    }
}
