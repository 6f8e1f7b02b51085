package cn.ulanqab.stats;

import cn.ulanqab.stats.batch.FailureLog;
import cn.ulanqab.stats.batch.LastRun;
import cn.ulanqab.stats.batch.NightlyRun;
import cn.ulanqab.stats.batch.OwnPaths;
import cn.ulanqab.stats.batch.PartitionWorkers;
import cn.ulanqab.stats.batch.Role;
import cn.ulanqab.stats.batch.RunLock;
import cn.ulanqab.stats.database.DatabaseUnavailableException;
import cn.ulanqab.stats.batch.RunOptions;
import cn.ulanqab.stats.batch.StorageTrouble;
import cn.ulanqab.stats.extraction.ExtractCommand;
import cn.ulanqab.stats.generator.GenerateCommand;
import cn.ulanqab.stats.report.OutputFolder;
import cn.ulanqab.stats.wording.Bundles;
import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.wording.WordedException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The nightly reconciliation job, and its extraction mode ({@code --extract}). Exit status, as {@code diff} does it: 0 every printed figure matches,
 * 1 findings to review, 2 the job could not do its work (never Spring Boot's 5).
 */
@SpringBootApplication
public class ReconciliationApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        if (RunOptions.asksForHelp(args)) {
            System.out.print(RunOptions.help(RunOptions.valueIn(args, "reconciliation.language", "zh")));
            return 0;
        }
        Locale locale = languageOf(args);
        RunOptions options;
        try {
            if (Role.of(RunOptions.valueIn(args, Role.SETTING, "standalone")) == Role.WORKER) {
                return PartitionWorkers.run(ReconciliationApplication.class, args);
            }
            Optional<GenerateCommand> generate = GenerateCommand.parse(args);
            if (generate.isPresent()) {
                // --generate writes a synthetic input and exits without starting the job
                return generate.get().run(System.out, System.err);
            }
            options = RunOptions.parse(args);
        } catch (ConfigurationException e) {
            String line = cannotStart(locale, e.worded(locale));
            System.err.println(line);
            if (RunOptions.valueIn(args, "generate", null) == null && RunOptions.valueIn(args, "extract", null) == null) {
                // a night that could not start: the scheduler reads it in last-run.json, if the output folder is there
                LastRun.refused(Path.of(RunOptions.valueIn(args, "output", "output")), RunOptions.valueIn(args, "period", "2023"),
                        zoneIn(args), line);
            }
            return 2;
        }
        if (options.extracting()) {
            // extraction mode: read the report, write the figures (and the published file); no job, no database
            return new ExtractCommand(System.out, locale)
                    .run(options.extract(), options.input(), options.output(), options.writePublished(), options.writeTargets());
        }
        AtomicReference<Detail> holder = new AtomicReference<>();
        Optional<RunLock> lock;
        try {
            OwnPaths.check(options, !explicitDatabase(args));
            lock = RunLock.tryAcquire(options.output(), holder);
        } catch (WordedException e) {
            System.err.println(cannotStart(locale, e.worded(locale)));
            return 2;
        }
        if (lock.isEmpty()) {
            // last-run.json is left alone: it tells the state of the run that holds the lock
            System.err.println(cannotStart(locale, Bundles.text(locale, "operator.lock.held", Bundles.text(locale, holder.get()),
                    options.output().resolve(RunLock.FILE_NAME))));
            return 2;
        }
        try (RunLock held = lock.get()) {
            Optional<LastRun> lastRun = Optional.empty();
            try {
                lastRun = Optional.of(LastRun.start(options.output(), options.period(), zoneIn(args)));
            } catch (UncheckedIOException e) {
                // the state file is for the scheduler; the night itself can still be done
                System.err.println(Bundles.text(locale, "operator.warning.last.run.start", options.output().resolve(LastRun.FILE),
                        String.valueOf(e.getCause().getMessage())));
            }
            NightlyRun.Outcome outcome = runLocked(options, locale, args);
            try {
                lastRun.ifPresent(run -> run.end(outcome.exitStatus(), outcome.message()));
            } catch (UncheckedIOException e) {
                if (outcome.exitStatus() != 2) {
                    // a failed night has said its one line (often the very reason, a full disk); the file stays STARTED
                    System.err.println(Bundles.text(locale, "operator.warning.last.run.end", options.output().resolve(LastRun.FILE),
                            String.valueOf(e.getCause().getMessage())));
                }
            }
            return outcome.exitStatus();
        }
    }

    /** The bureau's zone of the command line, or the default when it names none (or a wrong one, refused elsewhere). */
    private static ZoneId zoneIn(String... args) {
        try {
            return RunOptions.zone(RunOptions.valueIn(args, "reconciliation.zone", RunOptions.DEFAULT_ZONE));
        } catch (ConfigurationException e) {
            return ZoneId.of(RunOptions.DEFAULT_ZONE);
        }
    }

    /** The language of the operator's lines: reconciliation.language of the command line or the environment, Chinese by default. */
    private static Locale languageOf(String... args) {
        return Bundles.localeOf(RunOptions.valueIn(args, "reconciliation.language", System.getenv("RECONCILIATION_LANGUAGE")));
    }

    private static String cannotStart(Locale locale, String why) {
        return Bundles.text(locale, "operator.cannot.start", why);
    }

    private static boolean explicitDatabase(String... args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith("--spring.datasource.url="));
    }

    private static NightlyRun.Outcome runLocked(RunOptions options, Locale locale, String... args) {
        try {
            if (new OutputFolder(options.output().resolve(options.period())).recover()) {
                System.out.println(Bundles.text(locale, "operator.outputs.restored", options.output().resolve(options.period()),
                        "." + options.period() + ".previous"));
            }
        } catch (WordedException e) {
            return failed(cannotStart(locale, e.worded(locale)));
        } catch (UncheckedIOException e) {
            return failed(cannotStart(locale, Bundles.text(locale, "operator.outputs.not.restored", options.output().resolve(options.period()),
                    String.valueOf(e.getCause().getMessage()))));
        }
        SpringApplication app = new SpringApplication(ReconciliationApplication.class);
        // the console gets one line per problem: the stack traces go to FailureLog, the framework's warnings nowhere
        app.setDefaultProperties(Map.of("spring.datasource.url", options.defaultDatabaseUrl(), "logging.threshold.console", "OFF"));
        String databaseUrl = Arrays.stream(args).filter(a -> a.startsWith("--spring.datasource.url=")).reduce((a, b) -> b)
                .map(a -> a.substring("--spring.datasource.url=".length())).orElse(options.defaultDatabaseUrl());
        try (ConfigurableApplicationContext context = app.run(args)) {
            return context.getBean(NightlyRun.class).run(options);
        } catch (ConfigurationException e) {
            return failed(cannotStart(locale, e.worded(locale)));
        } catch (Exception e) {
            Throwable root = rootCause(e);
            Optional<String> storage = StorageTrouble.explain(e, new StorageTrouble.Place(databaseUrl, options.output()), locale);
            Optional<WordedException> explained = WordedException.in(e);
            String line;
            if (storage.isPresent()) {
                line = Bundles.text(locale, "operator.could.not.work", storage.get());
            } else if (explained.isPresent()) {
                line = explained.get() instanceof ConfigurationException || explained.get() instanceof DatabaseUnavailableException
                        ? cannotStart(locale, explained.get().worded(locale))
                        : Bundles.text(locale, "operator.could.not.work", explained.get().worded(locale));
            } else if (heldByAnotherProcess(e)) {
                line = cannotStart(locale, Bundles.text(locale, "operator.database.held", databaseUrl));
            } else {
                line = Bundles.text(locale, "operator.could.not.work", root.getClass().getSimpleName() + ": " + root.getMessage());
            }
            System.err.println(line + FailureLog.record(options.output(), line, List.of(e), locale));
            return new NightlyRun.Outcome(2, line);
        }
    }

    private static NightlyRun.Outcome failed(String message) {
        System.err.println(message);
        return new NightlyRun.Outcome(2, message);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** H2 refuses a database file another process has open with its error code 90020 (DATABASE_ALREADY_OPEN). */
    private static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
}
