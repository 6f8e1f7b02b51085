package cn.ulanqab.stats.published;

import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceCsv;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the figures printed in the report for one period: {@code <input>/published/<period>.csv}. */
public final class PublishedFigures {

    public static final List<String> COLUMNS = List.of("indicator_code", "period", "published_text", "section", "quote");

    private PublishedFigures() {
    }

    /**
     * Reads the published figures (UTF-8, optional BOM, header row with {@link #COLUMNS}).
     *
     * @return indicator code → figure, in file order
     * @throws cn.ulanqab.stats.ConfigurationException naming the file and line for a missing file or
     *         column, an unknown indicator, another period, an indicator twice, a text that cannot be
     *         read or a unit that does not fit the catalog unit
     */
    public static Map<String, PublishedFigure> load(Path file, String period, Catalog catalog, ClaimSettings settings) {
        Map<String, PublishedFigure> figures = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        ReferenceCsv.read(file, COLUMNS, (row, index) -> {
            String code = row.get("indicator_code");
            if (code.isEmpty()) {
                throw row.problem("the indicator_code is blank", "write the indicator's code from the catalog");
            }
            Indicator indicator = catalog.find(code).orElseThrow(() -> row.problem(
                    "indicator " + code + " is not in the catalog",
                    "correct the code or add the indicator to reference/indicators.csv"));
            String rowPeriod = row.get("period");
            if (!rowPeriod.equals(period)) {
                throw row.problem("the period is '" + rowPeriod + "' but this file is for " + period,
                        "write " + period + " or move the row to published/" + rowPeriod + ".csv");
            }
            Long earlier = firstLine.putIfAbsent(code, row.line());
            if (earlier != null) {
                throw row.problem("indicator " + code + " appears twice (first on line " + earlier + ")",
                        "keep one printed figure per indicator");
            }
            String text = row.get("published_text");
            PrintedFigure figure;
            try {
                figure = PrintedFigureParser.parse(text);
            } catch (IllegalArgumentException e) {
                throw row.problem("the published_text '" + text + "' of " + code + " cannot be read: " + e.getMessage(),
                        "write the figure exactly as printed, e.g. 1.38万户, 近千家, 超95%");
            }
            Claim claim;
            try {
                claim = Claim.of(figure, indicator.unit(), settings);
            } catch (IllegalArgumentException e) {
                throw row.problem("the published_text '" + text + "' of " + code + " is in '" + figure.unit()
                                + "', which does not fit the catalog unit '" + indicator.unit() + "'",
                        "check the indicator code, or the unit in the catalog");
            }
            figures.put(code, new PublishedFigure(code, rowPeriod, text, row.get("section"), row.get("quote"), figure, claim));
            return null;
        });
        return figures;
    }
}
