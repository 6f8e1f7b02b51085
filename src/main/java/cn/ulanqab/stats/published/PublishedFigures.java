package cn.ulanqab.stats.published;

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
                throw ConfigurationException.of(file.toString(), "indicator " + f.indicatorCode()
                        + " is printed for several regions", "read this file with the registry");
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
            throw ConfigurationException.of(file.toString(), "the printed figures of period " + period + " are missing",
                    "write one row per printed figure (indicator_code, period, published_text, section, quote), or regenerate it"
                            + " from the report with --extract=<report.txt> --write-published --period=" + period);
        }
        ReferenceCsv.read(file, COLUMNS, (row, index) -> {
            String code = row.get("indicator_code");
            if (code.isEmpty()) {
                throw row.problem("the indicator_code is blank", "write the indicator's code from the catalog");
            }
            Indicator indicator = catalog.find(code).orElseThrow(() -> row.problem(
                    "indicator " + code + " is not in the catalog",
                    "correct the code or add the indicator to reference/indicators.csv"));
            String rowPeriod = row.get("period");
            if (!rowPeriod.equals(period)) {
                throw row.problem("the period is '" + rowPeriod + "' but this file is for " + period,
                        "write " + period + " or move the row to published/" + rowPeriod + ".csv");
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
                throw row.problem("the published_text '" + text + "' of " + code + " cannot be read: " + e.getMessage(),
                        "write the figure exactly as printed, e.g. 1.38万户, 近千家, 超95%, 增长33.4%, 提高23.4个百分点");
            }
            FigureKey key = new FigureKey(code, region, figure.kind());
            Long earlier = firstLine.putIfAbsent(key, row.line());
            if (earlier != null) {
                String what = figure.kind() == ClaimKind.LEVEL ? "" : " (a " + figure.kind().code() + " figure)";
                throw row.problem(region == null || registry != null && registry.singleCity() && region.equals(registry.city().code())
                                ? "indicator " + code + what + " appears twice (first on line " + earlier + ")"
                                : "indicator " + code + what + " for region " + region + " appears twice (first on line " + earlier + ")",
                        "keep one printed figure per indicator, region and claim kind (one level, one change)");
            }
            if (figure.kind() == ClaimKind.POINT_CHANGE && !"%".equals(indicator.unit())) {
                throw row.problem("the published_text '" + text + "' of " + code + " is a change in 个百分点 (a difference of rates) but "
                                + code + " is in '" + indicator.unit() + "', not %",
                        "print a change of a count or amount in % (增长x%, 下降x%), or check the indicator code");
            }
            Claim claim;
            try {
                claim = Claim.of(figure, indicator.unit(), settings);
            } catch (IllegalArgumentException e) {
                throw row.problem("the published_text '" + text + "' of " + code + " is in '" + figure.unit()
                                + "', which does not fit the catalog unit '" + indicator.unit() + "'",
                        "check the indicator code, or the unit in the catalog");
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
                throw row.problem("the region_code of " + indicator.code() + " is blank but the registry has "
                                + registry.cities().size() + " cities",
                        "write the code of the region the figure is about (a city, province or the country)");
            }
            return registry.city().code();
        }
        County r = registry.find(region).orElseThrow(() -> row.problem("region " + region + " of " + indicator.code()
                + " is not in the registry", "write a region code of reference/counties.csv"));
        if (registry.isLeaf(region)) {
            throw row.problem("region " + region + " (" + r.nameZh() + ") of " + indicator.code()
                            + " is a county-level unit: its figures are submitted, not totals",
                    "write the code of a region above the counties (a city, province or the country)");
        }
        if (indicator.level() == Level.CITY && !registry.isCity(region)) {
            throw row.problem(indicator.code() + " is a CITY-level indicator but region " + region + " (" + r.nameZh()
                    + ") is of type " + r.type(), "print CITY-level indicators for regions of type city only");
        }
        return region;
    }
}
