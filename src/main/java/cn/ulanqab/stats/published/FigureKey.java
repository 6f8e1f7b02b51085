package cn.ulanqab.stats.published;

/** What a printed figure, a total and a reconciliation line are about: an indicator for a region. */
public record FigureKey(String indicatorCode, String regionCode) {
}
