package cn.ulanqab.stats.generator;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.wording.Bundles;
import cn.ulanqab.stats.wording.Detail;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code --generate=<folder> [--counties=N] [--indicators=M] [--period=YYYY]}: writes a synthetic input and
 * exits 0 without starting the job. N and M default to the national workload (2844 counties, 2000
 * indicators), the period to 2023. What it prints is worded in the language of {@code --reconciliation.language}.
 */
public record GenerateCommand(Path folder, GeneratorSettings settings, Locale locale) {

    /** The fix of a command line the generator cannot read: how to write it. */
    private static final Detail USAGE = Detail.of("fix.generate.usage");

    /**
     * The generator's command when the arguments have {@code --generate}, empty when they do not.
     *
     * @throws ConfigurationException for {@code --counties} or {@code --indicators} without {@code --generate},
     *         a value that is not a whole number or out of range, or an option of the job beside {@code --generate}
     */
    public static Optional<GenerateCommand> parse(String... args) {
        String folder = null;
        String counties = null;
        String indicators = null;
        String period = "2023";
        String jobOption = null;
        String language = null;
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                continue;
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            String value = eq < 0 ? null : arg.substring(eq + 1).strip();
            switch (name) {
                case "generate" -> folder = required(name, value);
                case "counties" -> counties = required(name, value);
                case "indicators" -> indicators = required(name, value);
                case "period" -> period = value;
                case "input", "output" -> jobOption = name;
                case "reconciliation.language" -> language = value;
                default -> {
                }
            }
        }
        if (folder == null) {
            if (counties != null || indicators != null) {
                String option = "--" + (counties != null ? "counties" : "indicators");
                throw ConfigurationException.of(null, Detail.of("config.generate.only.with", option), USAGE);
            }
            return Optional.empty();
        }
        if (jobOption != null) {
            throw ConfigurationException.of(null, Detail.of("config.generate.job.option", "--" + jobOption), USAGE);
        }
        int n = whole("counties", counties, GeneratorSettings.NATIONAL_COUNTIES);
        int m = whole("indicators", indicators, GeneratorSettings.NATIONAL_INDICATORS);
        GeneratorSettings settings = new GeneratorSettings(n, m, period, GeneratorSettings.DEFAULT_SEED,
                GeneratorSettings.DEFAULT_PRINT_SHARE, GeneratorSettings.DEFAULT_MISMATCH_STRIDE);
        return Optional.of(new GenerateCommand(Path.of(folder), settings, Bundles.localeOf(language)));
    }

    private static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw ConfigurationException.of(null, Detail.of("config.generate.no.value", "--" + name), USAGE);
        }
        return value;
    }

    private static int whole(String name, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,9}")) {
            throw ConfigurationException.of(null, Detail.of("config.generate.not.whole", "--" + name, value), USAGE);
        }
        return Integer.parseInt(value);
    }

    /** Generates, prints what was written and how long it took; 0 on success, 2 with a message when it cannot. */
    public int run(PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        SyntheticInput.Summary s;
        try {
            s = SyntheticInput.generate(folder, settings);
        } catch (ConfigurationException e) {
            err.println(text("operator.cannot.generate", e.worded(locale)));
            return 2;
        } catch (UncheckedIOException e) {
            ConfigurationException unwritten = ConfigurationException.of(null,
                    Detail.of("config.generate.cannot.write", folder, e.getCause().getMessage()), Detail.of("fix.generate.disk"));
            err.println(text("operator.cannot.generate", unwritten.worded(locale)));
            return 2;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.println(text("console.generate.done", folder, s.provinces(), s.cities(), s.counties(), s.indicators(), s.ratioIndicators()));
        out.println("  " + text("console.generate.rows", s.submissionRows(), s.counties(), s.printedFigures(), s.mismatches(),
                SyntheticInput.EXPECTED_MISMATCHES_FILE));
        out.println("  " + text("console.generate.size", bytes(folder) / 1_000_000, millis / 1000, millis % 1000 / 100));
        return 0;
    }

    /** A sentence of the bundles in the command's language; numbers as plain digits (2844, never 2,844). */
    private String text(String key, Object... args) {
        return Bundles.text(locale, key, Arrays.stream(args).map(String::valueOf).toArray());
    }

    private static long bytes(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
