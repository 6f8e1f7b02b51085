package cn.ulanqab.stats.catalog;

import cn.ulanqab.stats.ConfigurationException;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Last year's final totals, the base b of a change figure and of a target's pace:
 * {@code <input>/base/<period>.csv} with the header {@code indicator_code,region_code,total} (total in the catalog
 * unit). A blank region_code is the city of a one-city registry, as in the published files. Immutable once read.
 */
public final class BaseTotals {

    public static final String FOLDER = "base";
    public static final List<String> COLUMNS = List.of("indicator_code", "region_code", "total");

    /** What a base total is about: an indicator for a region. */
    public record Key(String indicatorCode, String regionCode) {
    }

    private final Period period;
    private final Path file;
    private final Map<Key, BigDecimal> totals;

    private BaseTotals(Period period, Path file, Map<Key, BigDecimal> totals) {
        this.period = period;
        this.file = file;
        this.totals = Collections.unmodifiableMap(totals);
    }

    /** {@code <input>/base/<period>.csv}. */
    public static Path fileOf(Path input, Period period) {
        return input.resolve(FOLDER).resolve(period.label() + ".csv");
    }

    /** No base at all (the file is absent): every lookup is empty. */
    public static BaseTotals none(Period period, Path file) {
        return new BaseTotals(period, file, new LinkedHashMap<>());
    }

    /**
     * Reads {@code <input>/base/<period>.csv}; an absent file is a base without rows (each change figure then has no
     * base, which is a finding, not a broken configuration).
     *
     * @throws ConfigurationException naming the file and line for a missing column, an unknown indicator or region, a
     *         blank region with several cities, a total that is not a number or is negative, or the same (indicator,
     *         region) twice
     */
    public static BaseTotals read(Path input, Period period, ReferenceData reference) {
        Path file = fileOf(input, period);
        if (!Files.exists(file)) {
            return none(period, file);
        }
        return read(file, period, reference.registry(), reference.catalog());
    }

    /** Reads a base file that must exist (see {@link #read(Path, Period, ReferenceData)}). */
    public static BaseTotals read(Path file, Period period, Registry registry, Catalog catalog) {
        Map<Key, BigDecimal> totals = new LinkedHashMap<>();
        Map<Key, Long> firstLine = new HashMap<>();
        ReferenceCsv.read(file, COLUMNS, (row, index) -> {
            String code = row.get("indicator_code");
            if (code.isEmpty()) {
                throw row.problem("the indicator_code is blank", "write the indicator's code from the catalog");
            }
            if (catalog.find(code).isEmpty()) {
                throw row.problem("indicator " + code + " is not in the catalog",
                        "correct the code, delete the row or add the indicator to reference/indicators.csv");
            }
            String region = row.get("region_code");
            if (region.isEmpty()) {
                if (!registry.singleCity()) {
                    throw row.problem("the region_code of " + code + " is blank but the registry has "
                            + registry.cities().size() + " cities", "write the code of the region the total is about");
                }
                region = registry.city().code();
            } else if (registry.find(region).isEmpty()) {
                String unknown = region;
                throw row.problem("region " + unknown + " of " + code + " is not in the registry",
                        "write a region code of reference/counties.csv or delete the row");
            }
            String text = row.get("total");
            BigDecimal total;
            try {
                total = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw row.problem("the total '" + text + "' of " + code + " is not a number",
                        "write last year's final total in the catalog unit, digits and a decimal point only (e.g. 1234.5)");
            }
            if (total.signum() < 0) {
                throw row.problem("the total " + text + " of " + code + " is negative",
                        "write last year's final total (0 or more) in the catalog unit");
            }
            Key key = new Key(code, region);
            Long earlier = firstLine.putIfAbsent(key, row.line());
            if (earlier != null) {
                throw row.problem("indicator " + code + " for region " + region + " appears twice (first on line " + earlier + ")",
                        "keep one base total per indicator and region");
            }
            totals.put(key, total);
            return null;
        });
        return new BaseTotals(period, file, totals);
    }

    /** Last year's total of an indicator for a region, if the base file has one. */
    public Optional<BigDecimal> total(String indicatorCode, String regionCode) {
        return Optional.ofNullable(totals.get(new Key(indicatorCode, regionCode)));
    }

    /** Every base total, in file order. */
    public Map<Key, BigDecimal> totals() {
        return totals;
    }

    /** The period the totals are of (last year's, for a run's base). */
    public Period period() {
        return period;
    }

    /** The file they were read from (it may be absent). */
    public Path file() {
        return file;
    }

    public boolean isEmpty() {
        return totals.isEmpty();
    }
}
