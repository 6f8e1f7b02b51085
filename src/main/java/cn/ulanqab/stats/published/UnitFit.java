package cn.ulanqab.stats.published;

import java.math.BigDecimal;

/**
 * How a printed unit fits a catalog unit. Both are compared after splitting a leading 万 or 亿 off
 * (catalog {@code 万元} = 10^4 × {@code 元}) and reading 千米 as 公里. A figure printed without a unit is in
 * the catalog unit ({@code 405287.26} for 万元 is 405287.26 万元), and a magnitude printed without a unit
 * applies to the catalog unit's base ({@code 1.8亿} for 万元 is 1.8亿元 = 18000 万元; {@code 1.38万} for 户 is
 * 13,800 户).
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
     * The factor that turns a value of the figure ({@link PrintedFigure#value()}: number × magnitude) into the
     * catalog unit: 10^-4 for 元 against 万元, 1 for 千米 against 公里; for a figure without a unit 1, or with a
     * printed magnitude 1 ÷ the catalog unit's multiple (10^-4 for {@code 1.8亿} against 万元).
     *
     * @throws IllegalArgumentException when the units measure different things
     */
    static BigDecimal printedToCatalog(PrintedFigure figure, String catalogUnit) {
        Split catalog = Split.of(catalogUnit);
        if (figure.unit() == null || figure.unit().isBlank()) {
            return figure.magnitudePrinted() ? BigDecimal.ONE.divide(catalog.multiple()) : BigDecimal.ONE;
        }
        Split printed = Split.of(figure.unit());
        if (!printed.base().equals(catalog.base())) {
            throw new IllegalArgumentException("the printed unit '" + figure.unit() + "' does not fit the catalog unit '"
                    + catalogUnit + "' (" + printed.base() + " is not " + catalog.base() + ")");
        }
        return printed.multiple().divide(catalog.multiple());
    }

    /** A value of the figure (number × magnitude), in the catalog unit. */
    static BigDecimal toCatalog(BigDecimal printedValue, PrintedFigure figure, String catalogUnit) {
        return printedValue.multiply(printedToCatalog(figure, catalogUnit));
    }

    /** A value in the catalog unit, as a value of the figure (exact: the factor is a power of ten). */
    static BigDecimal toPrinted(BigDecimal catalogValue, PrintedFigure figure, String catalogUnit) {
        return catalogValue.divide(printedToCatalog(figure, catalogUnit));
    }
}
