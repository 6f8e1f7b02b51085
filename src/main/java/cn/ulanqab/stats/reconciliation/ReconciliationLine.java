package cn.ulanqab.stats.reconciliation;

import java.math.BigDecimal;
import java.util.List;

/** One line of reconciliation.csv: the printed figure, the city total and the verdict. Values in the catalog unit. */
public record ReconciliationLine(String indicatorCode, String nameZh, String nameEn, String unit, String publishedText,
                                 BigDecimal publishedValue, String claim, BigDecimal cityTotal, String asPrinted,
                                 BigDecimal difference, BigDecimal relativeDifference, Status status, int countiesReported,
                                 List<String> missingCounties, String hint, String section, String quote) {

    public ReconciliationLine {
        missingCounties = List.copyOf(missingCounties);
    }
}
