package cn.ulanqab.stats.published;

/**
 * One row of {@code <input>/published/<period>.csv}: the printed text of an indicator's figure for a region, where
 * it stands in the report, and what it claims in the catalog unit. {@code regionCode} is the region the figure is
 * about (the city of a one-city registry when the file leaves it blank).
 */
public record PublishedFigure(String indicatorCode, String period, String text, String section, String quote,
                              PrintedFigure figure, Claim claim, String regionCode) {

    /** A figure whose region is not known (a published file read without the registry). */
    public PublishedFigure(String indicatorCode, String period, String text, String section, String quote,
                           PrintedFigure figure, Claim claim) {
        this(indicatorCode, period, text, section, quote, figure, claim, null);
    }

    /** (indicator, region, claim kind): a level and a change of one indicator are two figures. */
    public FigureKey key() {
        return new FigureKey(indicatorCode, regionCode, figure.kind());
    }

    public ClaimKind kind() {
        return figure.kind();
    }
}
