package cn.ulanqab.stats.generator;

/** One row of the generated {@code counties.csv}. */
public record Region(String code, String nameZh, String shortNameZh, String nameEn, String type, String parentCode) {

    public String csvLine() {
        return code + ',' + nameZh + ',' + shortNameZh + ',' + nameEn + ',' + type + ',' + parentCode;
    }
}
