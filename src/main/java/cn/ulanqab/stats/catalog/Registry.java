package cn.ulanqab.stats.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The city and its county-level units, counties in code order. */
public record Registry(County city, List<County> counties) {

    public Registry {
        counties = List.copyOf(counties);
    }

    public Optional<County> find(String code) {
        if (city.code().equals(code)) {
            return Optional.of(city);
        }
        return counties.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public boolean isCity(String code) {
        return city.code().equals(code);
    }

    public List<String> countyCodes() {
        return counties.stream().map(County::code).toList();
    }

    public Map<String, County> byCode() {
        return counties.stream().collect(Collectors.toMap(County::code, Function.identity()));
    }
}
