package cn.ulanqab.stats.published;

import java.math.BigDecimal;

/**
 * How a printed unit fits a catalog unit. Both are compared after splitting a leading 万 or 亿 off
 * (catalog {@code 万元} = 10^4 × {@code 元}) and reading 千米 as 公里; a blank printed unit is the
 * catalog's base unit.
 */
final class UnitFit {

    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");
    private static final BigDecimal HUNDRED_MILLION = new BigDecimal("100000000");

    private UnitFit() {
    }

    /** A unit split into its multiple of the base unit and the base unit: 万元 → (10^4, 元). */
    record Split(BigDecimal multiple, String base) {

        static Split of(String unit) {
            String u = unit == null ? "" : unit.strip();
            BigDecimal multiple = BigDecimal.ONE;
            if (u.length() > 1 && (u.startsWith("万") || u.startsWith("亿"))) {
                multiple = u.startsWith("万") ? TEN_THOUSAND : HUNDRED_MILLION;
                u = u.substring(1);
            }
            return new Split(multiple, u.replace("千米", "公里"));
        }
    }

    /**
     * The factor that turns a value in the printed base unit ({@link PrintedFigure#unit()}) into the
     * catalog unit: 10^-4 for 元 against 万元, 1 for 千米 against 公里.
     *
     * @throws IllegalArgumentException when the units measure different things
     */
    static BigDecimal printedToCatalog(String printedUnit, String catalogUnit) {
        Split catalog = Split.of(catalogUnit);
        Split printed = (printedUnit == null || printedUnit.isBlank()) ? new Split(BigDecimal.ONE, catalog.base())
                : Split.of(printedUnit);
        if (!printed.base().equals(catalog.base())) {
            throw new IllegalArgumentException("the printed unit '" + printedUnit + "' does not fit the catalog unit '"
                    + catalogUnit + "' (" + printed.base() + " is not " + catalog.base() + ")");
        }
        return printed.multiple().divide(catalog.multiple());
    }

    /** A value in the printed base unit, in the catalog unit. */
    static BigDecimal toCatalog(BigDecimal printedBaseValue, String printedUnit, String catalogUnit) {
        return printedBaseValue.multiply(printedToCatalog(printedUnit, catalogUnit));
    }

    /** A value in the catalog unit, in the printed base unit (exact: the factor is a power of ten). */
    static BigDecimal toPrinted(BigDecimal catalogValue, String printedUnit, String catalogUnit) {
        return catalogValue.divide(printedToCatalog(printedUnit, catalogUnit));
    }
}
