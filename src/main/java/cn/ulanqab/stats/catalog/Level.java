package cn.ulanqab.stats.catalog;

/** Who submits an indicator: every county, or the city bureau itself. */
public enum Level { COUNTY, CITY }
