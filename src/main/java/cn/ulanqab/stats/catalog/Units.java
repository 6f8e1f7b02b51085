package cn.ulanqab.stats.catalog;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** The units a county may submit instead of the catalog unit, with the factor into the catalog unit. */
public final class Units {

    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");

    private static final Map<String, Map<String, BigDecimal>> CONVERSIONS = Map.ofEntries(
            Map.entry("万元", Map.of("元", new BigDecimal("0.0001"), "亿元", TEN_THOUSAND)),
            Map.entry("亩", Map.of("万亩", TEN_THOUSAND)),
            Map.entry("吨", Map.of("万吨", TEN_THOUSAND)),
            Map.entry("人", Map.of("万人", TEN_THOUSAND)),
            Map.entry("户", Map.of("万户", TEN_THOUSAND)),
            Map.entry("个", Map.of("万个", TEN_THOUSAND)),
            Map.entry("件", Map.of("万件", TEN_THOUSAND)),
            Map.entry("立方米", Map.of("万立方米", TEN_THOUSAND)),
            Map.entry("公里", Map.of("千米", BigDecimal.ONE)),
            Map.entry("平方公里", Map.of("平方千米", BigDecimal.ONE)));

    private Units() {
    }

    /**
     * The factor that turns a value in {@code submitted} into {@code catalogUnit}: 1 for a blank or
     * the catalog unit itself, the table's factor for an accepted alternative, empty otherwise.
     */
    public static Optional<BigDecimal> factor(String submitted, String catalogUnit) {
        String unit = submitted == null ? "" : submitted.strip();
        if (unit.isEmpty() || unit.equals(catalogUnit)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(CONVERSIONS.getOrDefault(catalogUnit, Map.of()).get(unit));
    }
}
