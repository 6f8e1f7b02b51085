package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.ReferenceCsv;
import cn.ulanqab.stats.wording.Detail;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The measure words a report prints after its numbers, as data: {@code <input>/reference/report-units.csv}
 * ({@code unit, kind}), or the copy inside the jar when that file is absent. A user who meets a new measure word
 * adds a line.
 * <p>
 * Kinds: {@code count}, {@code amount}, {@code area}, {@code length}, {@code rate} (% and ‰),
 * {@code pp_change}, {@code ratio}, {@code other}; {@code duration} (年, 个月, 天: a figure a reviewer checks,
 * and not one when it is a time window such as {@code 近3年}); {@code class} (千伏, 英寸: a number with it names
 * a class or a size, never a figure).
 */
public final class ReportUnits {

    public static final String FILE = "report-units.csv";
    public static final List<String> COLUMNS = List.of("unit", "kind");
    private static final String DEFAULTS = "/cn/ulanqab/stats/extraction/" + FILE;

    /** What a unit says about the figures printed with it. */
    public enum Kind {
        COUNT, AMOUNT, AREA, LENGTH, RATE, PP_CHANGE, RATIO, OTHER, DURATION, CLASS;

        static Kind of(String label) {
            return valueOf(label.strip().toUpperCase(Locale.ROOT));
        }

        static String labels() {
            return Arrays.stream(values()).map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
    }

    private final Map<String, Kind> kinds;
    private final String alternation;

    ReportUnits(Map<String, Kind> kinds) {
        this.kinds = Map.copyOf(kinds);
        // longest first, so that 个百分点 wins over 个 and 平方公里 over 公里
        this.alternation = kinds.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(u -> u))
                .map(Pattern::quote).collect(Collectors.joining("|"));
    }

    /** The units of {@code <reference>/report-units.csv}, or the defaults inside the jar when the file is absent. */
    public static ReportUnits load(Path referenceFolder) {
        Path file = referenceFolder.resolve(FILE);
        return Files.isRegularFile(file) ? read(file) : defaults();
    }

    /**
     * Reads a units file.
     *
     * @throws ConfigurationException naming the file and line of a blank or repeated unit or an unknown kind,
     *                                with the fix
     */
    public static ReportUnits read(Path file) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        ReferenceCsv.read(file, COLUMNS, (row, i) -> {
            String unit = row.get("unit");
            if (unit.isEmpty()) {
                throw problem(row, Detail.of("config.units.blank"), Detail.of("fix.units.blank"));
            }
            if (unit.matches(".*[0-9].*")) {
                throw problem(row, Detail.of("config.units.digit", unit), Detail.of("fix.units.digit"));
            }
            Kind kind;
            try {
                kind = Kind.of(row.get("kind"));
            } catch (IllegalArgumentException e) {
                throw problem(row, Detail.of("config.units.kind", row.get("kind"), unit), Detail.of("fix.units.kind", Kind.labels()));
            }
            Long earlier = lines.putIfAbsent(unit, row.line());
            if (earlier != null) {
                throw problem(row, Detail.of("config.units.twice", unit, earlier), Detail.of("fix.units.twice"));
            }
            kinds.put(unit, kind);
            return null;
        });
        if (kinds.isEmpty()) {
            throw ConfigurationException.of(file.toString(), Detail.of("config.units.none"), Detail.of("fix.units.none"));
        }
        return new ReportUnits(kinds);
    }

    /** A problem on a line of a reference file, worded from the bundles. */
    static ConfigurationException problem(ReferenceCsv.Row row, Detail problem, Detail fix) {
        return ConfigurationException.at(row.file().toString(), row.line(), problem, fix);
    }

    /** The units shipped inside the jar (the same as the project's input/reference/report-units.csv). */
    public static ReportUnits defaults() {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        try (InputStream in = ReportUnits.class.getResourceAsStream(DEFAULTS);
             CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8),
                     CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : parser) {
                kinds.put(r.get("unit"), Kind.of(r.get("kind")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default units " + DEFAULTS, e);
        }
        return new ReportUnits(kinds);
    }

    /** The units as a regex alternation, longest first. */
    String alternation() {
        return alternation;
    }

    /** The kind of a unit; OTHER for one not listed. */
    Kind kindOf(String unit) {
        return kinds.getOrDefault(unit, Kind.OTHER);
    }

    boolean isCounting(String unit) {
        return kinds.get(unit) == Kind.COUNT;
    }

    Set<String> units() {
        return kinds.keySet();
    }
}
