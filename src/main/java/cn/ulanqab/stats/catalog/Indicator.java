package cn.ulanqab.stats.catalog;

/** An indicator of the catalog. {@code formula} is present for RATIO indicators only. */
public record Indicator(String code, String nameZh, String nameEn, String unit, ValueType valueType,
                        Level level, Aggregation aggregation, RatioFormula formula) {

    public boolean isRatio() {
        return aggregation == Aggregation.RATIO;
    }
}
