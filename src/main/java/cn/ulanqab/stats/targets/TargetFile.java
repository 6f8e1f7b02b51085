package cn.ulanqab.stats.targets;

import cn.ulanqab.stats.published.UnreadableFigure;
import cn.ulanqab.stats.wording.Detail;
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
                throw row.problem(Detail.of("config.code.blank"), Detail.of("fix.code.from.catalog"));
            }
            Indicator indicator = catalog.find(code).orElseThrow(() -> row.problem(Detail.of("config.indicator.not.in.catalog", code),
                    Detail.of("fix.indicator.unknown")));
            String region = region(row, registry, indicator);
            Long earlier = firstLine.putIfAbsent(code + "@" + region, row.line());
            if (earlier != null) {
                throw row.problem(Detail.of("config.target.twice", code, region, earlier), Detail.of("fix.target.twice"));
            }
            String text = row.get("target_text");
            boolean growth = text.startsWith(GROWTH);
            PrintedFigure figure;
            try {
                figure = PrintedFigureParser.parse(growth ? text.substring(GROWTH.length()) : text);
            } catch (IllegalArgumentException e) {
                Detail reason = e instanceof UnreadableFigure unreadable ? unreadable.reason() : Detail.literal(e.getMessage());
                throw row.problem(Detail.of("config.target.unreadable", text, code, reason),
                        Detail.of("fix.target.unreadable"));
            }
            if (growth) {
                if (!figure.unit().equals("%")) {
                    throw row.problem(Detail.of("config.target.growth.unit", text, code), Detail.of("fix.target.growth.unit"));
                }
            } else {
                try {
                    Claim.of(figure, indicator.unit(), settings);
                } catch (IllegalArgumentException e) {
                    throw row.problem(Detail.of("config.target.unit", text, code, figure.unit(), indicator.unit()),
                            Detail.of("fix.check.unit"));
                }
            }
            return new Target(code, region, text, row.get("section"), row.get("quote"), figure, growth, row.line());
        });
    }

    private static String region(ReferenceCsv.Row row, Registry registry, Indicator indicator) {
        String region = row.get("region_code");
        if (region.isEmpty()) {
            if (!registry.singleCity()) {
                throw row.problem(Detail.of("config.region.blank", indicator.code(), registry.cities().size()),
                        Detail.of("fix.target.region.blank"));
            }
            return registry.city().code();
        }
        County r = registry.find(region).orElseThrow(() -> row.problem(Detail.of("config.region.unknown", region, indicator.code()),
                Detail.of("fix.region.unknown")));
        if (registry.isLeaf(region)) {
            throw row.problem(Detail.of("config.target.region.leaf", region, r.nameZh(), indicator.code()),
                    Detail.of("fix.target.region.leaf"));
        }
        if (indicator.level() == Level.CITY && !registry.isCity(region)) {
            throw row.problem(Detail.of("config.target.city.level", indicator.code(), region), Detail.of("fix.target.city.level"));
        }
        return region;
    }
}
