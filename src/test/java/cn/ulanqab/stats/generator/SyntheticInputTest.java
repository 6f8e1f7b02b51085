package cn.ulanqab.stats.generator;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.RatioFormula;
import cn.ulanqab.stats.published.Claim;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.published.PrintedFigureParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The synthetic input read back with its own arithmetic (BigDecimal), independent of the generator's. */
class SyntheticInputTest {

    private static final int N = 45;
    private static final int M = 25;
    /** every indicator printed by every city and every 7th printed figure planted wrong: many mismatches on small data */
    private static final GeneratorSettings DENSE = new GeneratorSettings(N, M, "2023", 7L, 1, 7);

    @TempDir
    Path tmp;

    private static List<CSVRecord> read(Path file, String... header) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, format)) {
            assertThat(parser.getHeaderNames()).as(file.toString()).containsExactly(header);
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).as(file + " rows have the header's width").allMatch(CSVRecord::isConsistent);
            return records;
        }
    }

    private static List<CSVRecord> counties(Path folder) throws IOException {
        return read(folder.resolve("reference/counties.csv"), "code", "name_zh", "short_name_zh", "name_en", "type", "parent_code");
    }

    private static List<CSVRecord> indicators(Path folder) throws IOException {
        return read(folder.resolve("reference/indicators.csv"), "code", "name_zh", "name_en", "unit", "value_type", "level", "aggregation", "formula");
    }

    private static List<CSVRecord> published(Path folder) throws IOException {
        return read(folder.resolve("published/2023.csv"), "indicator_code", "period", "published_text", "section", "quote", "region_code");
    }

    @Test
    void theRegistryIsOneTreeCountryProvincesCitiesCounties() throws IOException {
        SyntheticInput.generate(tmp, DENSE);
        List<CSVRecord> regions = counties(tmp);
        Map<String, CSVRecord> byCode = new HashMap<>();
        for (CSVRecord r : regions) {
            assertThat(r.get("code")).matches("[0-9]{6}");
            assertThat(byCode.put(r.get("code"), r)).as("code %s unique", r.get("code")).isNull();
        }
        Map<String, Long> types = regions.stream().collect(Collectors.groupingBy(r -> r.get("type"), Collectors.counting()));
        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of("country", 1L, "province", 31L, "city", 45L, "county", (long) N));

        List<CSVRecord> tops = regions.stream().filter(r -> !byCode.containsKey(r.get("parent_code"))).toList();
        assertThat(tops).hasSize(1);
        assertThat(tops.get(0).get("code")).isEqualTo("100000");
        assertThat(tops.get(0).get("type")).isEqualTo("country");
        assertThat(tops.get(0).get("parent_code")).isEqualTo("000000");

        Map<String, String> parentType = Map.of("province", "country", "city", "province", "county", "city");
        Map<String, Integer> children = new HashMap<>();
        for (CSVRecord r : regions) {
            if (r.get("type").equals("country")) {
                continue;
            }
            CSVRecord parent = byCode.get(r.get("parent_code"));
            assertThat(parent).as("parent of %s", r.get("code")).isNotNull();
            assertThat(parent.get("type")).as("parent of %s", r.get("code")).isEqualTo(parentType.get(r.get("type")));
            children.merge(parent.get("code"), 1, Integer::sum);
        }
        for (CSVRecord r : regions) {
            if (!r.get("type").equals("county")) {
                assertThat(children.getOrDefault(r.get("code"), 0)).as("children of %s", r.get("code")).isPositive();
            }
        }
    }

    @Test
    void theNationalShapeHas333CitiesOver31ProvincesWithFewIndicators() throws IOException {
        SyntheticInput.Summary s = SyntheticInput.generate(tmp, new GeneratorSettings(2844, 3, "2023", 1L, 10, 997));
        assertThat(s.provinces()).isEqualTo(31);
        assertThat(s.cities()).isEqualTo(333);
        assertThat(s.submissionRows()).isEqualTo(2844L * 3);
        List<CSVRecord> regions = counties(tmp);
        assertThat(regions).hasSize(1 + 31 + 333 + 2844);
        Map<String, Long> perCity = regions.stream().filter(r -> r.get("type").equals("county"))
                .collect(Collectors.groupingBy(r -> r.get("parent_code"), Collectors.counting()));
        assertThat(perCity).hasSize(333);
        assertThat(perCity.values()).allMatch(n -> n == 8 || n == 9);
        try (Stream<Path> files = Files.list(tmp.resolve("2023"))) {
            assertThat(files.count()).isEqualTo(2844);
        }
    }

    @Test
    void theCatalogHasMIndicatorsMixingTypesWithRatiosOverSums() throws IOException {
        SyntheticInput.generate(tmp, DENSE);
        List<CSVRecord> catalog = indicators(tmp);
        assertThat(catalog).hasSize(M);
        Map<String, CSVRecord> byCode = catalog.stream().collect(Collectors.toMap(r -> r.get("code"), r -> r));
        assertThat(byCode).hasSize(M);
        assertThat(catalog).allMatch(r -> r.get("level").equals("COUNTY"));
        assertThat(catalog.stream().map(r -> r.get("value_type")).collect(Collectors.toSet())).containsExactlyInAnyOrder("INTEGER", "DECIMAL");
        List<CSVRecord> ratios = catalog.stream().filter(r -> r.get("aggregation").equals("RATIO")).toList();
        assertThat(ratios).hasSize(DENSE.ratioCount()).isNotEmpty();
        assertThat(catalog.size() - ratios.size()).isEqualTo(DENSE.sumCount());
        for (CSVRecord ratio : ratios) {
            RatioFormula formula = RatioFormula.parse(ratio.get("formula")).orElseThrow();
            assertThat(byCode.get(formula.numerator()).get("aggregation")).isEqualTo("SUM");
            assertThat(byCode.get(formula.denominator()).get("aggregation")).isEqualTo("SUM");
        }
        assertThat(catalog).filteredOn(r -> r.get("aggregation").equals("SUM")).allMatch(r -> r.get("formula").isEmpty());
        assertThat(GeneratorSettings.of(1, 2000).ratioCount()).isEqualTo(5);
        assertThat(GeneratorSettings.of(1, 3).ratioCount()).isZero();
    }

    @Test
    void everyCountySubmitsOneValidRowPerSumIndicator() throws IOException {
        SyntheticInput.generate(tmp, DENSE);
        Map<String, CSVRecord> catalog = indicators(tmp).stream().collect(Collectors.toMap(r -> r.get("code"), r -> r));
        List<String> countyCodes = counties(tmp).stream().filter(r -> r.get("type").equals("county")).map(r -> r.get("code")).toList();
        try (Stream<Path> files = Files.list(tmp.resolve("2023"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .isEqualTo(countyCodes.stream().map(c -> c + ".csv").sorted().toList());
        }
        for (String code : countyCodes) {
            List<CSVRecord> rows = read(tmp.resolve("2023/" + code + ".csv"), "county_code", "indicator_code", "period", "value", "unit", "remark");
            assertThat(rows).hasSize(DENSE.sumCount());
            Set<String> seen = new HashSet<>();
            for (CSVRecord row : rows) {
                CSVRecord indicator = catalog.get(row.get("indicator_code"));
                assertThat(indicator).isNotNull();
                assertThat(indicator.get("aggregation")).isEqualTo("SUM");
                assertThat(seen.add(row.get("indicator_code"))).isTrue();
                assertThat(row.get("county_code")).isEqualTo(code);
                assertThat(row.get("period")).isEqualTo("2023");
                assertThat(row.get("unit")).isEqualTo(indicator.get("unit"));
                assertThat(row.get("remark")).isEmpty();
                BigDecimal value = new BigDecimal(row.get("value"));
                assertThat(row.get("value")).matches("[0-9]+(\\.[0-9]{1,2})?");
                assertThat(value.signum()).isNotNegative();
                if (indicator.get("value_type").equals("INTEGER")) {
                    assertThat(row.get("value")).matches("[0-9]+");
                }
            }
        }
    }

    @Test
    void theExpectedMismatchesAreExactlyThePrintedFiguresOutsideTheirRounding() throws IOException {
        SyntheticInput.Summary summary = SyntheticInput.generate(tmp, DENSE);
        Map<String, CSVRecord> catalog = new HashMap<>();
        indicators(tmp).forEach(r -> catalog.put(r.get("code"), r));
        Map<String, String> cityOf = new HashMap<>();
        counties(tmp).stream().filter(r -> r.get("type").equals("county")).forEach(r -> cityOf.put(r.get("code"), r.get("parent_code")));

        // city totals from the submission files
        Map<String, BigDecimal> totals = new HashMap<>();
        for (Map.Entry<String, String> county : cityOf.entrySet()) {
            for (CSVRecord row : read(tmp.resolve("2023/" + county.getKey() + ".csv"), "county_code", "indicator_code", "period", "value", "unit", "remark")) {
                totals.merge(row.get("indicator_code") + "@" + county.getValue(), new BigDecimal(row.get("value")), BigDecimal::add);
            }
        }

        List<CSVRecord> printed = published(tmp);
        assertThat(printed).hasSize(45 * M); // print share 1: every city prints every indicator
        assertThat((long) printed.size()).isEqualTo(summary.printedFigures());
        Set<String> outside = new LinkedHashSet<>();
        Set<String> keys = new HashSet<>();
        for (CSVRecord figure : printed) {
            String code = figure.get("indicator_code");
            String region = figure.get("region_code");
            assertThat(keys.add(code + "@" + region)).as("one figure per indicator and city").isTrue();
            assertThat(cityOf.containsValue(region)).as("region %s is a city", region).isTrue();
            assertThat(figure.get("period")).isEqualTo("2023");
            CSVRecord indicator = catalog.get(code);
            String unit = indicator.get("unit");
            String text = figure.get("published_text");
            assertThat(text).endsWith(unit);
            String number = text.substring(0, text.length() - unit.length());
            assertThat(number).matches(indicator.get("value_type").equals("INTEGER") ? "[0-9]+" : "[0-9]+\\.[0-9]{2}");
            BigDecimal v = new BigDecimal(number);
            BigDecimal h = BigDecimal.valueOf(5, v.scale() + 1);

            BigDecimal total;
            if (indicator.get("aggregation").equals("RATIO")) {
                RatioFormula formula = RatioFormula.parse(indicator.get("formula")).orElseThrow();
                total = totals.get(formula.numerator() + "@" + region).multiply(formula.factor(), MathContext.DECIMAL128)
                        .divide(totals.get(formula.denominator() + "@" + region), MathContext.DECIMAL128);
            } else {
                total = totals.get(code + "@" + region);
            }
            boolean holds = total.compareTo(v.subtract(h)) >= 0 && total.compareTo(v.add(h)) < 0;
            // the job's own reading of the printed text agrees
            Claim claim = Claim.of(PrintedFigureParser.parse(text), unit, ClaimSettings.defaults());
            assertThat(claim.holds(total)).as("%s %s %s against %s", code, region, text, total).isEqualTo(holds);
            if (!holds) {
                outside.add(code + "," + region);
            }
        }
        List<String> expected = Files.readAllLines(tmp.resolve(SyntheticInput.EXPECTED_MISMATCHES_FILE));
        assertThat(expected.get(0)).isEqualTo("indicator_code,region_code");
        assertThat(expected.subList(1, expected.size())).containsExactlyElementsOf(outside);
        assertThat(outside).hasSize(printed.size() / 7).hasSize((int) summary.mismatches());
        assertThat(outside.stream().filter(k -> k.startsWith("RATIO_"))).as("a ratio is planted too").isNotEmpty();
    }

    @Test
    void theDefaultShareIsOneFigureInTenPerCityAndOneMismatchIn997() throws IOException {
        SyntheticInput.Summary s = SyntheticInput.generate(tmp, GeneratorSettings.of(400, 30));
        assertThat(s.cities()).isEqualTo(333);
        assertThat(s.printedFigures()).isEqualTo(333 * 3);
        assertThat(s.mismatches()).isEqualTo(1);
        assertThat(published(tmp)).hasSize(999);
        assertThat(Files.readAllLines(tmp.resolve(SyntheticInput.EXPECTED_MISMATCHES_FILE))).hasSize(2);
        assertThat(Files.readString(tmp.resolve(SyntheticInput.MANIFEST_FILE))).contains("counties=400", "indicators=30", "mismatches=1");
    }

    @Test
    void theSameSettingsGiveTheSameBytes() throws IOException {
        SyntheticInput.generate(tmp.resolve("a"), DENSE);
        SyntheticInput.generate(tmp.resolve("b"), DENSE);
        List<Path> files = files(tmp.resolve("a"));
        assertThat(files).isEqualTo(files(tmp.resolve("b")));
        for (Path file : files) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(file))).as(file.toString())
                    .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(file)));
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().collect(Collectors.toCollection(ArrayList::new));
        }
    }

    @Test
    void aFolderWithFilesIsRefused() throws IOException {
        Files.writeString(tmp.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> SyntheticInput.generate(tmp, DENSE)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not empty");
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> GeneratorSettings.of(0, 10)).isInstanceOf(ConfigurationException.class)
                .hasMessage("--counties=0 is out of range. Fix: give 1 to 32967 (at most 99 counties under each of 333 cities)")
                .satisfies(e -> assertThat(((ConfigurationException) e).worded(Locale.CHINESE))
                        .isEqualTo("--counties=0 超出范围。修正方法：请给出 1 至 32967 之间的数（333 个地级市下各至多 99 个县级单位）"));
        assertThatThrownBy(() -> GeneratorSettings.of(333 * 99 + 1, 10)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> GeneratorSettings.of(10, 0)).isInstanceOf(ConfigurationException.class).hasMessageContaining("--indicators=0");
    }
}
