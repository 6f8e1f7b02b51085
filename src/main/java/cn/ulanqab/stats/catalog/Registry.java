package cn.ulanqab.stats.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The regions as a tree through {@code parent_code}: county → city → province → country, any depth. A parent code
 * that is not in the registry marks the top of the tree. The leaves (units without children) are the
 * {@link #counties()}: they submit files and their values are summed into every region above them. Regions of type
 * {@code city} also submit their own CITY-level indicators. Everything is in code order. Validation (unique codes,
 * no cycles, at least one leaf) is done by {@link ReferenceData} before a registry is built.
 */
public final class Registry {

    public static final String CITY_TYPE = "city";

    private final Map<String, County> byCode = new LinkedHashMap<>();
    private final Map<String, List<County>> children = new HashMap<>();
    private final Map<String, List<County>> leavesUnder = new HashMap<>();
    private final List<County> counties;
    private final List<County> aggregates;
    private final List<County> cities;
    private final List<County> tops;
    private final boolean cityFiles;

    /** @param regions every region of the registry; {@code cityFiles}: whether cities submit a file of their own */
    public Registry(List<County> regions, boolean cityFiles) {
        List<County> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparing(County::code));
        sorted.forEach(r -> byCode.put(r.code(), r));
        for (County r : sorted) {
            if (byCode.containsKey(r.parentCode())) {
                children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
            }
        }
        counties = sorted.stream().filter(r -> !children.containsKey(r.code())).toList();
        aggregates = sorted.stream().filter(r -> children.containsKey(r.code())).toList();
        cities = sorted.stream().filter(r -> CITY_TYPE.equals(r.type())).toList();
        tops = sorted.stream().filter(r -> !byCode.containsKey(r.parentCode())).toList();
        for (County leaf : counties) {
            for (County a : ancestors(leaf.code())) {
                leavesUnder.computeIfAbsent(a.code(), k -> new ArrayList<>()).add(leaf);
            }
        }
        this.cityFiles = cityFiles;
    }

    /** A registry whose cities submit files of their own (as when the catalog has CITY-level indicators). */
    public Registry(List<County> regions) {
        this(regions, true);
    }

    /** The same regions; {@code cityFiles} says whether each city is expected to send a file of its own. */
    public Registry withCityFiles(boolean expected) {
        return new Registry(List.copyOf(byCode.values()), expected);
    }

    public Optional<County> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Every region, in code order. */
    public List<County> regions() {
        return List.copyOf(byCode.values());
    }

    /** The leaves: units without children, which submit files; in code order. */
    public List<County> counties() {
        return counties;
    }

    public List<String> countyCodes() {
        return counties.stream().map(County::code).toList();
    }

    /** The regions above the leaves (every region with children), which get totals; in code order. */
    public List<County> aggregates() {
        return aggregates;
    }

    /** The regions of type {@code city}, in code order. */
    public List<County> cities() {
        return cities;
    }

    /** The regions whose parent is not in the registry: the tops of the tree. */
    public List<County> tops() {
        return tops;
    }

    /** Whether the registry has exactly one region of type city (the shape of the shipped 乌兰察布市 registry). */
    public boolean singleCity() {
        return cities.size() == 1;
    }

    /**
     * The city of a one-city registry; otherwise the first top of the tree (the region a report is titled by).
     */
    public County city() {
        return singleCity() ? cities.get(0) : tops.get(0);
    }

    public boolean isCity(String code) {
        County r = byCode.get(code);
        return r != null && CITY_TYPE.equals(r.type());
    }

    public boolean isLeaf(String code) {
        return byCode.containsKey(code) && !children.containsKey(code);
    }

    public List<County> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /** The leaves below a region, in code order; a leaf's own list is itself. */
    public List<County> leavesOf(String code) {
        if (isLeaf(code)) {
            return List.of(byCode.get(code));
        }
        return leavesUnder.getOrDefault(code, List.of());
    }

    public List<String> leafCodesOf(String code) {
        return leavesOf(code).stream().map(County::code).toList();
    }

    /** The regions above a region, nearest first (its parent, then the parent's parent …). */
    public List<County> ancestors(String code) {
        List<County> result = new ArrayList<>();
        County r = byCode.get(code);
        while (r != null && byCode.containsKey(r.parentCode()) && result.size() <= byCode.size()) {
            r = byCode.get(r.parentCode());
            result.add(r);
        }
        return Collections.unmodifiableList(result);
    }

    /** The nearest region of type city at or above a region, if any. */
    public Optional<County> cityOf(String code) {
        if (isCity(code)) {
            return find(code);
        }
        return ancestors(code).stream().filter(r -> CITY_TYPE.equals(r.type())).findFirst();
    }

    /** The distinct region types, in code order of their first region. */
    public List<String> types() {
        return byCode.values().stream().map(County::type).distinct().toList();
    }

    /** Whether each city is expected to send a file of its own (only when the catalog has CITY-level indicators). */
    public boolean cityFiles() {
        return cityFiles;
    }

    /** The units expected to send a file: every leaf, and every city when cities send files; in code order. */
    public List<County> submitters() {
        return byCode.values().stream().filter(r -> isLeaf(r.code()) || cityFiles && isCity(r.code())).toList();
    }

    public Map<String, County> byCode() {
        return counties.stream().collect(Collectors.toMap(County::code, Function.identity()));
    }
}
