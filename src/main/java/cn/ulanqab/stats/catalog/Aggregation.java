package cn.ulanqab.stats.catalog;

/** How the city total is formed: summed over the counties, computed from summed components, or taken from the city file. */
public enum Aggregation { SUM, RATIO, CITY }
