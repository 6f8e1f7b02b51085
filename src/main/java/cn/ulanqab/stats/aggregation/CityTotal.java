package cn.ulanqab.stats.aggregation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The total of one indicator for one region (a city, province, country …) with its completeness. {@code total} is
 * the full total when {@code complete}, the partial sum of the reporting counties for an incomplete SUM, and null
 * when nothing bounds it (no data, an incomplete ratio, a ratio whose denominator sums to zero). {@code reported}
 * and {@code missing} are the county-level units below the region (the city itself for a CITY indicator).
 */
public record CityTotal(String indicatorCode, BigDecimal total, List<String> reported, List<String> missing,
                        boolean complete, boolean noData, String note, String regionCode) {

    public CityTotal {
        reported = List.copyOf(reported);
        missing = List.copyOf(missing);
    }

    /** A total whose region is not named (the city of a one-city registry). */
    public CityTotal(String indicatorCode, BigDecimal total, List<String> reported, List<String> missing,
                     boolean complete, boolean noData, String note) {
        this(indicatorCode, total, reported, missing, complete, noData, note, null);
    }
}
