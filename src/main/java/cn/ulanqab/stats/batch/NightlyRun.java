package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.database.RunControl;
import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.history.NightArchive;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.reconciliation.ReconciliationStore;
import cn.ulanqab.stats.report.FindingView;
import cn.ulanqab.stats.report.OutputWriter;
import cn.ulanqab.stats.report.RunSummary;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts, resumes or repeats the night's run as an operator expects and turns its outcome into the exit
 * status: 0 all printed figures match, 1 findings, 2 the job could not do its work.
 */
@Component
public class NightlyRun {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final OutputWriter outputs;
    private final ReconciliationStore reconciliations;
    private final ClaimSettings claims;
    private final ZoneId zone;
    private final int keepRuns;
    private final MessageSource messages;
    private final Locale locale;
    private final RunControl runControl;
    private final CurrentNight tonight;
    private final String databaseUrl;
    private final PrintStream out = System.out;

    /** How a night ended: its exit status and the sentence that says why (for the console and last-run.json). */
    public record Outcome(int exitStatus, String message) {
    }

    public NightlyRun(JobOperator jobOperator, JobRepository jobRepository, Job nightlyReconciliation, OutputWriter outputs,
                      ReconciliationStore reconciliations, RunControl runControl, CurrentNight tonight,
                      @Value("${reconciliation.claims.nearly-band}") BigDecimal nearlyBand,
                      @Value("${reconciliation.claims.about-tolerance}") BigDecimal aboutTolerance,
                      @Value("${spring.datasource.url}") String databaseUrl,
                      @Value("${reconciliation.zone}") String zone, @Value("${reconciliation.keep-runs}") String keepRuns,
                      @Value("${reconciliation.language:zh}") String language, MessageSource messages) {
        this.zone = RunOptions.zone(zone);
        this.keepRuns = RunOptions.keepRuns(keepRuns);
        this.messages = messages;
        this.locale = Locale.forLanguageTag(language);
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = nightlyReconciliation;
        this.outputs = outputs;
        this.reconciliations = reconciliations;
        this.runControl = runControl;
        this.claims = new ClaimSettings(nearlyBand, aboutTolerance);
        this.tonight = tonight;
        this.databaseUrl = databaseUrl;
    }

    public Outcome run(RunOptions options) throws Exception {
        StringBuilder holder = new StringBuilder();
        Optional<RunControl.Held> lock = runControl.tryAcquire(options.period(), holder);
        if (lock.isEmpty()) {
            String message = "cannot start: another run (" + holder + ") holds the run lock of " + runControl.database().describe()
                    + ". Fix: wait for it to finish; nothing was read or changed by this start";
            System.err.println(message);
            return new Outcome(2, message);
        }
        try (RunControl.Held held = lock.get()) {
            return runHoldingTheLock(options, held);
        }
    }

    private Outcome runHoldingTheLock(RunOptions options, RunControl.Held held) throws Exception {
        Night night = Night.load(options.period(), options.input(), options.output(), claims, options.report());
        tonight.set(night);
        String fingerprint = InputFingerprint.of(night);
        JobParameters parameters = night.toJobParameters(fingerprint);
        JobExecution last = jobRepository.getLastJobExecution(NightlyReconciliationJobConfig.JOB_NAME, parameters);
        String cityName = night.reference().registry().city().nameZh();
        out.printf(Locale.ROOT, "%s %s: input fingerprint %s%n", cityName, night.period(), fingerprint.substring(0, 12));
        JobExecution execution;
        if (last == null) {
            out.println("starting a new run");
            execution = jobOperator.start(job, parameters);
        } else if (last.getStatus() == BatchStatus.COMPLETED) {
            long runId = last.getJobInstanceId();
            out.printf(Locale.ROOT, "already reconciled: run %d completed %s on this same input; nothing is counted again, the outputs are written again%n",
                    runId, inZone(last.getEndTime(), zone).withNano(0));
            RunSummary summary = outputs.write(runId, night.period(), night.reference(), night.published(), night.outputFolder(),
                    inZone(last.getStartTime(), zone), night.reportCheck());
            return report(summary, night, keepInHistory(night, runId, fingerprint));
        } else {
            if (last.getStatus().isRunning()) {
                out.printf(Locale.ROOT, "run %d was left %s by a process that is gone (this one holds the run lock of %s): recovering it%n",
                        last.getJobInstanceId(), last.getStatus(), held.where().orElse("the database"));
                last = jobOperator.recover(last);
            }
            out.printf(Locale.ROOT, "resuming run %d, which ended %s, from its last committed work%n", last.getJobInstanceId(), last.getStatus());
            sayWhenResumedElsewhere(last, night);
            execution = jobOperator.restart(last);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            List<Throwable> failures = new ArrayList<>(execution.getFailureExceptions());
            execution.getStepExecutions().forEach(s -> failures.addAll(s.getFailureExceptions()));
            StorageTrouble.Place place = new StorageTrouble.Place(databaseUrl, night.output());
            Optional<String> storage = failures.stream().map(e -> StorageTrouble.explain(e, place)).flatMap(Optional::stream).findFirst();
            StringBuilder lines = new StringBuilder();
            if (storage.isPresent()) {
                lines.append("the run ").append(execution.getJobInstanceId()).append(" stopped: ").append(storage.get());
            } else {
                lines.append("the run ").append(execution.getJobInstanceId()).append(" ended ").append(execution.getStatus())
                        .append("; the next start with the same input resumes it.");
                execution.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED)
                        .forEach(s -> lines.append(System.lineSeparator()).append("  step ").append(s.getStepName()).append(" failed: ")
                                .append(s.getFailureExceptions().stream().map(NightlyRun::rootMessage).collect(Collectors.joining("; "))));
                execution.getFailureExceptions().forEach(e -> lines.append(System.lineSeparator()).append("  ").append(rootMessage(e)));
            }
            System.err.println(lines + FailureLog.record(night.output(), lines.toString(), failures));
            return new Outcome(2, lines.toString());
        }
        long runId = execution.getJobInstanceId();
        Path kept = keepInHistory(night, runId, fingerprint);
        return report(outputs.summary(runId, night.period(), night.reference(), night.reportCheck()), night, kept);
    }

    /** A Spring Batch time (a local date-time of this machine) in the bureau's zone. */
    static OffsetDateTime inZone(LocalDateTime machineTime, ZoneId zone) {
        return machineTime.atZone(ZoneId.systemDefault()).withZoneSameInstant(zone).toOffsetDateTime();
    }

    /** Keeps the completed night's report, workbook and summary in the history and lists it in the index. */
    private Path keepInHistory(Night night, long runId, String fingerprint) {
        NightArchive archive = new NightArchive(night.output(), zone, keepRuns, messages, locale);
        return archive.keep(night.outputFolder(), night.period(), runId, fingerprint, night.reference().registry().city().nameZh());
    }

    /** A run resumes with the folders given now; the console says so when they are not those it was started with. */
    private void sayWhenResumedElsewhere(JobExecution last, Night night) {
        var context = last.getExecutionContext();
        String input = night.input().toAbsolutePath().normalize().toString();
        String output = night.output().toAbsolutePath().normalize().toString();
        if (context.containsKey(Night.INPUT) && !input.equals(context.getString(Night.INPUT))) {
            out.printf("  it was started with --input=%s; it now reads %s%n", context.getString(Night.INPUT), input);
        }
        if (context.containsKey(Night.OUTPUT) && !output.equals(context.getString(Night.OUTPUT))) {
            out.printf("  it was started with --output=%s; its outputs now go to %s%n", context.getString(Night.OUTPUT),
                    night.outputFolder().toAbsolutePath().normalize());
        }
    }

    /** The console lists this many findings, the worst first; the outputs have them all. */
    static final int CONSOLE_FINDINGS = 100;

    /** @param kept the night's folder in the history */
    private Outcome report(RunSummary s, Night night, Path kept) {
        out.printf(Locale.ROOT, "run %d%n", s.runId());
        out.printf(Locale.ROOT, "  files:   %s%n", s.files().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> Numbers.grouped(e.getValue()) + " " + e.getKey()).collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "  rows:    %,d read, %,d accepted, %,d rejected%n", s.rowsRead(), s.rowsAccepted(), s.rowsRejected());
        if (s.hasReviews()) {
            out.printf(Locale.ROOT, "  reviews: %d lines applied, %d rejected%s%n", s.reviewsAccepted(), s.reviewsRejected(),
                    s.reviewsRejected() > 0 ? " (why: rejected-rows.csv, file reviews/" + night.period() + ".csv)" : "");
        }
        out.printf(Locale.ROOT, "  figures: %s%n", s.figures().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> Numbers.grouped(e.getValue()) + " " + e.getKey()).collect(Collectors.joining(", ")));
        List<ReconciliationLine> findings = reconciliations.lines(s.runId()).stream().filter(l -> l.status().isFinding())
                .sorted(FindingView.SEVERITY).toList();
        var registry = night.reference().registry();
        for (ReconciliationLine l : findings.subList(0, Math.min(findings.size(), CONSOLE_FINDINGS))) {
            String region = registry.singleCity() || l.regionCode() == null ? ""
                    : " in " + registry.find(l.regionCode()).map(r -> r.nameZh() + " ").orElse("") + l.regionCode();
            out.printf(Locale.ROOT, "    %-10s %s %s%s: printed %s, %s %s%s%n", l.status(), l.indicatorCode(), l.nameZh(), region,
                    l.publishedText(), l.status() == Status.INCOMPLETE ? "partial total (counties missing)" : "reported total", l.cityTotal() == null ? "none (nothing reported)" : Numbers.grouped(l.cityTotal()) + " " + l.unit()
                            + (l.asPrinted() == null ? "" : " (" + l.asPrinted() + ")"),
                    l.review() == null ? "" : l.excused() ? " [excused: " + l.review().disposition() + " by " + l.review().reviewer() + "]"
                            : l.reviewStale() ? " [review stale: written against " + Numbers.plain(l.review().cityTotal()) + "]"
                            : " [" + l.review().disposition() + " by " + l.review().reviewer() + "]");
        }
        if (findings.size() > CONSOLE_FINDINGS) {
            out.printf(Locale.ROOT, "    … and %d more findings in reconciliation.csv and report.html%n", findings.size() - CONSOLE_FINDINGS);
        }
        if (night.reportCheck() == null) {
            out.println("  report:  no --report given, so the published file was not checked against the report");
        } else {
            List<PublishedCheck.Line> check = night.reportCheck();
            out.printf(Locale.ROOT, "  report:  %s: %d of %d published figures agree with the print, %d findings%n", night.report().getFileName(),
                    check.stream().filter(c -> c.status() == PublishedCheck.Status.AGREES).count(), check.size(), s.reportFindings());
            check.stream().filter(c -> c.status().isFinding()).forEach(c ->
                    out.printf(Locale.ROOT, "    %-19s %s: %s%n", c.status(), c.indicatorCode(), c.message()));
        }
        out.printf(Locale.ROOT, "  outputs: %s%n", night.outputFolder().toAbsolutePath().normalize());
        out.printf(Locale.ROOT, "  history: %s (%s lists every night kept)%n", kept.toAbsolutePath().normalize(),
                night.output().resolve(NightArchive.INDEX).toAbsolutePath().normalize());
        String verdict = s.exitStatus() == 0 ? "every printed figure matches"
                : Numbers.grouped(s.findings()) + " findings to review in report.html and reconciliation.csv"
                        + (s.excusedFindings() > 0 ? " (" + Numbers.grouped(s.excusedFindings()) + " more excused by reviews)" : "");
        out.printf(Locale.ROOT, "exit status %d: %s%n", s.exitStatus(), verdict);
        return new Outcome(s.exitStatus(), verdict);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof ConfigurationException ? root.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
