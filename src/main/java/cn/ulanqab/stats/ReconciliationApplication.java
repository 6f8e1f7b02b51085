package cn.ulanqab.stats;

import cn.ulanqab.stats.batch.FailureLog;
import cn.ulanqab.stats.batch.LastRun;
import cn.ulanqab.stats.batch.NightlyRun;
import cn.ulanqab.stats.batch.OwnPaths;
import cn.ulanqab.stats.batch.PartitionWorkers;
import cn.ulanqab.stats.batch.Role;
import cn.ulanqab.stats.database.DatabaseUnavailableException;
import cn.ulanqab.stats.batch.RunLock;
import cn.ulanqab.stats.batch.RunOptions;
import cn.ulanqab.stats.batch.StorageTrouble;
import cn.ulanqab.stats.extraction.ExtractCommand;
import cn.ulanqab.stats.generator.GenerateCommand;
import cn.ulanqab.stats.report.OutputFolder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
            System.err.println("cannot start: " + e.getMessage());
            if (RunOptions.valueIn(args, "generate", null) == null && RunOptions.valueIn(args, "extract", null) == null) {
                // a night that could not start: the scheduler reads it in last-run.json, if the output folder is there
                LastRun.refused(Path.of(RunOptions.valueIn(args, "output", "output")), RunOptions.valueIn(args, "period", "2023"),
                        zoneIn(args), "cannot start: " + e.getMessage());
            }
            return 2;
        }
        if (options.extracting()) {
            // extraction mode: read the report, write the figures (and the published file); no job, no database
            return new ExtractCommand(System.out, cn.ulanqab.stats.wording.Bundles.localeOf(RunOptions.valueIn(args, "reconciliation.language", "zh")))
                    .run(options.extract(), options.input(), options.output(), options.writePublished(), options.writeTargets());
        }
        StringBuilder holder = new StringBuilder();
        Optional<RunLock> lock;
        try {
            OwnPaths.check(options, !explicitDatabase(args));
        } catch (ConfigurationException e) {
            System.err.println("cannot start: " + e.getMessage());
            return 2;
        }
        try {
            lock = RunLock.tryAcquire(options.output(), holder);
        } catch (RuntimeException e) {
            System.err.println("cannot start: " + e.getMessage() + ". Fix: make --output=" + options.output() + " a writable folder");
            return 2;
        }
        if (lock.isEmpty()) {
            // last-run.json is left alone: it tells the state of the run that holds the lock
            System.err.println("cannot start: another run (" + holder + ") holds " + options.output().resolve(RunLock.FILE_NAME)
                    + " and its database. Fix: wait for it to finish; nothing was read or changed by this start");
            return 2;
        }
        try (RunLock held = lock.get()) {
            Optional<LastRun> lastRun = Optional.empty();
            try {
                lastRun = Optional.of(LastRun.start(options.output(), options.period(), zoneIn(args)));
            } catch (RuntimeException e) {
                // the state file is for the scheduler; the night itself can still be done
                System.err.println("warning: " + e.getMessage() + "; the night goes on, its exit status tells how it went");
            }
            NightlyRun.Outcome outcome = runLocked(options, args);
            try {
                lastRun.ifPresent(run -> run.end(outcome.exitStatus(), outcome.message()));
            } catch (RuntimeException e) {
                if (outcome.exitStatus() != 2) {
                    // a failed night has said its one line (often the very reason, a full disk); the file stays STARTED
                    System.err.println("warning: " + e.getMessage() + "; the exit status stands");
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

    private static boolean explicitDatabase(String... args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith("--spring.datasource.url="));
    }

    private static NightlyRun.Outcome runLocked(RunOptions options, String... args) {
        try {
            if (new OutputFolder(options.output().resolve(options.period())).recover()) {
                System.out.println("restored " + options.output().resolve(options.period()) + " from ." + options.period()
                        + ".previous, which a run stopped in the middle of replacing the outputs left");
            }
        } catch (RuntimeException e) {
            return failed("cannot start: " + e.getMessage());
        }
        SpringApplication app = new SpringApplication(ReconciliationApplication.class);
        // the console gets one line per problem: the stack traces go to FailureLog, the framework's warnings nowhere
        app.setDefaultProperties(Map.of("spring.datasource.url", options.defaultDatabaseUrl(), "logging.threshold.console", "OFF"));
        String databaseUrl = Arrays.stream(args).filter(a -> a.startsWith("--spring.datasource.url=")).reduce((a, b) -> b)
                .map(a -> a.substring("--spring.datasource.url=".length())).orElse(options.defaultDatabaseUrl());
        try (ConfigurableApplicationContext context = app.run(args)) {
            return context.getBean(NightlyRun.class).run(options);
        } catch (ConfigurationException e) {
            return failed("cannot start: " + e.getMessage());
        } catch (Exception e) {
            Throwable root = rootCause(e);
            Optional<String> storage = StorageTrouble.explain(e, new StorageTrouble.Place(databaseUrl, options.output()));
            Optional<RuntimeException> explained = explained(e);
            String line;
            if (storage.isPresent()) {
                line = "the job could not do its work: " + storage.get();
            } else if (explained.isPresent()) {
                line = "cannot start: " + explained.get().getMessage();
            } else if (heldByAnotherProcess(e)) {
                line = "cannot start: another process holds the database " + databaseUrl
                        + ". Fix: wait for it to finish; do not delete the database while it runs";
            } else {
                line = "the job could not do its work: " + root.getClass().getSimpleName() + ": " + root.getMessage();
            }
            System.err.println(line + FailureLog.record(options.output(), line, List.of(e)));
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

    /** The first cause that already says what went wrong and the fix. */
    private static Optional<RuntimeException> explained(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConfigurationException || t instanceof DatabaseUnavailableException) {
                return Optional.of((RuntimeException) t);
            }
        }
        return Optional.empty();
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
