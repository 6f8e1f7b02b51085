package cn.ulanqab.stats.published;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.ConfigurationException;
import java.nio.file.Files;
import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Level;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceCsv;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the figures printed in the report for one period: {@code <input>/published/<period>.csv}. */
public final class PublishedFigures {

    public static final List<String> COLUMNS = List.of("indicator_code", "period", "published_text", "section", "quote");
    /** The optional last column: the region a figure is about; blank only when the registry has exactly one city. */
    public static final String REGION_COLUMN = "region_code";

    private PublishedFigures() {
    }

    /**
     * Reads the published figures (UTF-8, optional BOM, header row with {@link #COLUMNS}).
     *
     * @return indicator code → level figure, in file order (a change figure is not a figure of the indicator's level)
     * @throws cn.ulanqab.stats.ConfigurationException naming the file and line for a missing file or
     *         column, an unknown indicator, another period, an indicator twice, a text that cannot be
     *         read or a unit that does not fit the catalog unit
     */
    public static Map<String, PublishedFigure> load(Path file, String period, Catalog catalog, ClaimSettings settings) {
        Map<String, PublishedFigure> figures = new LinkedHashMap<>();
        read(file, period, catalog, null, settings).values().stream().filter(f -> f.kind() == ClaimKind.LEVEL).forEach(f -> {
            PublishedFigure earlier = figures.putIfAbsent(f.indicatorCode(), f);
            if (earlier != null) {
                throw ConfigurationException.of(file.toString(), Detail.of("config.published.several.regions", f.indicatorCode()),
                        Detail.of("fix.published.with.registry"));
            }
        });
        return figures;
    }

    /**
     * Reads the published figures of a registry of regions: the optional last column {@code region_code} names the
     * region each figure is about; it may be blank only when the registry has exactly one city (then that city).
     *
     * @return (indicator, region, claim kind) → figure, in file order
     * @throws cn.ulanqab.stats.ConfigurationException naming the file, line and fix, as {@link #load(Path, String,
     *         Catalog, ClaimSettings)} and for a region that is blank with several cities, not in the registry, a leaf
     *         (whose own figures are not totals), not a city for a CITY-level indicator, the same (indicator,
     *         region) twice with one claim kind, or a change in 个百分点 of an indicator whose unit is not %
     */
    public static Map<FigureKey, PublishedFigure> load(Path file, String period, Registry registry, Catalog catalog,
                                                       ClaimSettings settings) {
        return read(file, period, catalog, registry, settings);
    }

    /** The level figures of one region, by indicator code. */
    public static Map<String, PublishedFigure> ofRegion(Map<FigureKey, PublishedFigure> figures, String regionCode) {
        Map<String, PublishedFigure> result = new LinkedHashMap<>();
        figures.values().stream().filter(f -> regionCode.equals(f.regionCode()) && f.kind() == ClaimKind.LEVEL)
                .forEach(f -> result.put(f.indicatorCode(), f));
        return result;
    }

    private static Map<FigureKey, PublishedFigure> read(Path file, String period, Catalog catalog, Registry registry,
                                                        ClaimSettings settings) {
        Map<FigureKey, PublishedFigure> figures = new LinkedHashMap<>();
        Map<FigureKey, Long> firstLine = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            throw ConfigurationException.of(file.toString(), Detail.of("config.published.missing", period),
                    Detail.of("fix.published.missing", period));
        }
        ReferenceCsv.read(file, COLUMNS, (row, index) -> {
            String code = row.get("indicator_code");
            if (code.isEmpty()) {
                throw row.problem(Detail.of("config.code.blank"), Detail.of("fix.code.from.catalog"));
            }
            Indicator indicator = catalog.find(code).orElseThrow(() -> row.problem(
                    Detail.of("config.indicator.not.in.catalog", code), Detail.of("fix.indicator.unknown")));
            String rowPeriod = row.get("period");
            if (!rowPeriod.equals(period)) {
                throw row.problem(Detail.of("config.published.period", rowPeriod, period),
                        Detail.of("fix.published.period", period, rowPeriod));
            }
            String region = row.has(REGION_COLUMN) ? row.get(REGION_COLUMN) : "";
            if (registry != null) {
                region = region(row, registry, indicator, region);
            } else if (!region.isEmpty()) {
                region = region.strip();
            } else {
                region = null;
            }
            String text = row.get("published_text");
            PrintedFigure figure;
            try {
                figure = PrintedFigureParser.parse(text);
            } catch (IllegalArgumentException e) {
                Detail reason = e instanceof UnreadableFigure unreadable ? unreadable.reason() : Detail.literal(e.getMessage());
                throw row.problem(Detail.of("config.published.unreadable", text, code, reason),
                        Detail.of("fix.published.unreadable"));
            }
            FigureKey key = new FigureKey(code, region, figure.kind());
            Long earlier = firstLine.putIfAbsent(key, row.line());
            if (earlier != null) {
                boolean level = figure.kind() == ClaimKind.LEVEL;
                Detail kind = Detail.of("config.claim.kind." + figure.kind().name());
                throw row.problem(region == null || registry != null && registry.singleCity() && region.equals(registry.city().code())
                                ? level ? Detail.of("config.published.twice", code, earlier)
                                        : Detail.of("config.published.twice.kind", code, kind, earlier)
                                : level ? Detail.of("config.published.twice.region", code, region, earlier)
                                        : Detail.of("config.published.twice.region.kind", code, kind, region, earlier),
                        Detail.of("fix.published.twice"));
            }
            if (figure.kind() == ClaimKind.POINT_CHANGE && !"%".equals(indicator.unit())) {
                throw row.problem(Detail.of("config.published.points.unit", text, code, indicator.unit()),
                        Detail.of("fix.published.points.unit"));
            }
            Claim claim;
            try {
                claim = Claim.of(figure, indicator.unit(), settings);
            } catch (IllegalArgumentException e) {
                throw row.problem(Detail.of("config.published.unit", text, code, figure.unit(), indicator.unit()),
                        Detail.of("fix.check.unit"));
            }
            figures.put(key, new PublishedFigure(code, rowPeriod, text, row.get("section"), row.get("quote"), figure, claim, region));
            return null;
        });
        return figures;
    }

    private static String region(ReferenceCsv.Row row, Registry registry, Indicator indicator, String raw) {
        String region = raw.strip();
        if (region.isEmpty()) {
            if (!registry.singleCity()) {
                throw row.problem(Detail.of("config.region.blank", indicator.code(), registry.cities().size()),
                        Detail.of("fix.published.region.blank"));
            }
            return registry.city().code();
        }
        County r = registry.find(region).orElseThrow(() -> row.problem(Detail.of("config.region.unknown", region, indicator.code()),
                Detail.of("fix.region.unknown")));
        if (registry.isLeaf(region)) {
            throw row.problem(Detail.of("config.published.region.leaf", region, r.nameZh(), indicator.code()),
                    Detail.of("fix.published.region.leaf"));
        }
        if (indicator.level() == Level.CITY && !registry.isCity(region)) {
            throw row.problem(Detail.of("config.published.city.level", indicator.code(), region, r.nameZh(), r.type()),
                    Detail.of("fix.published.city.level"));
        }
        return region;
    }
}
