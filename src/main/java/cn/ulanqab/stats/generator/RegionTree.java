package cn.ulanqab.stats.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic registry: the country {@code 100000} (its parent {@code 000000} is not in the file, so it is
 * the top), 31 provinces {@code pp0000} (pp = 11 … 41), about 333 cities {@code ppcc00} spread evenly over the
 * provinces and the counties {@code ppccxx} (xx = 01 … 99) spread evenly over the cities, in contiguous
 * blocks. With fewer counties than 333 there are as many cities as counties (every city has at least one
 * county), and with fewer cities than 31 as many provinces as cities.
 */
public final class RegionTree {

    public static final String COUNTRY_CODE = "100000";
    public static final String COUNTRY_PARENT = "000000";
    public static final int MAX_PROVINCES = 31;
    public static final int MAX_CITIES = 333;

    private final Region country;
    private final List<Region> provinces = new ArrayList<>();
    private final List<Region> cities = new ArrayList<>();
    /** counties of each city, in the order of {@link #cities}. */
    private final List<List<Region>> countiesByCity = new ArrayList<>();

    public RegionTree(int counties) {
        int cityCount = Math.min(MAX_CITIES, counties);
        int provinceCount = Math.min(MAX_PROVINCES, cityCount);
        country = new Region(COUNTRY_CODE, "合成国", "合成国", "Synthetic Country", "country", COUNTRY_PARENT);
        int[] citiesPerProvince = spread(cityCount, provinceCount);
        int[] countiesPerCity = spread(counties, cityCount);
        int city = 0;
        for (int p = 0; p < provinceCount; p++) {
            String pp = String.valueOf(11 + p);
            Region province = new Region(pp + "0000", "合成省" + pp, "省" + pp, "Province " + pp, "province", COUNTRY_CODE);
            provinces.add(province);
            for (int c = 1; c <= citiesPerProvince[p]; c++, city++) {
                String ppcc = pp + two(c);
                Region cityRegion = new Region(ppcc + "00", "合成市" + ppcc, "市" + ppcc, "City " + ppcc, "city", province.code());
                cities.add(cityRegion);
                List<Region> block = new ArrayList<>();
                for (int x = 1; x <= countiesPerCity[city]; x++) {
                    String code = ppcc + two(x);
                    block.add(new Region(code, "合成县" + code, "县" + code, "County " + code, "county", cityRegion.code()));
                }
                countiesByCity.add(List.copyOf(block));
            }
        }
    }

    /** {@code total} items over {@code slots} slots, the first {@code total % slots} slots one more. */
    private static int[] spread(int total, int slots) {
        int[] n = new int[slots];
        for (int i = 0; i < slots; i++) {
            n[i] = total / slots + (i < total % slots ? 1 : 0);
        }
        return n;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    public Region country() {
        return country;
    }

    public List<Region> provinces() {
        return List.copyOf(provinces);
    }

    public List<Region> cities() {
        return List.copyOf(cities);
    }

    public List<Region> countiesOf(int cityIndex) {
        return countiesByCity.get(cityIndex);
    }

    /** Every region, top down: the country, each province followed by its cities, each city by its counties. */
    public List<Region> all() {
        List<Region> all = new ArrayList<>();
        all.add(country);
        int city = 0;
        for (Region province : provinces) {
            all.add(province);
            while (city < cities.size() && cities.get(city).parentCode().equals(province.code())) {
                all.add(cities.get(city));
                all.addAll(countiesByCity.get(city));
                city++;
            }
        }
        return all;
    }
}
