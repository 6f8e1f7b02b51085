package cn.ulanqab.stats.targets;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Level;
import cn.ulanqab.stats.catalog.ReferenceCsv;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.Claim;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.published.PrintedFigure;
import cn.ulanqab.stats.published.PrintedFigureParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The year's targets: {@code <input>/targets/<year>.csv} with the header
 * {@code indicator_code,region_code,target_text,section,quote}, {@code target_text} as printed in the report's plan
 * part ({@code 5500人以上}, {@code 320公里}, {@code 增长6%左右}). A blank region_code is the city of a one-city registry.
 */
public final class TargetFile {

    public static final String FOLDER = "targets";
    public static final List<String> COLUMNS = List.of("indicator_code", "region_code", "target_text", "section", "quote");
    /** The word that makes a target a growth against the same period of last year. */
    public static final String GROWTH = "增长";

    private TargetFile() {
    }

    public static Path of(Path input, int year) {
        return input.resolve(FOLDER).resolve(year + ".csv");
    }

    /**
     * Reads the targets of a year; an absent file is a year without targets.
     *
     * @throws ConfigurationException naming the file, the line and the fix for a missing column, an unknown indicator or
     *         region, a county-level region, a CITY indicator for a region that is not a city, a text the printed-figure
     *         parser cannot read, a growth not in %, a unit that does not fit the catalog unit, or the same (indicator,
     *         region) twice
     */
    public static List<Target> load(Path file, Registry registry, Catalog catalog, ClaimSettings settings) {
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, Long> firstLine = new HashMap<>();
        return ReferenceCsv.read(file, COLUMNS, (row, index) -> {
            String code = row.get("indicator_code");
            if (code.isEmpty()) {
                throw row.problem("the indicator_code is blank", "write the indicator's code from the catalog");
            }
            Indicator indicator = catalog.find(code).orElseThrow(() -> row.problem("indicator " + code + " is not in the catalog",
                    "correct the code or add the indicator to reference/indicators.csv"));
            String region = region(row, registry, indicator);
            Long earlier = firstLine.putIfAbsent(code + "@" + region, row.line());
            if (earlier != null) {
                throw row.problem("indicator " + code + " for region " + region + " has a target already (line " + earlier + ")",
                        "keep one target per indicator and region");
            }
            String text = row.get("target_text");
            boolean growth = text.startsWith(GROWTH);
            PrintedFigure figure;
            try {
                figure = PrintedFigureParser.parse(growth ? text.substring(GROWTH.length()) : text);
            } catch (IllegalArgumentException e) {
                throw row.problem("the target_text '" + text + "' of " + code + " cannot be read: " + e.getMessage(),
                        "write the target exactly as printed, e.g. 5500人以上, 320公里, 增长6%左右");
            }
            if (growth) {
                if (!figure.unit().equals("%")) {
                    throw row.problem("the growth target '" + text + "' of " + code + " is not in %",
                            "write a growth as printed in percent, e.g. 增长6%左右");
                }
            } else {
                try {
                    Claim.of(figure, indicator.unit(), settings);
                } catch (IllegalArgumentException e) {
                    throw row.problem("the target_text '" + text + "' of " + code + " is in '" + figure.unit()
                                    + "', which does not fit the catalog unit '" + indicator.unit() + "'",
                            "check the indicator code, or the unit in the catalog");
                }
            }
            return new Target(code, region, text, row.get("section"), row.get("quote"), figure, growth, row.line());
        });
    }

    private static String region(ReferenceCsv.Row row, Registry registry, Indicator indicator) {
        String region = row.get("region_code");
        if (region.isEmpty()) {
            if (!registry.singleCity()) {
                throw row.problem("the region_code of " + indicator.code() + " is blank but the registry has "
                        + registry.cities().size() + " cities", "write the code of the region the target is for");
            }
            return registry.city().code();
        }
        County r = registry.find(region).orElseThrow(() -> row.problem("region " + region + " of " + indicator.code()
                + " is not in the registry", "write a region code of reference/counties.csv"));
        if (registry.isLeaf(region)) {
            throw row.problem("region " + region + " (" + r.nameZh() + ") of " + indicator.code()
                    + " is a county-level unit: the year's targets are set for the city and the regions above it",
                    "write the code of a region above the counties");
        }
        if (indicator.level() == Level.CITY && !registry.isCity(region)) {
            throw row.problem(indicator.code() + " is a CITY-level indicator but region " + region + " is not a city",
                    "set CITY-level targets for cities only");
        }
        return region;
    }
}
