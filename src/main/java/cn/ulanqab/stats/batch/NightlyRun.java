package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.database.RunControl;
import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.history.NightArchive;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.reconciliation.ReconciliationStore;
import cn.ulanqab.stats.history.Change;
import cn.ulanqab.stats.report.CauseWords;
import cn.ulanqab.stats.report.ChangeWords;
import cn.ulanqab.stats.report.FindingView;
import cn.ulanqab.stats.report.OutputWriter;
import cn.ulanqab.stats.report.RunSummary;
import cn.ulanqab.stats.report.TargetChart;
import cn.ulanqab.stats.report.TargetWords;
import cn.ulanqab.stats.report.Wording;
import cn.ulanqab.stats.targets.TargetResult;
import cn.ulanqab.stats.targets.TargetStatus;
import cn.ulanqab.stats.targets.TargetTracking;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import cn.ulanqab.stats.wording.Bundles;
import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.wording.WordedException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

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
    private final RunControl runControl;
    private final CurrentNight tonight;
    private final String databaseUrl;
    private final Wording words;
    private final ZoneId zone;
    private final int keepRuns;
    private final MessageSource messages;
    private final Locale locale;
    private final TargetTracking targets;
    private final PrintStream out = System.out;

    /** How a night ended: its exit status and the sentence that says why (for the console and last-run.json). */
    public record Outcome(int exitStatus, String message) {
    }

    public NightlyRun(JobOperator jobOperator, JobRepository jobRepository, Job nightlyReconciliation, OutputWriter outputs,
                      ReconciliationStore reconciliations, RunControl runControl, CurrentNight tonight, Wording words,
                      TargetTracking targets,
                      @Value("${reconciliation.claims.nearly-band}") BigDecimal nearlyBand,
                      @Value("${reconciliation.claims.about-tolerance}") BigDecimal aboutTolerance,
                      @Value("${spring.datasource.url}") String databaseUrl,
                      @Value("${reconciliation.zone}") String zone, @Value("${reconciliation.keep-runs}") String keepRuns,
                      @Value("${reconciliation.language:zh}") String language, MessageSource messages) {
        this.words = words;
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
        this.targets = targets;
    }

    public Outcome run(RunOptions options) throws Exception {
        AtomicReference<Detail> holder = new AtomicReference<>();
        Optional<RunControl.Held> lock = runControl.tryAcquire(options.period(), holder);
        if (lock.isEmpty()) {
            String message = words.get("operator.cannot.start", words.get("operator.run.lock.held", Bundles.text(locale, holder.get()),
                    runControl.database().describe()));
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
        out.println(words.get("console.fingerprint", cityName, night.period(), fingerprint.substring(0, 12)));
        JobExecution execution;
        if (last == null) {
            out.println(words.get("console.new.run"));
            execution = jobOperator.start(job, parameters);
        } else if (last.getStatus() == BatchStatus.COMPLETED) {
            long runId = last.getJobInstanceId();
            out.println(words.get("console.already", String.valueOf(runId),
                    words.time(inZone(last.getEndTime(), zone).withNano(0))));
            RunSummary summary = outputs.write(runId, night.period(), night.reference(), night.published(), night.outputFolder(),
                    inZone(last.getStartTime(), zone), night.reportCheck(), night.submissionFolder(), night.trackTargets(targets, runId));
            return report(summary, night, keepInHistory(night, runId, fingerprint));
        } else {
            if (last.getStatus().isRunning()) {
                out.println(words.get("console.recovering", String.valueOf(last.getJobInstanceId()), last.getStatus(),
                        held.where().orElse(words.get("console.the.database"))));
                last = jobOperator.recover(last);
            }
            out.println(words.get("console.resuming", String.valueOf(last.getJobInstanceId()), last.getStatus()));
            sayWhenResumedElsewhere(last, night);
            execution = jobOperator.restart(last);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            List<Throwable> failures = new ArrayList<>(execution.getFailureExceptions());
            execution.getStepExecutions().forEach(s -> failures.addAll(s.getFailureExceptions()));
            StorageTrouble.Place place = new StorageTrouble.Place(databaseUrl, night.output());
            Optional<String> storage = failures.stream().map(e -> StorageTrouble.explain(e, place, locale)).flatMap(Optional::stream).findFirst();
            StringBuilder lines = new StringBuilder();
            if (storage.isPresent()) {
                lines.append(words.get("operator.run.stopped", String.valueOf(execution.getJobInstanceId()), storage.get()));
            } else {
                lines.append(words.get("console.failed", String.valueOf(execution.getJobInstanceId()), execution.getStatus()));
                execution.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED)
                        .forEach(s -> lines.append(System.lineSeparator()).append("  ").append(words.get("console.step.failed",
                                s.getStepName(), s.getFailureExceptions().stream().map(this::rootMessage).collect(Collectors.joining("; ")))));
                execution.getFailureExceptions().forEach(e -> lines.append(System.lineSeparator()).append("  ").append(rootMessage(e)));
            }
            System.err.println(lines + FailureLog.record(night.output(), lines.toString(), failures, locale));
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
            out.println("  " + words.get("operator.resumed.input", context.getString(Night.INPUT), input));
        }
        if (context.containsKey(Night.OUTPUT) && !output.equals(context.getString(Night.OUTPUT))) {
            out.println("  " + words.get("operator.resumed.output", context.getString(Night.OUTPUT),
                    night.outputFolder().toAbsolutePath().normalize()));
        }
    }

    /** The console lists this many findings, the worst first; the outputs have them all. */
    static final int CONSOLE_FINDINGS = 100;

    /** @param kept the night's folder in the history */
    private Outcome report(RunSummary s, Night night, Path kept) {
        out.println(words.get("console.run", String.valueOf(s.runId())));
        out.println("  " + words.get("console.files", s.files().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> count(e.getValue()) + " " + e.getKey()).collect(Collectors.joining(", "))));
        out.println("  " + words.get("console.rows", count(s.rowsRead()), count(s.rowsAccepted()), count(s.rowsRejected())));
        if (s.hasReviews()) {
            out.println("  " + words.get("console.reviews", s.reviewsAccepted(), s.reviewsRejected())
                    + (s.reviewsRejected() > 0 ? words.get("console.reviews.why", night.period()) : ""));
        }
        out.println("  " + words.get("console.figures", s.figures().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> count(e.getValue()) + " " + e.getKey()).collect(Collectors.joining(", "))));
        List<Change> changedTonight = outputs.tonight(s.runId());
        if (!changedTonight.isEmpty()) {
            out.println("  " + words.get("console.tonight"));
            ChangeWords changeWords = new ChangeWords(new CauseWords(words, night.reference()));
            changedTonight.forEach(c -> out.println("    " + words.get("console.change", changeWords.kind(c), changeWords.subject(c), changeWords.note(c))));
        }
        // the lines the outputs were just written from, rather than a second copy of every line of a large night
        List<ReconciliationLine> lines = outputs.written(s.runId()).map(OutputWriter.NightReport::lines)
                .orElseGet(() -> reconciliations.lines(s.runId()));
        List<ReconciliationLine> findings = lines.stream().filter(l -> l.status().isFinding())
                .sorted(FindingView.SEVERITY).toList();
        var registry = night.reference().registry();
        for (ReconciliationLine l : findings.subList(0, Math.min(findings.size(), CONSOLE_FINDINGS))) {
            String region = registry.singleCity() || l.regionCode() == null ? ""
                    : words.get("console.finding.region", registry.find(l.regionCode()).map(r -> r.nameZh() + " ").orElse("") + l.regionCode());
            String base = l.baseTotal() == null ? "" : words.get("console.base", words.number(l.baseTotal()), l.unit());
            String total = l.cityTotal() == null ? words.get("console.total.none") + base
                    : words.number(l.cityTotal()) + " " + l.unit() + base + (l.asPrinted() == null ? "" : " (" + l.asPrinted() + ")");
            String review = l.review() == null ? ""
                    : l.excused() ? words.get("console.review.excused", words.word("disposition.", l.review().disposition()), l.review().reviewer())
                    : l.reviewStale() ? words.get("console.review.stale", l.review().cityTotal())
                    : words.get("console.review.current", words.word("disposition.", l.review().disposition()), l.review().reviewer());
            out.printf("    %-10s %s%n", l.status(), words.get("console.finding", "", l.indicatorCode(), l.nameZh(), region,
                    l.publishedText(), words.get(l.status() == Status.INCOMPLETE && l.cityTotal() != null ? "console.total.partial"
                            : "console.total.full"), total, review).strip());
        }
        if (findings.size() > CONSOLE_FINDINGS) {
            out.println("    " + words.get("console.more", count(findings.size() - CONSOLE_FINDINGS)));
        }
        List<TargetResult> targets = outputs.written(s.runId()).map(OutputWriter.NightReport::targets).orElse(List.of());
        if (!targets.isEmpty()) {
            Map<TargetStatus, Long> byStatus = new EnumMap<>(TargetStatus.class);
            targets.forEach(t -> byStatus.merge(t.status(), 1L, Long::sum));
            out.println("  " + words.get("console.targets", byStatus.entrySet().stream()
                    .map(e -> count(e.getValue()) + " " + e.getKey()).collect(Collectors.joining(", "))));
            TargetWords targetWords = new TargetWords(new CauseWords(words, night.reference()));
            targets.stream().filter(t -> t.status() != TargetStatus.MET && t.status() != TargetStatus.ON_TRACK
                            && t.status() != TargetStatus.WITHIN).sorted(TargetWords.WORST_FIRST)
                    .forEach(t -> out.printf("    %-10s %s%n", t.status(), words.get("console.target", t.indicator().code(),
                            t.indicator().nameZh(), t.target().targetText(), TargetChart.of(t, targetWords, words).label())));
        }
        if (night.reportCheck() == null) {
            out.println("  " + words.get("console.report.none"));
        } else {
            List<PublishedCheck.Line> check = night.reportCheck();
            out.println("  " + words.get("console.report", night.report().getFileName(),
                    PublishedCheck.agreeing(check), PublishedCheck.published(check), s.reportFindings()));
            check.stream().filter(c -> c.status().isFinding()).forEach(c ->
                    out.printf("    %-19s %s: %s%n", c.status(), c.indicatorCode(),
                            words.get("cause.REPORT_CHECK." + c.status().name(), text(c.publishedText()), text(c.reportText()))));
        }
        out.println("  " + words.get("console.outputs", night.outputFolder().toAbsolutePath().normalize()));
        out.println("  " + words.get("console.history", kept.toAbsolutePath().normalize(),
                night.output().resolve(NightArchive.INDEX).toAbsolutePath().normalize()));
        String verdict = s.exitStatus() == 0 ? words.get(s.anyPublished() ? "console.exit.ok" : "console.exit.nothing.published", s.exitStatus())
                : words.get("console.exit.findings", s.exitStatus(), s.findings())
                        + (s.excusedFindings() > 0 ? words.get("console.exit.excused", count(s.excusedFindings())) : "");
        out.println(verdict);
        return new Outcome(s.exitStatus(), verdict);
    }

    private String count(long n) {
        return words.number(BigDecimal.valueOf(n));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private String rootMessage(Throwable e) {
        return rootMessage(e, locale);
    }

    /** What stopped a step: its own words when it says what went wrong and the fix, else the innermost failure as it is. */
    static String rootMessage(Throwable e, Locale locale) {
        Optional<WordedException> worded = WordedException.in(e);
        if (worded.isPresent()) {
            return worded.get().worded(locale);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
