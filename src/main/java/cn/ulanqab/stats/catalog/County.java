package cn.ulanqab.stats.catalog;

/** A unit of the registry (GB/T 2260 code): the city or one of its county-level units. */
public record County(String code, String nameZh, String shortNameZh, String nameEn, String type, String parentCode) {
}
