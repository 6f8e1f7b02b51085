package cn.ulanqab.stats.aggregation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The city total of one indicator with its completeness. {@code total} is the full total when
 * {@code complete}, the partial sum of the reporting counties for an incomplete SUM, and null when
 * nothing bounds it (no data, an incomplete ratio, a ratio whose denominator sums to zero).
 */
public record CityTotal(String indicatorCode, BigDecimal total, List<String> reported, List<String> missing,
                        boolean complete, boolean noData, String note) {

    public CityTotal {
        reported = List.copyOf(reported);
        missing = List.copyOf(missing);
    }
}
