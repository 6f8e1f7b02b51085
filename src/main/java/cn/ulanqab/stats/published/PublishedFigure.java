package cn.ulanqab.stats.published;

/**
 * One row of {@code <input>/published/<period>.csv}: the printed text of an indicator's figure, where
 * it stands in the report, and what it claims in the catalog unit.
 */
public record PublishedFigure(String indicatorCode, String period, String text, String section, String quote,
                              PrintedFigure figure, Claim claim) {
}
