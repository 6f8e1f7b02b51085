package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.published.PublishedFigures;
import cn.ulanqab.stats.report.CsvOutput;
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
import java.util.List;
import java.util.Locale;

/**
 * The extraction mode of the application ({@code --extract=<report>}): writes the figures the report prints to
 * {@code <output>/figures/<report name>.csv} and, with {@code --write-published}, regenerates
 * {@code <input>/published/<review year>.csv} from the report for the catalog. No job runs.
 */
public final class ExtractCommand {

    public static final List<String> COLUMNS = List.of("id", "section", "period", "subject", "printed_text", "value", "unit",
            "qualifier", "kind", "occurrences", "quote", "note");

    private final PrintStream out;

    public ExtractCommand(PrintStream out) {
        this.out = out;
    }

    /** @return the exit status: 0 done, 2 a bad report or reference file (the message names it and the fix) */
    public int run(Path reportFile, Path input, Path output, boolean writePublished) {
        try {
            ReportText report = ReportText.read(reportFile);
            FigureExtractor.Extraction extraction = FigureExtractor.extract(report);
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
            return 0;
        } catch (ConfigurationException e) {
            System.err.println("cannot extract: " + e.getMessage());
            return 2;
        }
    }

    static List<List<String>> rows(List<ExtractedFigure> figures) {
        return figures.stream().map(f -> List.of(f.id(), f.section(), f.period(), f.subject(), f.printedText(),
                f.value().toPlainString(), f.unit(), f.qualifierLabel(), f.kind().label(), String.valueOf(f.occurrences()),
                f.quote(), f.note())).toList();
    }

    private void summarise(FigureExtractor.Extraction x, Path reportFile) {
        ReportText report = x.report();
        long review = x.figures().stream().filter(f -> f.period().equals(String.valueOf(report.reviewYear()))).count();
        long plan = x.figures().stream().filter(f -> f.period().equals(String.valueOf(report.planYear()))).count();
        long twice = x.figures().stream().filter(f -> f.occurrences() > 1).count();
        out.printf(Locale.ROOT, "%s: %d figures (%d about %s, %d for %s, %d n/a), %d printed again in a repeated passage%n",
                reportFile.getFileName(), x.figures().size(), review, report.reviewYear(), plan, report.planYear(),
                x.figures().size() - review - plan, twice);
        for (RepeatedPassage p : x.repeatedPassages()) {
            out.printf(Locale.ROOT, "  repeated passage: %d characters of %s printed again in %s: %s%n",
                    p.againEnd() - p.againStart(), p.firstSection(), p.againSection(), p.excerpt());
        }
        for (String c : x.conflicts()) {
            out.printf(Locale.ROOT, "  same subject, different values: %s%n", c);
        }
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
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(PublishedFigures.COLUMNS);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + period, ".part");
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
        out.printf(Locale.ROOT, "  published: %d figures for %s written to %s%n", rows.size(), period, target.toAbsolutePath().normalize());
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
