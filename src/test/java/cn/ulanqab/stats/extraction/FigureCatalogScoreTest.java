package cn.ulanqab.stats.extraction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The extractor scored against the hand-checked catalogs of {@code src/test/resources/reports} (their README says
 * how they were made). Each catalogued figure is matched to the extracted figure printed at the same place, so a
 * wrong value is a disagreement, not a miss; an extracted figure on a checked line that matches none is a false one.
 */
class FigureCatalogScoreTest {

    static final Path REPORTS = Path.of("src/test/resources/reports");
    static final Map<String, Double> MINIMUM = new LinkedHashMap<>();

    static {
        MINIMUM.put("recall", 0.98);
        MINIMUM.put("precision", 0.97);
        MINIMUM.put("value", 0.99);
        MINIMUM.put("unit", 0.97);
        MINIMUM.put("qualifier", 0.98);
        MINIMUM.put("period", 0.95);
        MINIMUM.put("section", 0.90);
    }

    record Golden(int line, String printedText, int start, int end, BigDecimal value, String unit, String qualifier,
                  String period, String section) {
    }

    record Score(String report, int golden, int extracted, int matched, Map<String, Integer> agreeing, List<String> problems) {

        double recall() {
            return golden == 0 ? 1 : (double) matched / golden;
        }

        double precision() {
            return extracted == 0 ? 1 : (double) (extracted - falseFigures()) / extracted;
        }

        int falseFigures() {
            return (int) problems.stream().filter(p -> p.startsWith("false")).count();
        }

        double of(String measure) {
            return switch (measure) {
                case "recall" -> recall();
                case "precision" -> precision();
                default -> matched == 0 ? 1 : (double) agreeing.get(measure) / matched;
            };
        }
    }

    @Test
    void everyCatalogedReportMeetsTheScoresOfIssue12() throws IOException {
        List<Path> catalogs;
        try (Stream<Path> files = Files.list(REPORTS)) {
            catalogs = files.filter(p -> p.getFileName().toString().endsWith(".golden.csv")).sorted().toList();
        }
        assertCatalogsCoverEnough(catalogs);
        List<Score> scores = new ArrayList<>();
        for (Path catalog : catalogs) {
            scores.add(score(catalog));
        }
        StringBuilder table = new StringBuilder(String.format("%-42s %6s %6s %7s %9s %6s %6s %9s %6s %7s%n", "report",
                "golden", "found", "recall", "precision", "value", "unit", "qualifier", "period", "section"));
        for (Score s : scores) {
            table.append(String.format("%-42s %6d %6d %7.4f %9.4f %6.4f %6.4f %9.4f %6.4f %7.4f%n", s.report(), s.golden(),
                    s.extracted(), s.recall(), s.precision(), s.of("value"), s.of("unit"), s.of("qualifier"), s.of("period"),
                    s.of("section")));
        }
        System.out.print(table);
        for (Score s : scores) {
            s.problems().forEach(p -> System.out.println("  " + s.report() + ": " + p));
        }
        SoftAssertions softly = new SoftAssertions();
        for (Score s : scores) {
            MINIMUM.forEach((measure, minimum) -> softly.assertThat(s.of(measure))
                    .as("%s %s", s.report(), measure).isGreaterThanOrEqualTo(minimum));
        }
        softly.assertAll();
    }

    /** At least 300 catalogued figures from at least four of the six provincial reports, and the shipped one. */
    private static void assertCatalogsCoverEnough(List<Path> catalogs) throws IOException {
        int provincialFigures = 0;
        int provincialReports = 0;
        boolean shipped = false;
        for (Path catalog : catalogs) {
            String name = catalog.getFileName().toString();
            if (name.startsWith("ulanqab")) {
                shipped = true;
            } else {
                provincialReports++;
                provincialFigures += read(catalog).size();
            }
        }
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(shipped).as("a catalog of the shipped report").isTrue();
        softly.assertThat(provincialReports).as("provincial reports catalogued").isGreaterThanOrEqualTo(4);
        softly.assertThat(provincialFigures).as("provincial figures catalogued").isGreaterThanOrEqualTo(300);
        softly.assertAll();
    }

    private static Score score(Path catalog) throws IOException {
        String name = catalog.getFileName().toString().replace(".golden.csv", "");
        ReportText report = ReportText.read(REPORTS.resolve(name + ".txt"));
        List<Golden> golden = read(catalog);
        List<int[]> checked = checkedLines(catalog);
        List<Integer> lineStarts = lineStarts(report.printed());
        List<ExtractedFigure> extracted = FigureExtractor.extract(report).figures().stream()
                .filter(f -> isChecked(checked, lineOf(lineStarts, f.position()))).toList();

        Map<String, Integer> agreeing = new LinkedHashMap<>();
        for (String measure : List.of("value", "unit", "qualifier", "period", "section")) {
            agreeing.put(measure, 0);
        }
        List<String> problems = new ArrayList<>();
        List<ExtractedFigure> unmatched = new ArrayList<>(extracted);
        int matched = 0;
        for (Golden g : golden) {
            ExtractedFigure f = unmatched.stream().filter(e -> overlap(g, e) > 0)
                    .max((a, b) -> Integer.compare(overlap(g, a), overlap(g, b))).orElse(null);
            if (f == null) {
                problems.add("missed line " + g.line() + " " + g.printedText());
                continue;
            }
            unmatched.remove(f);
            matched++;
            compare(agreeing, problems, "value", g, f, (x, e) -> x.value().compareTo(e.value()) == 0, g.value().toPlainString(),
                    f.value().toPlainString());
            compare(agreeing, problems, "unit", g, f, (x, e) -> x.unit().equals(e.unit()), g.unit(), f.unit());
            compare(agreeing, problems, "qualifier", g, f, (x, e) -> x.qualifier().equals(e.qualifierLabel()), g.qualifier(),
                    f.qualifierLabel());
            compare(agreeing, problems, "period", g, f, (x, e) -> x.period().equals(e.period()), g.period(), f.period());
            compare(agreeing, problems, "section", g, f, (x, e) -> x.section().equals(e.section()), g.section(), f.section());
        }
        for (ExtractedFigure f : unmatched) {
            problems.add("false figure line " + lineOf(lineStarts, f.position()) + " " + f.printedText() + " in " + f.quote());
        }
        return new Score(name, golden.size(), extracted.size(), matched, agreeing, problems);
    }

    private static void compare(Map<String, Integer> agreeing, List<String> problems, String measure, Golden g, ExtractedFigure f,
                                BiPredicate<Golden, ExtractedFigure> agrees, String expected, String actual) {
        if (agrees.test(g, f)) {
            agreeing.merge(measure, 1, Integer::sum);
        } else {
            problems.add(measure + " line " + g.line() + " " + g.printedText() + ": catalog " + expected + ", extracted " + actual
                    + " (" + f.printedText() + ")");
        }
    }

    private static int overlap(Golden g, ExtractedFigure f) {
        int start = Math.max(g.start(), f.position());
        int end = Math.min(g.end(), f.position() + f.printedText().length());
        return end - start;
    }

    static List<Golden> read(Path catalog) throws IOException {
        String name = catalog.getFileName().toString().replace(".golden.csv", "");
        String text = Files.readString(REPORTS.resolve(name + ".txt"), StandardCharsets.UTF_8);
        List<Integer> lineStarts = lineStarts(text);
        List<Golden> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(Files.readString(catalog, StandardCharsets.UTF_8)), format)) {
            for (CSVRecord r : parser) {
                int line = Integer.parseInt(r.get("line"));
                String printed = r.get("printed_text");
                int lineStart = lineStarts.get(line - 1);
                int lineEnd = line < lineStarts.size() ? lineStarts.get(line) - 1 : text.length();
                int start = occurrence(text.substring(lineStart, lineEnd), printed, Integer.parseInt(r.get("occurrence")));
                if (start < 0) {
                    throw new IllegalStateException(catalog + " line " + r.getRecordNumber() + ": " + printed
                            + " is not printed that often on report line " + line);
                }
                rows.add(new Golden(line, printed, lineStart + start, lineStart + start + printed.length(), new BigDecimal(r.get("value")),
                        r.get("unit"), r.get("qualifier"), r.get("period"), r.get("section")));
            }
        }
        return rows;
    }

    /** Where the n-th print of a figure starts on a line: not inside a longer number ({@code 5%} is not in {@code 5.5%}). */
    static int occurrence(String line, String printed, int n) {
        int seen = 0;
        for (int i = line.indexOf(printed); i >= 0; i = line.indexOf(printed, i + 1)) {
            char before = i > 0 ? line.charAt(i - 1) : ' ';
            int after = i + printed.length();
            boolean insideNumber = Character.isDigit(before) || before == '.'
                    || Character.isDigit(printed.charAt(printed.length() - 1)) && after < line.length() && Character.isDigit(line.charAt(after));
            if (!insideNumber && ++seen == n) {
                return i;
            }
        }
        return -1;
    }

    private static List<int[]> checkedLines(Path catalog) throws IOException {
        String first = Files.readAllLines(catalog, StandardCharsets.UTF_8).get(0);
        List<int[]> ranges = new ArrayList<>();
        Matcher m = Pattern.compile("(\\d+)-(\\d+)").matcher(first.substring(0, first.contains("(") ? first.indexOf('(') : first.length()));
        while (m.find()) {
            ranges.add(new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        }
        if (!first.startsWith("# checked: lines") || ranges.isEmpty()) {
            throw new IllegalStateException(catalog + " must start with '# checked: lines a-b, c-d'");
        }
        return ranges;
    }

    private static boolean isChecked(List<int[]> ranges, int line) {
        return ranges.stream().anyMatch(r -> line >= r[0] && line <= r[1]);
    }

    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    private static int lineOf(List<Integer> lineStarts, int position) {
        int line = 0;
        while (line < lineStarts.size() && lineStarts.get(line) <= position) {
            line++;
        }
        return line;
    }
}
