package cn.ulanqab.stats.catalog;

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
        return new ReferenceData(registry, catalog);
    }

    static Registry loadRegistry(Path file) {
        Map<String, Long> seen = new HashMap<>();
        List<County> all = ReferenceCsv.read(file,
                List.of("code", "name_zh", "short_name_zh", "name_en", "type", "parent_code"), (row, i) -> {
                    String code = row.get("code");
                    if (!code.matches("[0-9]{6}")) {
                        throw row.problem("code '" + code + "' is not a six-digit GB/T 2260 code", "write the unit's six-digit code");
                    }
                    Long earlier = seen.putIfAbsent(code, row.line());
                    if (earlier != null) {
                        throw row.problem("code " + code + " appears twice (first on line " + earlier + ")", "keep one row per unit");
                    }
                    return new County(code, row.get("name_zh"), row.get("short_name_zh"), row.get("name_en"),
                            row.get("type"), row.get("parent_code"));
                });
        List<County> cities = all.stream().filter(c -> c.type().equals("city")).toList();
        if (cities.size() != 1) {
            throw ConfigurationException.of(file.toString(), "has " + cities.size() + " units of type 'city'",
                    "the registry must have exactly one city, the parent of the county-level units");
        }
        County city = cities.get(0);
        List<County> counties = new ArrayList<>();
        for (County c : all) {
            if (c != city) {
                if (!c.parentCode().equals(city.code())) {
                    throw ConfigurationException.of(file.toString(), "unit " + c.code() + " has parent "
                            + c.parentCode() + ", not the city " + city.code(), "set parent_code to " + city.code());
                }
                counties.add(c);
            }
        }
        counties.sort((a, b) -> a.code().compareTo(b.code()));
        return new Registry(city, counties);
    }

    static Catalog loadCatalog(Path file) {
        Map<String, Long> seen = new HashMap<>();
        List<Indicator> indicators = ReferenceCsv.read(file,
                List.of("code", "name_zh", "name_en", "unit", "value_type", "level", "aggregation", "formula"), (row, i) -> {
                    String code = row.get("code");
                    if (!code.matches("[A-Z][A-Z0-9_]*")) {
                        throw row.problem("code '" + code + "' is not an indicator code", "use capital letters, digits and '_'");
                    }
                    Long earlier = seen.putIfAbsent(code, row.line());
                    if (earlier != null) {
                        throw row.problem("indicator " + code + " appears twice (first on line " + earlier + ")", "keep one row per indicator");
                    }
                    if (row.get("unit").isEmpty()) {
                        throw row.problem("indicator " + code + " has no unit", "write the catalog unit, e.g. 个 or 万元");
                    }
                    ValueType type = enumValue(row, "value_type", ValueType.class);
                    Level level = enumValue(row, "level", Level.class);
                    Aggregation aggregation = enumValue(row, "aggregation", Aggregation.class);
                    RatioFormula formula = null;
                    if (aggregation == Aggregation.RATIO) {
                        formula = RatioFormula.parse(row.get("formula")).orElseThrow(() -> row.problem(
                                "formula '" + row.get("formula") + "' of " + code + " cannot be read",
                                "write it as NUMERATOR_CODE / DENOMINATOR_CODE * FACTOR"));
                    } else if (!row.get("formula").isEmpty()) {
                        throw row.problem(code + " has a formula but aggregation " + aggregation, "clear the formula or set aggregation to RATIO");
                    }
                    if (aggregation == Aggregation.CITY && level != Level.CITY || level == Level.CITY && aggregation != Aggregation.CITY) {
                        throw row.problem(code + " has level " + level + " with aggregation " + aggregation,
                                "CITY-level indicators use aggregation CITY and county-level ones SUM or RATIO");
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
                        "the formula of " + ratio.code() + " names " + component + ", which is not in the catalog",
                        "add " + component + " to the catalog or correct the formula"));
                if (c.aggregation() != Aggregation.SUM) {
                    throw ConfigurationException.at(file.toString(), seen.get(ratio.code()), "the formula of " + ratio.code() + " uses "
                            + component + ", which is not a SUM indicator", "build ratios from summed county indicators");
                }
            }
        }
        return catalog;
    }

    private static <E extends Enum<E>> E enumValue(ReferenceCsv.Row row, String column, Class<E> type) {
        try {
            return Enum.valueOf(type, row.get(column));
        } catch (IllegalArgumentException e) {
            throw row.problem(column + " '" + row.get(column) + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()),
                    "write one of those words");
        }
    }
}
