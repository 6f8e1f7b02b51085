package cn.ulanqab.stats.report;

import cn.ulanqab.stats.catalog.Period;
import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.PublishedFigure;
import cn.ulanqab.stats.history.Change;
import cn.ulanqab.stats.reconciliation.Cause;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.review.Disposition;
import cn.ulanqab.stats.review.ReviewFile;
import cn.ulanqab.stats.submission.FileStatus;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reviewers' page, rendered with Thymeleaf: one self-contained HTML file (inline CSS and SVG, no
 * script, nothing from the network). Every text that comes from input is escaped by the template.
 */
@Component
public class HtmlReport {

    /** With more findings than this (or several cities), the page shows the worst this many in full and rolls up the rest. */
    public static final int TOP_FINDINGS = 200;
    /** Findings after the worst {@link #TOP_FINDINGS} are listed one line each, this many at most. */
    public static final int BRIEF_FINDINGS = 2000;
    /** MATCH and UNPUBLISHED figures are counted; this many of them are listed. */
    public static final int LISTED_OTHERS = 300;
    public static final String FILE = "report.html";

    /** One row of the roll-up per region: the lines of the region and of the regions below it, counted per status. */
    public record RegionRollup(String code, String name, String type, int depth, Map<Status, Long> counts, long total) {
    }

    private final TemplateEngine engine = new TemplateEngine();

    public HtmlReport() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        engine.setTemplateResolver(resolver);
    }

    public String render(OutputWriter.NightReport night) {
        Registry registry = night.reference().registry();
        Map<String, String> names = new HashMap<>();
        registry.regions().forEach(r -> names.put(r.code(), r.nameZh()));
        registry.counties().forEach(c -> names.put(c.code(), c.nameZh()));

        boolean regional = !registry.singleCity();
        List<ReconciliationLine> allFindings = night.lines().stream().filter(l -> l.status().isFinding())
                .sorted(FindingView.SEVERITY).toList();
        List<FindingView> findings = allFindings.stream().limit(TOP_FINDINGS).map(l -> view(l, night)).toList();
        List<ReconciliationLine> brief = allFindings.stream().skip(TOP_FINDINGS).limit(BRIEF_FINDINGS).toList();
        long findingsNotListed = allFindings.size() - findings.size() - brief.size();

        List<ReconciliationLine> others = regional ? List.of()
                : night.lines().stream().filter(l -> !l.status().isFinding()).toList();
        Map<Status, Long> otherCounts = new EnumMap<>(Status.class);
        Map<String, Map<Status, Long>> otherSections = new TreeMap<>();
        HtmlWords words = new HtmlWords(night.words(), night.runStarted());
        for (ReconciliationLine l : others) {
            otherCounts.merge(l.status(), 1L, Long::sum);
            otherSections.computeIfAbsent(l.section() == null || l.section().isBlank() ? words.m0("html.section.none") : l.section(),
                    k -> new EnumMap<>(Status.class)).merge(l.status(), 1L, Long::sum);
        }
        List<ReconciliationLine> othersListed = others.stream().limit(LISTED_OTHERS).toList();

        Map<String, List<SubmissionStore.RejectedRow>> rejectedByUnit = new TreeMap<>();
        for (SubmissionStore.RejectedRow r : night.rejected()) {
            String unit = r.countyCode() == null || r.countyCode().isEmpty() ? "~" + r.file() : r.countyCode();
            rejectedByUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(r);
        }
        Map<String, List<SubmissionStore.RejectedRow>> rejectedGroups = new LinkedHashMap<>();
        rejectedByUnit.forEach((unit, rows) -> rejectedGroups.put(unit.startsWith("~") ? unit.substring(1)
                : names.getOrDefault(unit, unit) + " " + unit, rows));
        Map<String, String> links = new HashMap<>();
        if (night.submissionFolder() != null) {
            night.ledger().stream().filter(f -> f.status() == FileStatus.UNRECOGNIZED)
                    .forEach(f -> links.put(f.file(), night.submissionFolder().toAbsolutePath().normalize().resolve(f.file()).toUri().toString()));
        }

        Context context = new Context(night.words().words().locale());
        context.setVariable("night", night);
        context.setVariable("summary", night.summary());
        context.setVariable("city", registry.city());
        context.setVariable("findings", findings);
        context.setVariable("brief", brief);
        context.setVariable("findingsNotListed", findingsNotListed);
        context.setVariable("others", othersListed);
        context.setVariable("otherTotal", others.size());
        context.setVariable("otherCounts", otherCounts);
        context.setVariable("otherSections", otherSections);
        context.setVariable("regional", regional);
        context.setVariable("findingCount", allFindings.size());
        context.setVariable("rollup", regional ? rollup(registry, night.lines()) : List.of());
        context.setVariable("rejectedGroups", rejectedGroups);
        context.setVariable("names", names);
        context.setVariable("links", links);
        context.setVariable("tonight", night.tonight());
        context.setVariable("changeWords", new ChangeWords(night.words()));
        context.setVariable("reportCheck", night.reportCheck());
        context.setVariable("reportFindings", night.reportCheck() == null ? List.of()
                : night.reportCheck().stream().filter(c -> c.status().isFinding()).toList());
        context.setVariable("targets", TargetChart.chartsOf(night.targets(), new TargetWords(night.words()), night.words().words()));
        context.setVariable("w", words);
        return engine.process("report", context);
    }

    /** The regions above the counties in tree order (each region before those below it), with lines at or below them. */
    static List<RegionRollup> rollup(Registry registry, List<ReconciliationLine> lines) {
        Map<String, Map<Status, Long>> counts = new HashMap<>();
        for (ReconciliationLine l : lines) {
            String region = l.regionCode() == null ? registry.city().code() : l.regionCode();
            List<String> up = new ArrayList<>();
            up.add(region);
            registry.ancestors(region).forEach(a -> up.add(a.code()));
            for (String r : up) {
                counts.computeIfAbsent(r, k -> new EnumMap<>(Status.class)).merge(l.status(), 1L, Long::sum);
            }
        }
        List<RegionRollup> rows = new ArrayList<>();
        for (County top : registry.tops()) {
            addRollup(registry, top, 0, counts, rows);
        }
        return rows;
    }

    private static void addRollup(Registry registry, County region, int depth, Map<String, Map<Status, Long>> counts,
                                  List<RegionRollup> rows) {
        Map<Status, Long> c = counts.get(region.code());
        if (c == null) {
            return;
        }
        Map<Status, Long> all = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            all.put(s, c.getOrDefault(s, 0L));
        }
        rows.add(new RegionRollup(region.code(), region.nameZh(), region.type(), depth, all,
                all.values().stream().mapToLong(Long::longValue).sum()));
        for (County child : registry.children(region.code())) {
            addRollup(registry, child, depth + 1, counts, rows);
        }
    }

    private static FindingView view(ReconciliationLine line, OutputWriter.NightReport night) {
        Indicator indicator = night.reference().catalog().get(line.indicatorCode());
        PublishedFigure figure = night.published().get(line.key());
        Map<String, BigDecimal> values = night.accepted().getOrDefault(line.indicatorCode(), Map.of());
        return FindingView.of(line, indicator, figure == null ? null : figure.claim(), night.reference().registry(), values);
    }

    /**
     * The page's words for the template, with one method per number of arguments (the template's expression language
     * does not call variable-argument methods reliably), numbers with thousands separators, times in the bureau's zone.
     */
    public static final class HtmlWords {
        private final CauseWords causes;
        private final Wording words;
        private final OffsetDateTime runStarted;

        HtmlWords(CauseWords causes, OffsetDateTime runStarted) {
            this.causes = causes;
            this.words = causes.words();
            this.runStarted = runStarted;
        }

        public String m0(String key) {
            return words.get(key);
        }

        public String m1(String key, Object a) {
            return words.get(key, a);
        }

        public String m2(String key, Object a, Object b) {
            return words.get(key, a, b);
        }

        public String m3(String key, Object a, Object b, Object c) {
            return words.get(key, a, b, c);
        }

        public String m4(String key, Object a, Object b, Object c, Object d) {
            return words.get(key, a, b, c, d);
        }

        /** The period as the title says it: 2023 年度, 2024 年 6 月, 2024 年第 2 季度. */
        public String period(String label) {
            Period period = Period.parse(label);
            return period.isMonth() ? words.get("period.month", String.valueOf(period.year()), String.valueOf(period.month()))
                    : period.isQuarter() ? words.get("period.quarter", String.valueOf(period.year()), String.valueOf(period.quarter()))
                    : words.get("period.year", String.valueOf(period.year()));
        }

        public String lang() {
            return words.english() ? "en" : "zh-CN";
        }

        public String status(Status status) {
            return words.word("status.", status);
        }

        public String disposition(Disposition disposition) {
            return words.word("disposition.", disposition);
        }

        public String reviewState(ReconciliationLine line) {
            return line.review() == null ? "" : words.get("review.state." + line.reviewStatus());
        }

        public String reason(SubmissionStore.RejectedRow row) {
            return RejectedRowsCsv.message(row, words);
        }

        /** Why a file of the ledger was not read, or what was noted of it. */
        public String reason(SubmissionStore.LedgerLine file) {
            return words.detail(file.reason());
        }

        /** A figure or a count with thousands separators; blank for none. */
        public String number(Object value) {
            if (value instanceof BigDecimal b) {
                return words.number(b);
            }
            if (value instanceof Number n) {
                return words.number(BigDecimal.valueOf(n.longValue()));
            }
            return "";
        }

        public String percent(BigDecimal fraction) {
            return words.percent(fraction);
        }

        public String started() {
            return words.time(runStarted);
        }

        public List<String> causes(ReconciliationLine line) {
            return causes.sentences(line);
        }

        public String county(String code) {
            return causes.county(code);
        }

        public String counties(List<String> codes) {
            return causes.counties(codes);
        }

        /** Whether a NO_DATA city figure lacks only the city's own value (its file was read: not "missing"). */
        public boolean cityLacks(ReconciliationLine line) {
            return line.causes().stream().anyMatch(c -> c.kind() == Cause.Kind.CITY_FILE_LACKS);
        }

        /** The reviewers' file's header, for a file that does not have the basis columns yet. */
        public String pasteHeader() {
            return String.join(",", ReviewFile.COLUMNS);
        }

        /** A line for the reviewers' file with the basis of tonight filled in; the reviewer writes note, name and date. */
        public String pasteLine(ReconciliationLine line) {
            String date = runStarted == null ? "" : runStarted.atZoneSameInstant(words.zone()).toLocalDate().toString();
            List<String> fields = List.of(line.indicatorCode(), Disposition.EXPLAINED.name(), words.get("html.review.paste.note"),
                    words.get("html.review.paste.reviewer"), date, Numbers.plain(line.cityTotal()),
                    String.valueOf(line.countiesReported()), line.namedCounty().orElse(""),
                    line.regionCode() == null ? "" : line.regionCode());
            return String.join(",", fields.stream().map(HtmlWords::csvField).toList());
        }

        public String change(Change change) {
            return words.word("change.", change.kind());
        }

        private static String csvField(String value) {
            return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        }
    }
}
