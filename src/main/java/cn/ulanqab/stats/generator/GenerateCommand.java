package cn.ulanqab.stats.generator;

import cn.ulanqab.stats.ConfigurationException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code --generate=<folder> [--counties=N] [--indicators=M] [--period=YYYY]}: writes a synthetic input and
 * exits 0 without starting the job. N and M default to the national workload (2844 counties, 2000
 * indicators), the period to 2023.
 */
public record GenerateCommand(Path folder, GeneratorSettings settings) {

    public static final String USAGE = "java -jar reconciliation.jar --generate=<folder> [--counties=2844] [--indicators=2000] [--period=2023]";

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
                default -> {
                }
            }
        }
        if (folder == null) {
            if (counties != null || indicators != null) {
                throw new ConfigurationException("--" + (counties != null ? "counties" : "indicators")
                        + " only goes with --generate=<folder>. Fix: " + USAGE);
            }
            return Optional.empty();
        }
        if (jobOption != null) {
            throw new ConfigurationException("--" + jobOption + " is an option of the job, not of --generate. Fix: " + USAGE);
        }
        int n = whole("counties", counties, GeneratorSettings.NATIONAL_COUNTIES);
        int m = whole("indicators", indicators, GeneratorSettings.NATIONAL_INDICATORS);
        GeneratorSettings settings = new GeneratorSettings(n, m, period, GeneratorSettings.DEFAULT_SEED,
                GeneratorSettings.DEFAULT_PRINT_SHARE, GeneratorSettings.DEFAULT_MISMATCH_STRIDE);
        return Optional.of(new GenerateCommand(Path.of(folder), settings));
    }

    private static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new ConfigurationException("--" + name + " needs a value. Fix: " + USAGE);
        }
        return value;
    }

    private static int whole(String name, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,9}")) {
            throw new ConfigurationException("--" + name + "=" + value + " is not a whole number. Fix: " + USAGE);
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
            err.println("cannot generate: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println("cannot generate: " + e.getMessage() + ". Fix: check the disk space and the folder's permissions");
            return 2;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.printf(Locale.ROOT, "generated %s: 1 country, %d provinces, %d cities, %d counties; %d indicators (%d RATIO)%n",
                folder, s.provinces(), s.cities(), s.counties(), s.indicators(), s.ratioIndicators());
        out.printf(Locale.ROOT, "  %d submission rows in %d files, %d printed figures, %d planted mismatches (%s)%n",
                s.submissionRows(), s.counties(), s.printedFigures(), s.mismatches(), SyntheticInput.EXPECTED_MISMATCHES_FILE);
        out.printf(Locale.ROOT, "  %d MB in %d.%d s%n", bytes(folder) / 1_000_000, millis / 1000, millis % 1000 / 100);
        return 0;
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
