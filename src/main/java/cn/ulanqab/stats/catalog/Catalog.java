package cn.ulanqab.stats.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The indicator catalog, in the order of the catalog file. */
public final class Catalog {

    private final Map<String, Indicator> byCode = new LinkedHashMap<>();

    public Catalog(List<Indicator> indicators) {
        indicators.forEach(i -> byCode.put(i.code(), i));
    }

    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Indicator get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("not in the catalog: " + code));
    }

    public List<Indicator> indicators() {
        return List.copyOf(byCode.values());
    }
}
