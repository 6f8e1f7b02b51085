package cn.ulanqab.stats.report;

import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.PublishedFigure;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
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
        registry.counties().forEach(c -> names.put(c.code(), c.nameZh()));
        names.put(registry.city().code(), registry.city().nameZh());

        boolean regional = !registry.singleCity();
        long findingCount = night.lines().stream().filter(l -> l.status().isFinding()).count();
        List<FindingView> findings = night.lines().stream().filter(l -> l.status().isFinding()).sorted(FindingView.SEVERITY)
                .limit(TOP_FINDINGS).map(l -> view(l, night)).toList();
        List<ReconciliationLine> others = regional ? List.of()
                : night.lines().stream().filter(l -> !l.status().isFinding()).toList();
        registry.regions().forEach(r -> names.putIfAbsent(r.code(), r.nameZh()));
        Map<String, List<SubmissionStore.RejectedRow>> rejectedByUnit = new TreeMap<>();
        for (SubmissionStore.RejectedRow r : night.rejected()) {
            String unit = r.countyCode() == null || r.countyCode().isEmpty() ? "~" + r.file()
                    : r.countyCode();
            rejectedByUnit.computeIfAbsent(unit, k -> new java.util.ArrayList<>()).add(r);
        }
        Map<String, List<SubmissionStore.RejectedRow>> rejectedGroups = new LinkedHashMap<>();
        rejectedByUnit.forEach((unit, rows) -> rejectedGroups.put(unit.startsWith("~") ? unit.substring(1)
                : names.getOrDefault(unit, unit) + " " + unit, rows));

        Context context = new Context();
        context.setVariable("night", night);
        context.setVariable("summary", night.summary());
        context.setVariable("city", registry.city());
        context.setVariable("findings", findings);
        context.setVariable("others", others);
        context.setVariable("regional", regional);
        context.setVariable("findingCount", findingCount);
        context.setVariable("findingsCut", findingCount - findings.size());
        context.setVariable("rollup", regional ? rollup(registry, night.lines()) : List.of());
        context.setVariable("rejectedGroups", rejectedGroups);
        context.setVariable("names", names);
        context.setVariable("reportCheck", night.reportCheck());
        context.setVariable("reportFindings", night.reportCheck() == null ? List.of()
                : night.reportCheck().stream().filter(c -> c.status().isFinding()).toList());
        context.setVariable("runStarted", night.runStarted().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        context.setVariable("num", new NumberFormatter());
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

    /** Number formatting for the template. */
    public static final class NumberFormatter {
        public String plain(BigDecimal value) {
            return Numbers.plain(value);
        }

        public String percent(BigDecimal fraction) {
            return fraction == null ? "" : Numbers.plain(fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP)) + "%";
        }
    }

}
