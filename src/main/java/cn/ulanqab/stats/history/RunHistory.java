package cn.ulanqab.stats.history;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;

/** Finds the run before this one: the latest completed run of the same period that started earlier. */
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

    private static boolean completedFor(JobExecution execution, String period) {
        return execution != null && execution.getStatus() == BatchStatus.COMPLETED
                && Objects.equals(execution.getJobParameters().getString("period"), period);
    }
}
