package cn.ulanqab.stats.catalog;

import cn.ulanqab.stats.wording.Detail;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import cn.ulanqab.stats.ConfigurationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The registry and the catalog read from {@code <input>/reference/}, checked before any submission is read. */
public record ReferenceData(Registry registry, Catalog catalog) {

    public static final String COUNTIES_FILE = "counties.csv";
    public static final String INDICATORS_FILE = "indicators.csv";

    public static ReferenceData load(Path referenceFolder) {
        Registry registry = loadRegistry(referenceFolder.resolve(COUNTIES_FILE));
        Catalog catalog = loadCatalog(referenceFolder.resolve(INDICATORS_FILE));
        boolean cityIndicators = catalog.indicators().stream().anyMatch(i -> i.level() == Level.CITY);
        return new ReferenceData(cityIndicators ? registry : registry.withCityFiles(false), catalog);
    }

    static Registry loadRegistry(Path file) {
        Map<String, Long> seen = new HashMap<>();
        List<County> all = ReferenceCsv.read(file,
                List.of("code", "name_zh", "short_name_zh", "name_en", "type", "parent_code"), (row, i) -> {
                    String code = row.get("code");
                    if (!code.matches("[0-9]{6}")) {
                        throw row.problem(Detail.of("config.county.code", code), Detail.of("fix.county.code"));
                    }
                    Long earlier = seen.putIfAbsent(code, row.line());
                    if (earlier != null) {
                        throw row.problem(Detail.of("config.county.twice", code, earlier), Detail.of("fix.one.row.per.unit"));
                    }
                    return new County(code, row.get("name_zh"), row.get("short_name_zh"), row.get("name_en"),
                            row.get("type"), row.get("parent_code"));
                });
        return tree(file.toString(), all);
    }

    /**
     * Checks the regions form a tree: every parent either a region of the registry or not in it at all (then the
     * region is a top of the tree), no cycle, at least one region with no children (a leaf, which submits).
     */
    static Registry tree(String file, List<County> all) {
        Map<String, County> byCode = new HashMap<>();
        all.forEach(c -> byCode.put(c.code(), c));
        if (all.isEmpty()) {
            throw ConfigurationException.of(file, Detail.of("config.registry.empty"), Detail.of("fix.registry.empty"));
        }
        for (County c : all) {
            if (c.parentCode().equals(c.code())) {
                throw ConfigurationException.of(file, Detail.of("config.registry.own.parent", c.code()),
                        Detail.of("fix.registry.own.parent"));
            }
            Set<String> path = new LinkedHashSet<>();
            County r = c;
            while (r != null) {
                if (!path.add(r.code())) {
                    throw ConfigurationException.of(file, Detail.of("config.registry.cycle", String.join(" → ", path) + " → " + r.code()),
                            Detail.of("fix.registry.cycle"));
                }
                r = byCode.get(r.parentCode());
            }
        }
        List<County> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> a.code().compareTo(b.code()));
        Registry registry = new Registry(sorted);
        // one top marker: the parent code of the top(s) of the tree; a region whose parent is another unknown code is a typo
        Map<String, Integer> weight = new HashMap<>();
        registry.tops().forEach(t -> weight.merge(t.parentCode(), 1 + registry.leavesOf(t.code()).size(), Integer::sum));
        String marker = weight.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
        for (County top : registry.tops()) {
            if (!top.parentCode().equals(marker)) {
                throw ConfigurationException.of(file, Detail.of("config.registry.unknown.parent", top.code(), top.parentCode(), marker),
                        Detail.of("fix.registry.unknown.parent", marker));
            }
        }
        return registry;
    }

    static Catalog loadCatalog(Path file) {
        Map<String, Long> seen = new HashMap<>();
        List<Indicator> indicators = ReferenceCsv.read(file,
                List.of("code", "name_zh", "name_en", "unit", "value_type", "level", "aggregation", "formula"), (row, i) -> {
                    String code = row.get("code");
                    if (!code.matches("[A-Z][A-Z0-9_]*")) {
                        throw row.problem(Detail.of("config.indicator.code", code), Detail.of("fix.indicator.code"));
                    }
                    Long earlier = seen.putIfAbsent(code, row.line());
                    if (earlier != null) {
                        throw row.problem(Detail.of("config.indicator.twice", code, earlier), Detail.of("fix.one.row.per.indicator"));
                    }
                    if (row.get("unit").isEmpty()) {
                        throw row.problem(Detail.of("config.indicator.no.unit", code), Detail.of("fix.indicator.unit"));
                    }
                    ValueType type = enumValue(row, "value_type", ValueType.class);
                    Level level = enumValue(row, "level", Level.class);
                    Aggregation aggregation = enumValue(row, "aggregation", Aggregation.class);
                    RatioFormula formula = null;
                    if (aggregation == Aggregation.RATIO) {
                        formula = RatioFormula.parse(row.get("formula")).orElseThrow(() -> row.problem(
                                Detail.of("config.indicator.formula", row.get("formula"), code), Detail.of("fix.indicator.formula")));
                    } else if (!row.get("formula").isEmpty()) {
                        throw row.problem(Detail.of("config.indicator.formula.not.ratio", code, aggregation),
                                Detail.of("fix.indicator.formula.not.ratio"));
                    }
                    if (aggregation == Aggregation.CITY && level != Level.CITY || level == Level.CITY && aggregation != Aggregation.CITY) {
                        throw row.problem(Detail.of("config.indicator.level", code, level, aggregation), Detail.of("fix.indicator.level"));
                    }
                    return new Indicator(code, row.get("name_zh"), row.get("name_en"), row.get("unit"), type, level, aggregation, formula);
                });
        Catalog catalog = new Catalog(indicators);
        for (Indicator ratio : indicators) {
            if (!ratio.isRatio()) {
                continue;
            }
            for (String component : Set.of(ratio.formula().numerator(), ratio.formula().denominator())) {
                Indicator c = catalog.find(component).orElseThrow(() -> ConfigurationException.at(file.toString(), seen.get(ratio.code()),
                        Detail.of("config.indicator.formula.unknown", ratio.code(), component),
                        Detail.of("fix.indicator.formula.unknown", component)));
                if (c.aggregation() != Aggregation.SUM) {
                    throw ConfigurationException.at(file.toString(), seen.get(ratio.code()),
                            Detail.of("config.indicator.formula.not.sum", ratio.code(), component),
                            Detail.of("fix.indicator.formula.not.sum"));
                }
            }
        }
        return catalog;
    }

    private static <E extends Enum<E>> E enumValue(ReferenceCsv.Row row, String column, Class<E> type) {
        try {
            return Enum.valueOf(type, row.get(column));
        } catch (IllegalArgumentException e) {
            throw row.problem(Detail.of("config.reference.enum", column, row.get(column), Arrays.toString(type.getEnumConstants())),
                    Detail.of("fix.reference.enum"));
        }
    }
}
