package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.published.PublishedFigures;
import cn.ulanqab.stats.files.CsvOutput;
import cn.ulanqab.stats.targets.TargetFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The extraction mode of the application ({@code --extract=<report>}): writes the figures the report prints to
 * {@code <output>/figures/<report name>.csv} and, with {@code --write-published}, regenerates
 * {@code <input>/published/<review year>.csv} from the report for the catalog. No job runs.
 */
public final class ExtractCommand {

    public static final List<String> COLUMNS = List.of("id", "section", "period", "subject", "printed_text", "value", "unit",
            "qualifier", "kind", "occurrences", "quote", "note", "confidence");

    private final PrintStream out;

    public ExtractCommand(PrintStream out) {
        this.out = out;
    }

    /** @return the exit status: 0 done, 2 a bad report or reference file (the message names it and the fix) */
    public int run(Path reportFile, Path input, Path output, boolean writePublished) {
        return run(reportFile, input, output, writePublished, false);
    }

    /** The same, with {@code writeTargets}: also write {@code <input>/targets/<plan year>.csv} from the plan part. */
    public int run(Path reportFile, Path input, Path output, boolean writePublished, boolean writeTargets) {
        try {
            ReportText report = ReportText.read(reportFile);
            FigureExtractor.Extraction extraction = FigureExtractor.extract(report, ReportUnits.load(input.resolve("reference")));
            if (extraction.figures().isEmpty()) {
                throw ConfigurationException.of(reportFile.toString(), "prints no figures (no number with a unit was found)",
                        "pass the report's full text as UTF-8 plain text or Markdown");
            }
            Path csv = output.resolve("figures").resolve(baseName(reportFile) + ".csv");
            CsvOutput.write(csv, COLUMNS, rows(extraction.figures()));
            summarise(extraction, reportFile);
            out.printf(Locale.ROOT, "  figures: %s%n", csv.toAbsolutePath().normalize());
            if (writePublished) {
                writePublished(extraction, input);
            }
            if (writeTargets) {
                writeTargets(extraction, input);
            }
            return 0;
        } catch (ConfigurationException e) {
            System.err.println("cannot extract: " + e.getMessage());
            return 2;
        }
    }

    static List<List<String>> rows(List<ExtractedFigure> figures) {
        return figures.stream().map(f -> List.of(f.id(), f.section(), f.period(), f.subject(), f.printedText(),
                f.value().toPlainString(), f.unit(), f.qualifierLabel(), f.kind().label(), String.valueOf(f.occurrences()),
                f.quote(), note(f), f.confidence())).toList();
    }

    /** Why a reviewer should check the figure, and the other values its subject is printed with. */
    private static String note(ExtractedFigure f) {
        String doubt = f.doubt().isEmpty() ? "" : "check: " + f.doubt();
        return doubt.isEmpty() || f.note().isEmpty() ? doubt + f.note() : doubt + "; " + f.note();
    }

    private void summarise(FigureExtractor.Extraction x, Path reportFile) {
        ReportText report = x.report();
        Map<String, Long> byPeriod = x.figures().stream()
                .collect(Collectors.groupingBy(ExtractedFigure::period, LinkedHashMap::new, Collectors.counting()));
        String periods = byPeriod.entrySet().stream().map(e -> e.getValue() + (e.getKey().equals("n/a") ? " with no period"
                : (isPlan(e.getKey(), report) ? " for " : " about ") + e.getKey())).collect(Collectors.joining(", "));
        long twice = x.figures().stream().filter(f -> f.occurrences() > 1).count();
        long check = x.figures().stream().filter(f -> !f.doubt().isEmpty()).count();
        out.printf(Locale.ROOT, "%s: %d figures (%s), %d printed again in a repeated passage, %d to check%n",
                reportFile.getFileName(), x.figures().size(), periods, twice, check);
        for (RepeatedPassage p : x.repeatedPassages()) {
            out.printf(Locale.ROOT, "  repeated passage: %d characters of %s printed again in %s: %s%n",
                    p.againEnd() - p.againStart(), p.firstSection(), p.againSection(), p.excerpt());
        }
        for (String c : x.conflicts()) {
            out.printf(Locale.ROOT, "  same subject, different values: %s%n", c);
        }
    }

    /** A period from the plan year on (2024, 2026-2030) is planned for; an earlier one is reported about. */
    private static boolean isPlan(String period, ReportText report) {
        return report.planYear() > 0 && period.matches("[0-9]{4}.*") && Integer.parseInt(period.substring(0, 4)) >= report.planYear();
    }

    private void writePublished(FigureExtractor.Extraction x, Path input) {
        ReferenceData reference = ReferenceData.load(input.resolve("reference"));
        Catalog catalog = reference.catalog();
        ReportPhrases phrases = ReportPhrases.load(input.resolve("reference").resolve(ReportPhrases.FILE), catalog);
        int year = x.report().reviewYear();
        if (year < 0) {
            throw ConfigurationException.of(x.report().file().toString(), "no heading names the year it plans for (二、2024年…)",
                    "check that the report's part headings are on lines of their own");
        }
        String period = String.valueOf(year);
        List<List<String>> rows = new ArrayList<>();
        for (Indicator indicator : catalog.indicators()) {
            if (!phrases.has(indicator.code())) {
                continue;
            }
            ReportPhrases.Link link = phrases.link(indicator.code(), indicator.unit(), period, x.figures());
            if (link.figure() == null) {
                out.printf(Locale.ROOT, "  not written: %s, the phrase '%s' %s%n", indicator.code(), link.phrase(),
                        link.ambiguous() ? "finds several figures; make it more specific" : "finds no " + period + " figure");
                continue;
            }
            ExtractedFigure f = link.figure();
            rows.add(List.of(indicator.code(), period, f.publishedText(), f.section(), f.quote()));
        }
        Path target = input.resolve("published").resolve(period + ".csv");
        writeCsv(target, PublishedFigures.COLUMNS, rows);
        out.printf(Locale.ROOT, "  published: %d figures for %s written to %s%n", rows.size(), period, target.toAbsolutePath().normalize());
    }

    /**
     * Writes the plan year's targets ({@code <input>/targets/<plan year>.csv}) for the catalog: for each indicator with a
     * phrase, the plan year's figure its phrase finds in the catalog unit, else a growth in % ({@code 增长6%左右}).
     */
    private void writeTargets(FigureExtractor.Extraction x, Path input) {
        ReferenceData reference = ReferenceData.load(input.resolve("reference"));
        Catalog catalog = reference.catalog();
        ReportPhrases phrases = ReportPhrases.load(input.resolve("reference").resolve(ReportPhrases.FILE), catalog);
        int year = x.report().planYear();
        if (year < 0) {
            throw ConfigurationException.of(x.report().file().toString(), "no heading names the year it plans for (二、2024年…)",
                    "check that the report's part headings are on lines of their own");
        }
        String period = String.valueOf(year);
        List<List<String>> rows = new ArrayList<>();
        for (Indicator indicator : catalog.indicators()) {
            if (!phrases.has(indicator.code())) {
                continue;
            }
            ReportPhrases.Link link = phrases.link(indicator.code(), indicator.unit(), period, x.figures());
            String text;
            if (link.figure() != null) {
                text = link.figure().publishedText();
            } else {
                ReportPhrases.Link growth = phrases.link(indicator.code(), "%", period, x.figures().stream()
                        .filter(f -> f.kind() == FigureKind.GROWTH_RATE).toList());
                if (growth.figure() == null) {
                    continue;
                }
                link = growth;
                text = TargetFile.GROWTH + growth.figure().publishedText();
            }
            ExtractedFigure f = link.figure();
            rows.add(List.of(indicator.code(), "", text, f.section(), f.quote()));
        }
        Path target = TargetFile.of(input, year);
        writeCsv(target, TargetFile.COLUMNS, rows);
        out.printf(Locale.ROOT, "  targets: %d targets for %s written to %s%n", rows.size(), period, target.toAbsolutePath().normalize());
    }

    /** Writes a CSV file whole or not at all (UTF-8 without a BOM, as the bureau's other input files). */
    private static void writeCsv(Path target, List<String> columns, List<List<String>> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(columns);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try {
                Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw ConfigurationException.of(target.toString(), "cannot be written (" + e.getMessage() + ")",
                    "check that the folder is writable");
        }
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
