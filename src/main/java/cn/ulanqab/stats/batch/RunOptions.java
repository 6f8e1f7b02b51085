package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.wording.Bundles;
import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.catalog.Period;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command line: {@code --period} (default 2023; a year, a month {@code 2024-06} or a quarter {@code 2024-Q2}, see
 * {@link Period}), {@code --input} (default {@code input}),
 * {@code --output} (default {@code output}) and {@code --report=<report.txt>} (default none: the published file
 * is not checked against the report). {@code --extract=<report.txt>} [{@code --write-published}] [{@code --write-targets}] is the
 * extraction mode: no job runs. Spring properties ({@code --spring.datasource.url=…}, {@code --logging.…},
 * {@code --reconciliation.…}) pass through; anything else is refused.
 *
 * {@code --generate=<folder> --counties=N --indicators=M} writes a synthetic input instead of running the job
 * ({@link cn.ulanqab.stats.generator.GenerateCommand}, parsed before these options).
 *
 * @param report         the published report to check the published file against, or null
 * @param extract        the report to extract the printed figures from (extraction mode), or null
 * @param writePublished in extraction mode, also regenerate {@code <input>/published/<period>.csv}
 * @param writeTargets   in extraction mode, also write the plan year's targets {@code <input>/targets/<year>.csv}
 */
public record RunOptions(String period, Path input, Path output, Path report, Path extract, boolean writePublished,
                         boolean writeTargets) {

    /** The job's own settings (application.properties); a misspelt one is refused rather than silently ignored. */
    static final List<String> SETTINGS = List.of("reconciliation.claims.nearly-band", "reconciliation.claims.about-tolerance", "reconciliation.db-schema",
            "reconciliation.chunk-size", "reconciliation.testing.pause-after-chunk-ms", "reconciliation.zone",
            "reconciliation.keep-runs", "reconciliation.language", "reconciliation.workers", Role.SETTING,
            RemotePartitioning.TIMEOUT_SETTING, "reconciliation.testing.version");
    private static final List<String> PASS_THROUGH = List.of("spring.", "logging.", "reconciliation.", "debug", "trace");
    private static final Detail USAGE = Detail.of("fix.usage");

    public RunOptions(String period, Path input, Path output) {
        this(period, input, output, null, null, false, false);
    }

    /** Whether this is the extraction mode (no job runs). */
    public boolean extracting() {
        return extract != null;
    }

    /** The period as a value: its year, its months, the same period of last year. */
    public Period periodValue() {
        return Period.parse(period);
    }

    public static RunOptions parse(String... args) {
        String period = "2023";
        String input = "input";
        String output = "output";
        String report = null;
        String extract = null;
        boolean writePublished = false;
        boolean writeTargets = false;
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw ConfigurationException.of("", Detail.of("config.unexpected.argument", arg), USAGE);
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            String value = eq < 0 ? null : arg.substring(eq + 1);
            switch (name) {
                case "period" -> period = required(name, value);
                case "input" -> input = required(name, value);
                case "output" -> output = required(name, value);
                case "generate", "counties", "indicators" -> {
                    // the generator's options: cn.ulanqab.stats.generator.GenerateCommand handles them before the job starts
                }
                case "report" -> report = required(name, value);
                case "extract" -> extract = required(name, value);
                case "write-published" -> {
                    if (value != null) {
                        throw ConfigurationException.of("--write-published", Detail.of("config.option.takes.no.value"), USAGE);
                    }
                    writePublished = true;
                }
                case "write-targets" -> {
                    if (value != null) {
                        throw ConfigurationException.of("--write-targets", Detail.of("config.option.takes.no.value"), USAGE);
                    }
                    writeTargets = true;
                }
                case "reconciliation.zone" -> zone(required(name, value));
                case "reconciliation.keep-runs" -> keepRuns(required(name, value));
                case "reconciliation.workers" -> workers(required(name, value));
                case Role.SETTING -> Role.of(required(name, value));
                case RemotePartitioning.TIMEOUT_SETTING -> RemotePartitioning.timeout(required(name, value));
                default -> {
                    if (name.startsWith("reconciliation.") && !SETTINGS.contains(name)) {
                        throw ConfigurationException.of("", Detail.of("config.unknown.setting", name),
                                Detail.of("fix.settings.are", String.join(", --", SETTINGS)));
                    }
                    if (PASS_THROUGH.stream().noneMatch(name::startsWith)) {
                        throw ConfigurationException.of("", Detail.of("config.unknown.option", name), USAGE);
                    }
                }
            }
        }
        period = Period.parse(period).label();
        Path inputFolder = Path.of(input);
        if (writePublished && extract == null) {
            throw ConfigurationException.of("--write-published", Detail.of("config.write.published.alone"), Detail.of("fix.add.extract"));
        }
        if (writeTargets && extract == null) {
            throw ConfigurationException.of("--write-targets", Detail.of("config.write.targets.alone"), Detail.of("fix.add.extract"));
        }
        if (extract != null && report != null) {
            throw ConfigurationException.of("--extract", Detail.of("config.extract.with.report"), Detail.of("fix.one.of.extract.report"));
        }
        if (extract != null) {
            if ((writePublished || writeTargets) && !inputFolder.toFile().isDirectory()) {
                throw ConfigurationException.of("--input=" + input, Detail.of("config.no.such.folder"), Detail.of("fix.input.folder.extract"));
            }
            return new RunOptions(period, inputFolder, Path.of(output), null, Path.of(extract), writePublished, writeTargets);
        }
        if (!inputFolder.toFile().isDirectory()) {
            throw ConfigurationException.of("--input=" + input, Detail.of("config.no.such.folder"), Detail.of("fix.input.folder", period));
        }
        if (!inputFolder.resolve(period).toFile().isDirectory()) {
            throw ConfigurationException.of(inputFolder.resolve(period).toString(), Detail.of("config.period.folder.missing", period),
                    Detail.of("fix.period.folder", inputFolder.resolve(period)));
        }
        refuseOutputInsideInput(inputFolder, Path.of(output));
        return new RunOptions(period, inputFolder, Path.of(output), report == null ? null : Path.of(report), null, false, false);
    }

    /** The bureau's zone unless {@code reconciliation.zone} says otherwise (as in application.properties). */
    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    /** What {@code --help} prints: every option, the settings and the exit statuses, in the language asked for. */
    public static String help(String language) {
        List<String> settings = SETTINGS.stream().filter(s -> !s.startsWith("reconciliation.testing.")).toList();
        return Bundles.text(Bundles.localeOf(language), "cli.help", "--" + String.join(", --", settings)) + System.lineSeparator();
    }

    /** Whether the command line asks for the usage ({@code --help} or {@code -h}): printed, and nothing else is done. */
    public static boolean asksForHelp(String... args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    /** The value of {@code --name=value} on a command line that may not parse as a whole, or the default. */
    public static String valueIn(String[] args, String name, String defaultValue) {
        String prefix = "--" + name + "=";
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()).strip())
                .filter(v -> !v.isEmpty()).reduce((first, last) -> last).orElse(defaultValue);
    }

    /** {@code reconciliation.zone}: the bureau's time zone, in which the console, the report and the history show times. */
    public static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw ConfigurationException.of("--reconciliation.zone=" + value, Detail.of("config.not.a.zone"), Detail.of("fix.zone"));
        }
    }

    /** {@code reconciliation.keep-runs}: how many runs of a period the history keeps (at least 1). */
    public static int keepRuns(String value) {
        try {
            int runs = Integer.parseInt(value.strip());
            if (runs >= 1) {
                return runs;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ConfigurationException.of("--reconciliation.keep-runs=" + value, Detail.of("config.not.keep.runs"), Detail.of("fix.keep.runs"));
    }

    /**
     * {@code reconciliation.workers}: how many partitions of readAndValidateSubmissions run at a time in this process
     * (at least 1); empty means one per core.
     */
    public static int workers(String value) {
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int workers = Integer.parseInt(value.strip());
            if (workers >= 1) {
                return workers;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ConfigurationException.of("--reconciliation.workers=" + value, Detail.of("config.not.workers"),
                Detail.of("fix.workers", Runtime.getRuntime().availableProcessors()));
    }

    /** Outputs written into the input would be read back as input and change the next night's fingerprint. */
    private static void refuseOutputInsideInput(Path input, Path output) {
        Path realInput = realPath(input);
        Path realOutput = realPath(output);
        if (realOutput.startsWith(realInput)) {
            throw ConfigurationException.of("--output=" + output, Detail.of(realOutput.equals(realInput) ? "config.output.is.input"
                    : "config.output.inside.input", input, realInput), Detail.of("fix.output.outside", realInput));
        }
    }

    /** The path with every link resolved, for the part of it that exists (the rest, an output to be made, appended). */
    private static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ConfigurationException.of("--" + name, Detail.of("config.needs.value"), USAGE);
        }
        return value.strip();
    }

    /** The embedded database's files in {@code --output}: {@code reconciliation-db.mv.db} and its lock. */
    static final String DATABASE_NAME = "reconciliation-db";

    /** The embedded database of this output folder, unless spring.datasource.url says otherwise. */
    public String defaultDatabaseUrl() {
        // WRITE_DELAY=0: a committed chunk is on disk before the next one starts, so a killed run resumes from it;
        // TRACE_LEVEL_FILE=0: no .trace.db file of the "table already exists" notes that schema initialisation causes
        return "jdbc:h2:file:" + output.toAbsolutePath().normalize().resolve(DATABASE_NAME) + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
    }
}
