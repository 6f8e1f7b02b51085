package cn.ulanqab.stats.report;

import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.aggregation.RegionTotals;
import cn.ulanqab.stats.catalog.BaseTotals;
import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.files.CsvOutput;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * base.csv: this run's complete totals (SUM, RATIO and CITY) of every region above the counties, in catalog order and
 * each indicator's regions in code order, in the format of {@code input/base/<period>.csv}: copied there, it is next
 * year's base. A total that is incomplete or has no data is left out (a change against it would be NO_DATA).
 */
final class BaseCsv {

    static final String FILE = "base.csv";

    private BaseCsv() {
    }

    static void write(Path folder, ReferenceData reference, RegionTotals sums) {
        CsvOutput.write(folder.resolve(FILE), BaseTotals.COLUMNS, out -> {
            for (Indicator indicator : reference.catalog().indicators()) {
                for (County region : reference.registry().aggregates()) {
                    CityTotal t = sums.total(indicator, region.code());
                    if (t.complete() && t.total() != null) {
                        out.accept(List.of(indicator.code(), region.code(), exact(t.total())));
                    }
                }
            }
        });
    }

    /** Every digit of the total (a base is read back as it is written), without trailing zeros or an exponent. */
    private static String exact(BigDecimal total) {
        BigDecimal v = total.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }
}
