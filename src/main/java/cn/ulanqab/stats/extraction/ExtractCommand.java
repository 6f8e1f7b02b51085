package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.published.PublishedFigures;
import cn.ulanqab.stats.files.CsvOutput;
import cn.ulanqab.stats.targets.TargetFile;
import cn.ulanqab.stats.wording.Bundles;
import cn.ulanqab.stats.wording.Detail;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The extraction mode of the application ({@code --extract=<report>}): writes the figures the report prints to
 * {@code <output>/figures/<report name>.csv} and, with {@code --write-published}, regenerates
 * {@code <input>/published/<review year>.csv} from the report for the catalog. No job runs. What it prints is worded in
 * the run's language ({@code --reconciliation.language}) from the message bundles.
 */
public final class ExtractCommand {

    public static final List<String> COLUMNS = List.of("id", "section", "period", "subject", "printed_text", "value", "unit",
            "qualifier", "kind", "occurrences", "quote", "note", "confidence");

    private final PrintStream out;
    private final Locale locale;

    public ExtractCommand(PrintStream out, Locale locale) {
        this.out = out;
        this.locale = locale;
    }

    /**
     * Extracts; with {@code writePublished} also writes the published file, with {@code writeTargets}
     * {@code <input>/targets/<plan year>.csv} from the plan part.
     *
     * @return the exit status: 0 done, 2 a bad report or reference file (the message names it and the fix)
     */
    public int run(Path reportFile, Path input, Path output, boolean writePublished, boolean writeTargets) {
        try {
            ReportText report = ReportText.read(reportFile);
            FigureExtractor.Extraction extraction = FigureExtractor.extract(report, ReportUnits.load(input.resolve("reference")));
            if (extraction.figures().isEmpty()) {
                throw ConfigurationException.of(reportFile.toString(), Detail.of("config.extract.no.figures"),
                        Detail.of("fix.extract.full.text"));
            }
            Path csv = output.resolve("figures").resolve(baseName(reportFile) + ".csv");
            CsvOutput.write(csv, COLUMNS, rows(extraction.figures()));
            summarise(extraction, reportFile);
            say("console.extract.figures", csv.toAbsolutePath().normalize());
            if (writePublished) {
                writePublished(extraction, input);
            }
            if (writeTargets) {
                writeTargets(extraction, input);
            }
            return 0;
        } catch (ConfigurationException e) {
            System.err.println(Bundles.text(locale, "operator.cannot.extract", e.worded(locale)));
            return 2;
        }
    }

    private List<List<String>> rows(List<ExtractedFigure> figures) {
        return figures.stream().map(f -> List.of(f.id(), f.section(), f.period(), f.subject(), f.printedText(),
                f.value().toPlainString(), f.unit(), f.qualifierLabel(), f.kind().label(), String.valueOf(f.occurrences()),
                f.quote(), note(f), f.confidence())).toList();
    }

    /** Why a reviewer should check the figure, and the other values its subject is printed with, in the run's language. */
    private String note(ExtractedFigure f) {
        List<String> parts = new ArrayList<>();
        if (!f.doubt().isNone()) {
            parts.add(text("figures.check", Bundles.text(locale, f.doubt())));
        }
        if (!f.note().isEmpty()) {
            parts.add(text("figures.note.values", f.note()));
        }
        return String.join(text("figures.note.separator"), parts);
    }

    private void summarise(FigureExtractor.Extraction x, Path reportFile) {
        ReportText report = x.report();
        Map<String, Long> byPeriod = x.figures().stream()
                .collect(Collectors.groupingBy(ExtractedFigure::period, LinkedHashMap::new, Collectors.counting()));
        String periods = byPeriod.entrySet().stream().map(e -> text(periodKey(e.getKey(), report), e.getValue(), e.getKey()))
                .collect(Collectors.joining(text("console.extract.period.separator")));
        long twice = x.figures().stream().filter(f -> f.occurrences() > 1).count();
        long check = x.figures().stream().filter(f -> !f.doubt().isNone()).count();
        out.println(text("console.extract.summary", reportFile.getFileName(), x.figures().size(), periods, twice, check));
        for (RepeatedPassage p : x.repeatedPassages()) {
            say("console.extract.repeated", p.againEnd() - p.againStart(), p.firstSection(), p.againSection(), p.excerpt());
        }
        for (String c : x.conflicts()) {
            say("console.extract.conflict", c);
        }
    }

    /** A sentence of the bundles in the run's language; numbers as plain digits (1234, never 1,234). */
    private String text(String key, Object... args) {
        return Bundles.text(locale, key, Arrays.stream(args).map(String::valueOf).toArray());
    }

    /** A line under the summary line, indented. */
    private void say(String key, Object... args) {
        out.println("  " + text(key, args));
    }

    /** A period from the plan year on (2024, 2026-2030) is planned for; an earlier one is reported about; n/a is none. */
    private static String periodKey(String period, ReportText report) {
        if (period.equals("n/a")) {
            return "console.extract.period.none";
        }
        boolean plan = report.planYear() > 0 && period.matches("[0-9]{4}.*") && Integer.parseInt(period.substring(0, 4)) >= report.planYear();
        return plan ? "console.extract.period.for" : "console.extract.period.about";
    }

    /** {@code --write-published}: the review year's figures that the catalog's phrases find, as {@code <input>/published/<year>.csv}. */
    private void writePublished(FigureExtractor.Extraction x, Path input) {
        writeFromPhrases(x, input, x.report().reviewYear(), year -> input.resolve("published").resolve(year + ".csv"),
                PublishedFigures.COLUMNS, this::publishedRow, "console.extract.published");
    }

    /**
     * {@code --write-targets}: the plan year's targets ({@code <input>/targets/<plan year>.csv}) for the catalog: for each
     * indicator with a phrase, the plan year's figure its phrase finds in the catalog unit, else a growth in % ({@code 增长6%左右}).
     */
    private void writeTargets(FigureExtractor.Extraction x, Path input) {
        writeFromPhrases(x, input, x.report().planYear(), year -> TargetFile.of(input, year), TargetFile.COLUMNS, ExtractCommand::targetRow,
                "console.extract.targets");
    }

    /** The row of an indicator in a file written from the report, or null when its phrase finds no figure for it. */
    @FunctionalInterface
    private interface RowOf {
        List<String> row(Indicator indicator, ReportPhrases phrases, String period, List<ExtractedFigure> figures);
    }

    /** Writes one row per catalog indicator that has a phrase and a figure of the year, then says how many and where. */
    private void writeFromPhrases(FigureExtractor.Extraction x, Path input, int year, IntFunction<Path> file, List<String> columns,
                                  RowOf rowOf, String writtenKey) {
        ReferenceData reference = ReferenceData.load(input.resolve("reference"));
        Catalog catalog = reference.catalog();
        ReportPhrases phrases = ReportPhrases.load(input.resolve("reference").resolve(ReportPhrases.FILE), catalog);
        if (year < 0) {
            throw ConfigurationException.of(x.report().file().toString(), Detail.of("config.extract.no.plan.year"),
                    Detail.of("fix.extract.headings"));
        }
        String period = String.valueOf(year);
        List<List<String>> rows = new ArrayList<>();
        for (Indicator indicator : catalog.indicators()) {
            if (phrases.has(indicator.code())) {
                List<String> row = rowOf.row(indicator, phrases, period, x.figures());
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        Path target = file.apply(year);
        writeCsv(target, columns, rows);
        say(writtenKey, rows.size(), period, target.toAbsolutePath().normalize());
    }

    /** The figure the phrase finds (code, period, printed text, section, quote); a line on the console when it finds none or several. */
    private List<String> publishedRow(Indicator indicator, ReportPhrases phrases, String period, List<ExtractedFigure> figures) {
        ReportPhrases.Link link = phrases.link(indicator.code(), indicator.unit(), period, figures);
        if (link.figure() == null) {
            say(link.ambiguous() ? "console.extract.not.written.ambiguous" : "console.extract.not.written.none", indicator.code(),
                    link.phrase(), period);
            return null;
        }
        ExtractedFigure f = link.figure();
        return List.of(indicator.code(), period, f.publishedText(), f.section(), f.quote());
    }

    /** The target the phrase finds in the catalog unit, else its growth in % (code, "", target, section, quote); null for neither. */
    private static List<String> targetRow(Indicator indicator, ReportPhrases phrases, String period, List<ExtractedFigure> figures) {
        ReportPhrases.Link link = phrases.link(indicator.code(), indicator.unit(), period, figures);
        String text;
        if (link.figure() != null) {
            text = link.figure().publishedText();
        } else {
            link = phrases.link(indicator.code(), "%", period, figures.stream().filter(f -> f.kind() == FigureKind.GROWTH_RATE).toList());
            if (link.figure() == null) {
                return null;
            }
            text = TargetFile.GROWTH + link.figure().publishedText();
        }
        ExtractedFigure f = link.figure();
        return List.of(indicator.code(), "", text, f.section(), f.quote());
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
            throw ConfigurationException.of(target.toString(), Detail.of("config.extract.cannot.write", e.getMessage()),
                    Detail.of("fix.extract.writable"));
        }
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
