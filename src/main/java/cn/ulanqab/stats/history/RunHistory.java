package cn.ulanqab.stats.history;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * The latest completed run of each of these periods that has one (period label to run), for the runs of earlier
     * periods of a year.
     */
    public Map<String, Long> latestCompletedRuns(Collection<String> periods) {
        Map<String, Long> latest = new HashMap<>();
        jobs.getJobNames().stream().flatMap(name -> jobs.findJobInstances(name).stream()).forEach(instance -> {
            JobExecution execution = jobs.getLastJobExecution(instance);
            if (execution != null && execution.getStatus() == BatchStatus.COMPLETED) {
                String period = execution.getJobParameters().getString("period");
                if (period != null && periods.contains(period)) {
                    latest.merge(period, instance.getInstanceId(), Math::max);
                }
            }
        });
        return latest;
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
