package cn.ulanqab.stats.catalog;

import cn.ulanqab.stats.wording.Detail;
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
                throw row.problem(Detail.of("config.code.blank"), Detail.of("fix.code.from.catalog"));
            }
            if (catalog.find(code).isEmpty()) {
                throw row.problem(Detail.of("config.indicator.not.in.catalog", code), Detail.of("fix.base.indicator.unknown"));
            }
            String region = row.get("region_code");
            if (region.isEmpty()) {
                if (!registry.singleCity()) {
                    throw row.problem(Detail.of("config.region.blank", code, registry.cities().size()),
                            Detail.of("fix.base.region.blank"));
                }
                region = registry.city().code();
            } else if (registry.find(region).isEmpty()) {
                String unknown = region;
                throw row.problem(Detail.of("config.region.unknown", unknown, code), Detail.of("fix.base.region.unknown"));
            }
            String text = row.get("total");
            BigDecimal total;
            try {
                total = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw row.problem(Detail.of("config.base.total.not.number", text, code), Detail.of("fix.base.total.number"));
            }
            if (total.signum() < 0) {
                throw row.problem(Detail.of("config.base.total.negative", text, code), Detail.of("fix.base.total.negative"));
            }
            Key key = new Key(code, region);
            Long earlier = firstLine.putIfAbsent(key, row.line());
            if (earlier != null) {
                throw row.problem(Detail.of("config.base.twice", code, region, earlier), Detail.of("fix.base.twice"));
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
