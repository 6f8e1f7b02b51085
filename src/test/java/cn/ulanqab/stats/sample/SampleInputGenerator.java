/*
 * Generator of the shipped sample submissions in input/2023/, of last year's totals in input/base/2022.csv, of the year's
 * targets sample (input/2024-06/, input/targets/2024.csv, input/base/2023-06.csv, input/base/2023.csv; see
 * {@link Targets2024}) and of input/README.md.
 *
 * To regenerate (from the project folder):
 *
 *     mvn -q test-compile && java -cp target/test-classes cn.ulanqab.stats.sample.SampleInputGenerator input
 *
 * then commit input/2023/, input/2024-06/, input/targets/, input/base/ and input/README.md (main also deletes any other
 * file in input/2023/ and input/2024-06/, so the folders hold exactly the sample). SampleInputTest fails whenever the committed files differ
 * from what this class writes, so change the numbers here, never in the CSV files.
 *
 * Plain Java, JDK only: it reads input/reference/indicators.csv, input/reference/counties.csv and
 * input/published/2023.csv (no field there is quoted; the reader checks that) and is deterministic:
 * no clock, no random numbers, no HashMap iteration order in the output.
 */
package cn.ulanqab.stats.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

public final class SampleInputGenerator {

    public static final String PERIOD = "2023";
    static final String CITY = "150900";
    static final Charset GB18030 = Charset.forName("GB18030");

    // ------------------------------------------------------------------------------------------------
    // Reference data (read from the input folder)
    // ------------------------------------------------------------------------------------------------

    record Indicator(String code, String nameZh, String unit, boolean integer, String level, String aggregation) {
        boolean countySum() {
            return level.equals("COUNTY") && aggregation.equals("SUM");
        }
    }

    record County(String code, String nameZh, String shortName) {
    }

    // ------------------------------------------------------------------------------------------------
    // The plan: the true city total of every COUNTY/SUM indicator (catalog unit; its scale is the scale
    // of every county value), and the profile that splits it over the counties.
    // ------------------------------------------------------------------------------------------------

    /** County order of every weight array: 150902, 150921, 150922, 150923, 150924, 150925, 150926, 150927, 150928, 150929, 150981. */
    static final List<String> COUNTY_ORDER = List.of("150902", "150921", "150922", "150923", "150924", "150925",
            "150926", "150927", "150928", "150929", "150981");

    /** People: roughly the resident population (集宁区 and 丰镇市 largest). */
    static final int[] PEOPLE = {74, 20, 21, 32, 30, 28, 34, 20, 20, 24, 55};
    /** Urban construction and services: 集宁区, the urban district, far ahead, then 丰镇市. */
    static final int[] URBAN = {120, 18, 20, 26, 24, 22, 28, 16, 17, 21, 58};
    /** Land, grassland, livestock: 四子王旗 (the largest banner) far ahead, 集宁区 almost nothing. */
    static final int[] LAND = {6, 48, 52, 70, 62, 58, 66, 86, 74, 160, 40};
    /** Industry: 集宁区, 丰镇市 and the industrial parks of 察右前旗, 卓资县, 察右后旗. */
    static final int[] INDUSTRY = {30, 14, 12, 10, 12, 8, 16, 6, 14, 6, 26};
    /** Rural works: villages, roads, toilets (集宁区 has few villages). */
    static final int[] RURAL = {8, 36, 34, 52, 48, 44, 50, 40, 36, 46, 40};
    /** Administration: fairly even. */
    static final int[] ADMIN = {30, 14, 14, 16, 16, 16, 18, 14, 14, 16, 22};

    record Plan(String indicator, String total, int[] profile) {
    }

    static final List<Plan> PLANS = List.of(
            new Plan("TECH_INCUBATORS", "5", INDUSTRY),
            new Plan("INDUSTRY_RESEARCH_INSTITUTES", "7", INDUSTRY),
            new Plan("ENTERPRISE_RD_CENTERS", "11", INDUSTRY),
            new Plan("OPEN_COMPETITION_PROJECTS", "67", INDUSTRY),
            new Plan("REGISTERED_TECH_ACHIEVEMENTS", "61", ADMIN),
            new Plan("SERVICE_CENTERS", "1615", RURAL),
            new Plan("ENTERPRISES_ASSISTED", "968", URBAN),
            new Plan("RIVERS_ASSESSED", "66", LAND),
            new Plan("LAKES_ASSESSED", "11", LAND),
            new Plan("ECO_RESTORATION_AREA", "889236.5", LAND),
            new Plan("CARAGANA_AREA", "998762.4", LAND),
            new Plan("MINE_ENV_REMEDIATION_AREA", "5.93", INDUSTRY),
            new Plan("LAND_REVITALIZED", "21183.6", ADMIN),
            new Plan("STALLED_PROJECTS_CLEARED", "19", URBAN),
            new Plan("IDLE_FUNDS_RECOVERED", "8387.26", ADMIN),
            new Plan("LAND_RECLAIMED", "6042.8", RURAL),
            new Plan("ENERGY_WATER_SAVING_PROJECTS", "39", INDUSTRY),
            new Plan("ALLOY_FURNACES_SEALED", "24", INDUSTRY),
            new Plan("CO2_REDUCTION", "1838462.5", INDUSTRY),
            new Plan("GREEN_FACTORIES", "8", INDUSTRY),
            new Plan("MONITORED_HOUSEHOLDS", "13812", RURAL),
            new Plan("HIGH_STANDARD_FARMLAND", "10236.5", LAND),
            new Plan("SEED_BREEDING_BASE_AREA", "431683.5", LAND),
            new Plan("MEAT_OUTPUT", "299126.4", LAND),
            new Plan("MILK_OUTPUT", "433218.7", LAND),
            new Plan("NEW_GREEN_ORGANIC_PRODUCTS", "21", LAND),
            new Plan("BRAND_LICENSED_ENTERPRISES", "108", ADMIN),
            new Plan("RENTAL_HOUSING_STARTS", "1642", URBAN),
            new Plan("SHANTYTOWN_RENOVATION", "717", URBAN),
            new Plan("OLD_COMMUNITIES_RENOVATED", "182", URBAN),
            new Plan("RURAL_DILAPIDATED_HOUSES", "1083", RURAL),
            new Plan("HEATING_GAS_PIPELINES", "729.23", URBAN),
            new Plan("CLEAN_HEATING_HOUSEHOLDS", "100463", PEOPLE),
            new Plan("POCKET_PARKS", "7", URBAN),
            new Plan("PUBLIC_CHARGING_PILES", "449", URBAN),
            new Plan("RURAL_TOILETS_RENOVATED", "6293", RURAL),
            new Plan("WATER_SUPPLY_PROJECTS", "54", RURAL),
            new Plan("RURAL_ROADS_BUILT", "355.82", RURAL),
            new Plan("BEIJING_COOPERATION_FUNDS", "52138.46", RURAL),
            new Plan("BEIJING_COOPERATION_PROJECTS", "172", RURAL),
            new Plan("CONSUMPTION_ASSISTANCE", "346871.35", PEOPLE),
            new Plan("URBAN_NEW_JOBS", "8685", URBAN),
            new Plan("SOCIAL_ASSISTANCE_RECIPIENTS", "452946", PEOPLE),
            new Plan("WELFARE_SUBSIDY_RECIPIENTS", "174218", PEOPLE),
            new Plan("WELFARE_SUBSIDY_AMOUNT", "18126.74", PEOPLE),
            new Plan("ELDERLY_HOME_ADAPTATIONS", "14037", PEOPLE),
            new Plan("ELDERLY_CARE_CENTERS", "240", PEOPLE),
            new Plan("MUTUAL_AID_HOMES", "40", RURAL),
            new Plan("CHILDCARE_SLOTS", "5709", URBAN),
            new Plan("RESIDENT_POPULATION", "1603472", PEOPLE),
            new Plan("FUNERAL_HOMES", "5", ADMIN),
            new Plan("PETITION_CASES_ASSIGNED", "467", PEOPLE),
            // PETITION_CASES_RESOLVED: derived from ASSIGNED, see RESOLVED_ONE_SHORT (467 - 2 = 465)
            new Plan("NEW_KINDERGARTENS", "8", URBAN),
            new Plan("NEW_PRIMARY_SCHOOLS", "1", URBAN),
            new Plan("NEW_SCHOOL_PLACES", "2070", URBAN),
            new Plan("NEW_HOSPITAL_BEDS", "882", URBAN),
            new Plan("CULTURAL_VENUES_UPGRADED", "16", ADMIN),
            new Plan("SAFETY_HAZARDS_ELIMINATED", "24157", ADMIN),
            new Plan("TECH_CONTRACT_VALUE", "40123.6", INDUSTRY),
            new Plan("ORGANIZED_TOWNS", "62", RURAL),
            new Plan("TOWNS_WITH_SEWAGE_TREATMENT", "39", RURAL));

    /** Counties that resolved one petition case fewer than they were assigned (465 of 467). */
    static final Set<String> RESOLVED_ONE_SHORT = Set.of("150923", "150981");

    /** True values fixed by hand (the rest of the total is split over the other counties). Key: indicator@county. */
    static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("CO2_REDUCTION@150921", "126000.0"),       // written as 12.6 吨 (problem 1)
            Map.entry("URBAN_NEW_JOBS@150928", "712"),           // typed 172 (problem 2)
            Map.entry("POCKET_PARKS@150922", "1"),               // written 一 (problem 4)
            Map.entry("NEW_HOSPITAL_BEDS@150981", "86"),         // written 80 and 86 (problem 6)
            Map.entry("ECO_RESTORATION_AREA@150929", "152600.0"), // written 15.26 万亩
            Map.entry("MEAT_OUTPUT@150922", "23500.0"),          // written 2.35 万吨
            Map.entry("ELDERLY_HOME_ADAPTATIONS@150925", "1203"), // written "1,203"
            Map.entry("PUBLIC_CHARGING_PILES@150929", "41"),     // 41 and 41.0
            Map.entry("LAND_RECLAIMED@150929", "120.0"),         // -120, then 120.0
            Map.entry("NEW_SCHOOL_PLACES@150902", "1205"),       // 120.5, then 1205
            Map.entry("LAKES_ASSESSED@150926", "1"));            // —, then 1 (黄旗海)

    /** The city's own file (level CITY); ONLINE_SERVICE_CASES is left out on purpose (problem 5). */
    static final Map<String, String> CITY_VALUES = mapOf(
            "HOTLINE_APPEALS", "339146",
            "HOTLINE_RESOLUTION_RATE", "96.3",
            "GOOD_AIR_DAYS_RATIO", "92.35",
            "PM25_CONCENTRATION", "22.8",
            "YELLOW_RIVER_WATER_DIVERTED", "27651836.5",
            "RURAL_WASTE_COVERAGE", "92.6",
            "GRASSLAND_VEGETATION_COVER", "53.4");

    // ------------------------------------------------------------------------------------------------
    // Last year: base/2022.csv, the bureau's final 2022 totals that the printed changes are checked against
    // ------------------------------------------------------------------------------------------------

    static final String BASE_PERIOD = "2022";

    /** The city's 2022 totals in the catalog unit, as written in base/2022.csv (one planted wrong, see BASE_PLANTED). */
    static final Map<String, String> BASE = mapOf(
            "TECH_CONTRACT_VALUE", "30078.4",      // 40123.6 / 30078.4 = +33.3967%: 增长33.4%
            "RURAL_WASTE_COVERAGE", "86.9",        // planted: the true 68.9 with two digits swapped
            "TOWN_SEWAGE_COVERAGE", "39.5",        // 39 / 62 × 100 = 62.903%: +23.403 points, 提高23.4个百分点
            "GRASSLAND_VEGETATION_COVER", "48.9"); // 53.4 − 48.9 = 4.5 points: 提升4.5个百分点

    /** The base planted wrong, its true value, and what is wrong with it. */
    static final String[] BASE_PLANTED = {"RURAL_WASTE_COVERAGE", "68.9",
            "the 2022 coverage 68.9% written 86.9 (two digits swapped): 92.6 against 86.9 is a growth of 6.6%, not 34.4%"};

    /** The status the job must report for each printed change figure (by indicator). */
    static final Map<String, String> CHANGE_STATUS = mapOf(
            "TECH_CONTRACT_VALUE", "MATCH",
            "RURAL_WASTE_COVERAGE", "MISMATCH",
            "TOWN_SEWAGE_COVERAGE", "MATCH",
            "GRASSLAND_VEGETATION_COVER", "MATCH");

    /** The figure status the job must report for every indicator that is not MATCH. */
    static final Map<String, String> EXPECTED_STATUS = mapOf(
            "CO2_REDUCTION", "MISMATCH",
            "URBAN_NEW_JOBS", "MISMATCH",
            "HEATING_GAS_PIPELINES", "INCOMPLETE",
            "POCKET_PARKS", "INCOMPLETE",
            "NEW_HOSPITAL_BEDS", "INCOMPLETE",
            "ONLINE_SERVICE_CASES", "NO_DATA",
            "RESIDENT_POPULATION", "UNPUBLISHED",
            "CHILDCARE_SLOTS", "UNPUBLISHED",
            "PETITION_CASES_ASSIGNED", "UNPUBLISHED",
            // the levels of the indicators printed only as a change
            "TECH_CONTRACT_VALUE", "UNPUBLISHED",
            "RURAL_WASTE_COVERAGE", "UNPUBLISHED",
            "ORGANIZED_TOWNS", "UNPUBLISHED",
            "TOWNS_WITH_SEWAGE_TREATMENT", "UNPUBLISHED",
            "TOWN_SEWAGE_COVERAGE", "UNPUBLISHED",
            "GRASSLAND_VEGETATION_COVER", "UNPUBLISHED",
            // the indicators of the 2024 targets, which the 2023 submissions do not report
            "VOCATIONAL_TRAINING", "UNPUBLISHED",
            "RETAIL_SALES", "UNPUBLISHED");

    /** COUNTY/SUM indicators of the catalog that the 2023 submissions do not report (added for the 2024 targets): unprinted, no data. */
    static final Set<String> NOT_IN_2023 = Set.of("VOCATIONAL_TRAINING", "RETAIL_SALES");

    // ------------------------------------------------------------------------------------------------
    // The model of the sample: files of rows, each row knowing what the job must do with it
    // ------------------------------------------------------------------------------------------------

    static final List<String> ENGLISH_HEADER = List.of("county_code", "indicator_code", "period", "value", "unit", "remark");
    static final List<String> CHINESE_HEADER = List.of("指标代码", "数值", "计量单位", "区划代码", "统计期", "备注");
    /** For each column of CHINESE_HEADER, the field of a row it holds. */
    static final List<String> CHINESE_FIELDS = List.of("indicator_code", "value", "unit", "county_code", "period", "remark");

    /** A documented problem on a row: its number in the README's list and what is wrong. */
    record Plant(int number, String what) {
    }

    static final class Row {
        final String county;
        final String indicator;
        final String period;
        final String value;
        final String unit;
        final String remark;
        /** When set, the physical line written as is (a malformed row). */
        String literal;
        /** The rejection reason the job must give, null when the row is accepted. */
        String reason;
        /** The value in the catalog unit that the job accepts (null when rejected). */
        BigDecimal accepted;
        Plant plant;
        int line;

        Row(String county, String indicator, String period, String value, String unit, String remark) {
            this.county = county;
            this.indicator = indicator;
            this.period = period;
            this.value = value;
            this.unit = unit;
            this.remark = remark;
        }

        String field(String name) {
            return switch (name) {
                case "county_code" -> county;
                case "indicator_code" -> indicator;
                case "period" -> period;
                case "value" -> value;
                case "unit" -> unit;
                case "remark" -> remark;
                default -> throw new IllegalArgumentException(name);
            };
        }

        Row rejected(String why, Plant p) {
            reason = why;
            accepted = null;
            plant = p;
            return this;
        }

        Row accepted(BigDecimal catalogValue, Plant p) {
            reason = null;
            accepted = catalogValue;
            plant = p;
            return this;
        }
    }

    static final class SampleFile {
        final String name;
        final String unitCode;
        Charset charset = StandardCharsets.UTF_8;
        boolean bom;
        String eol = "\n";
        List<String> header = ENGLISH_HEADER;
        List<String> fields = ENGLISH_HEADER;
        final List<Row> rows = new ArrayList<>();
        /** PROCESSED, SUPERSEDED or UNRECOGNIZED. */
        String ledger = "PROCESSED";
        /** For a file that is not a submission: its whole text. */
        String text;
        /** File-level notes for the README table: {number, line, indicator, what, row outcome}. */
        final List<String[]> notes = new ArrayList<>();

        SampleFile(String name, String unitCode) {
            this.name = name;
            this.unitCode = unitCode;
        }

        String encodingLabel() {
            if (charset.equals(GB18030)) {
                return "GB18030";
            }
            return bom ? "UTF-8 with BOM" : "UTF-8";
        }

        int index(String indicator) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).indicator.equals(indicator) && rows.get(i).literal == null) {
                    return i;
                }
            }
            throw new IllegalStateException(name + " has no row for " + indicator);
        }

        Row row(String indicator) {
            return rows.get(index(indicator));
        }

        void replace(String indicator, Row row) {
            rows.set(index(indicator), row);
        }

        void insertAfter(String indicator, Row row) {
            rows.add(index(indicator) + 1, row);
        }
    }

    /** Everything generated: the files in order, the reference data, and the true values. */
    static final class Sample {
        final List<Indicator> indicators = new ArrayList<>();
        final List<County> counties = new ArrayList<>();
        final Map<String, String> published = new LinkedHashMap<>();
        /** The printed change figures (增长33.4%, 提高23.4个百分点), by indicator. */
        final Map<String, String> changes = new LinkedHashMap<>();
        final List<SampleFile> files = new ArrayList<>();
        /** True values, key indicator@county, catalog unit. */
        final Map<String, BigDecimal> truth = new TreeMap<>();

        Indicator indicator(String code) {
            return indicators.stream().filter(i -> i.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no indicator " + code + " in the catalog"));
        }

        County county(String code) {
            return counties.stream().filter(c -> c.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no county " + code + " in the registry"));
        }

        /** The COUNTY/SUM indicators that the 2023 county files report. */
        List<Indicator> countySums() {
            return indicators.stream().filter(Indicator::countySum).filter(i -> !NOT_IN_2023.contains(i.code)).toList();
        }

        SampleFile file(String name) {
            return files.stream().filter(f -> f.name.equals(name)).findFirst().orElseThrow();
        }

        String expectedStatus(String indicator) {
            return EXPECTED_STATUS.getOrDefault(indicator, "MATCH");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Entry points
    // ------------------------------------------------------------------------------------------------

    public static void main(String[] args) throws IOException {
        Path input = Path.of(args.length > 0 ? args[0] : "input");
        Map<String, byte[]> files = generate(input);
        Set<Path> keep = new LinkedHashSet<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path target = input.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
            keep.add(target);
        }
        for (Path folder : List.of(input.resolve(PERIOD), input.resolve(Targets2024.PERIOD))) {
            try (Stream<Path> existing = Files.list(folder)) {
                for (Path p : existing.toList()) {
                    if (Files.isRegularFile(p) && !keep.contains(p)) {
                        Files.delete(p);
                        System.out.println("removed " + p);
                    }
                }
            }
        }
        System.out.println("wrote " + files.size() + " files under " + input);
    }

    /** File path relative to the input folder ({@code 2023/150902.csv}, {@code README.md}) → exact bytes. */
    public static Map<String, byte[]> generate(Path inputFolder) {
        Sample sample = build(inputFolder);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (SampleFile f : sample.files) {
            out.put(PERIOD + "/" + f.name, render(f));
        }
        out.put("base/" + BASE_PERIOD + ".csv", baseFile(sample).getBytes(StandardCharsets.UTF_8));
        out.putAll(Targets2024.files(sample));
        out.put("README.md", (readme(sample) + Targets2024.readme(sample)).getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** The rows the job must reject, as {@code file:line:REASON}, in file order. */
    static List<String> expectedRejections(Path inputFolder) {
        Sample sample = build(inputFolder);
        List<String> result = new ArrayList<>();
        for (SampleFile f : sample.files) {
            if (f.ledger.equals("PROCESSED")) {
                for (Row r : f.rows) {
                    if (r.reason != null) {
                        result.add(f.name + ":" + r.line + ":" + r.reason);
                    }
                }
            }
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------------
    // Building the sample
    // ------------------------------------------------------------------------------------------------

    static Sample build(Path input) {
        Sample s = new Sample();
        readReference(s, input);
        allocate(s);
        countyFiles(s);
        for (SampleFile f : s.files) {
            int line = 2;
            for (Row r : f.rows) {
                r.line = line++;
            }
        }
        return s;
    }

    private static void readReference(Sample s, Path input) {
        List<Map<String, String>> indicators = readSimpleCsv(input.resolve("reference/indicators.csv"));
        for (Map<String, String> r : indicators) {
            s.indicators.add(new Indicator(r.get("code"), r.get("name_zh"), r.get("unit"),
                    r.get("value_type").equals("INTEGER"), r.get("level"), r.get("aggregation")));
        }
        for (Map<String, String> r : readSimpleCsv(input.resolve("reference/counties.csv"))) {
            if (!r.get("code").equals(CITY)) {
                s.counties.add(new County(r.get("code"), r.get("name_zh"), r.get("short_name_zh")));
            }
        }
        for (Map<String, String> r : readSimpleCsv(input.resolve("published/" + PERIOD + ".csv"))) {
            if (r.get("period").equals(PERIOD)) {
                (isChange(r.get("published_text")) ? s.changes : s.published).put(r.get("indicator_code"), r.get("published_text"));
            }
        }
        if (!s.changes.keySet().equals(BASE.keySet()) || !s.changes.keySet().equals(CHANGE_STATUS.keySet())) {
            throw new IllegalStateException("the printed changes " + s.changes.keySet() + " need a base and a status each: "
                    + BASE.keySet() + ", " + CHANGE_STATUS.keySet());
        }
        List<String> codes = s.counties.stream().map(County::code).sorted().toList();
        if (!codes.equals(COUNTY_ORDER)) {
            throw new IllegalStateException("the registry's counties " + codes + " are not " + COUNTY_ORDER);
        }
        Set<String> planned = new LinkedHashSet<>();
        PLANS.forEach(p -> planned.add(p.indicator));
        planned.add("PETITION_CASES_RESOLVED");
        Set<String> catalog = new LinkedHashSet<>();
        s.countySums().stream().filter(i -> !NOT_IN_2023.contains(i.code)).forEach(i -> catalog.add(i.code));
        if (!planned.equals(catalog)) {
            throw new IllegalStateException("the plan covers " + planned + " but the catalog's COUNTY/SUM indicators are " + catalog);
        }
        for (String code : CITY_VALUES.keySet()) {
            if (!s.indicator(code).level.equals("CITY")) {
                throw new IllegalStateException(code + " is not a CITY indicator");
            }
        }
    }

    /** Whether a printed text claims a change against last year: it starts with the verb (增长, 提高, 压减 …). */
    static boolean isChange(String printed) {
        return Stream.of("增长", "提高", "提升", "下降", "减少", "压减").anyMatch(printed::startsWith);
    }

    /** base/2022.csv: UTF-8, LF, the city's code written out. */
    static String baseFile(Sample s) {
        StringBuilder b = new StringBuilder("indicator_code,region_code,total\n");
        for (Indicator ind : s.indicators) {
            if (BASE.containsKey(ind.code)) {
                b.append(ind.code).append(',').append(CITY).append(',').append(BASE.get(ind.code)).append('\n');
            }
        }
        return b.toString();
    }

    /** Reads a reference CSV: UTF-8, header row, no quoted fields (checked), blank lines skipped. */
    static List<Map<String, String>> readSimpleCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        List<String> header = null;
        List<Map<String, String>> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            if (line.indexOf('"') >= 0) {
                throw new IllegalStateException(file + ":" + (n + 1) + " has a quoted field; this reader splits on commas only");
            }
            List<String> fields = List.of(line.split(",", -1));
            if (header == null) {
                header = fields.stream().map(String::strip).toList();
                continue;
            }
            if (fields.size() != header.size()) {
                throw new IllegalStateException(file + ":" + (n + 1) + " has " + fields.size() + " fields, the header " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields.get(i).strip());
            }
            rows.add(row);
        }
        return rows;
    }

    /** Splits every planned total over the counties (largest remainder, so the parts add up exactly). */
    private static void allocate(Sample s) {
        for (Plan plan : PLANS) {
            s.truth.putAll(split(s, plan, FIXED));
        }
        for (String county : COUNTY_ORDER) {
            BigDecimal assigned = s.truth.get("PETITION_CASES_ASSIGNED@" + county);
            BigDecimal resolved = RESOLVED_ONE_SHORT.contains(county) ? assigned.subtract(BigDecimal.ONE) : assigned;
            if (resolved.signum() < 0) {
                throw new IllegalStateException(county + " has no petition case to leave unresolved");
            }
            s.truth.put("PETITION_CASES_RESOLVED@" + county, resolved);
        }
    }

    /**
     * Splits a planned total over the counties: the fixed values as given, the rest by the plan's profile with a fixed,
     * uneven per-indicator variation, largest remainder first, so that the parts add up exactly. Key indicator@county.
     */
    static Map<String, BigDecimal> split(Sample s, Plan plan, Map<String, String> fixedValues) {
        Map<String, BigDecimal> truth = new TreeMap<>();
        BigDecimal total = new BigDecimal(plan.total);
        int scale = total.scale();
        Indicator ind = s.indicator(plan.indicator);
        if (ind.integer && scale != 0) {
            throw new IllegalStateException(plan.indicator + " is INTEGER but its total has decimals");
        }
        long remaining = total.movePointRight(scale).longValueExact();
        long[] weights = new long[COUNTY_ORDER.size()];
        long weightSum = 0;
        for (int i = 0; i < COUNTY_ORDER.size(); i++) {
            String county = COUNTY_ORDER.get(i);
            String fixed = fixedValues.get(plan.indicator + "@" + county);
            if (fixed != null) {
                BigDecimal v = new BigDecimal(fixed).setScale(scale, RoundingMode.UNNECESSARY);
                truth.put(plan.indicator + "@" + county, v);
                remaining -= v.movePointRight(scale).longValueExact();
            } else {
                // a fixed, uneven, per-indicator variation of the profile: 80% .. 120%
                int jitter = 80 + Math.floorMod((plan.indicator + "@" + county).hashCode(), 41);
                weights[i] = (long) plan.profile[i] * jitter;
                weightSum += weights[i];
            }
        }
        if (remaining < 0) {
            throw new IllegalStateException(plan.indicator + ": the fixed values exceed the total");
        }
        long[] parts = new long[weights.length];
        long[] rest = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            parts[i] = Math.multiplyExact(remaining, weights[i]) / weightSum;
            rest[i] = Math.multiplyExact(remaining, weights[i]) % weightSum;
            given += parts[i];
        }
        for (long left = remaining - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0 && rest[i] >= 0 && (best < 0 || rest[i] > rest[best])) {
                    best = i;
                }
            }
            parts[best]++;
            rest[best] = -1;
        }
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                truth.put(plan.indicator + "@" + COUNTY_ORDER.get(i), BigDecimal.valueOf(parts[i], scale));
            }
        }
        return truth;
    }

    private static BigDecimal truth(Sample s, String indicator, String county) {
        BigDecimal v = s.truth.get(indicator + "@" + county);
        if (v == null) {
            throw new IllegalStateException("no value for " + indicator + "@" + county);
        }
        return v;
    }

    /** A correct row: the true value in the catalog unit. */
    private static Row good(Sample s, String county, String indicator, String remark) {
        Indicator ind = s.indicator(indicator);
        BigDecimal v = truth(s, indicator, county);
        return new Row(county, indicator, PERIOD, v.toPlainString(), ind.unit, remark).accepted(v, null);
    }

    private static Row written(String county, String indicator, String period, String value, String unit, String remark) {
        return new Row(county, indicator, period, value, unit, remark);
    }

    private static SampleFile standardFile(Sample s, String name, String county) {
        SampleFile f = new SampleFile(name, county);
        for (Indicator ind : s.countySums()) {
            f.rows.add(good(s, county, ind.code, ""));
        }
        s.files.add(f);
        return f;
    }

    private static BigDecimal wan(BigDecimal v) {
        return v.multiply(BigDecimal.valueOf(10000));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static void countyFiles(Sample s) {
        // --- 150900 the city's own figures ---
        SampleFile city = new SampleFile("150900.csv", CITY);
        for (Indicator ind : s.indicators) {
            if (ind.level.equals("CITY") && CITY_VALUES.containsKey(ind.code)) {
                BigDecimal v = new BigDecimal(CITY_VALUES.get(ind.code));
                city.rows.add(written(CITY, ind.code, PERIOD, v.toPlainString(), ind.unit, "").accepted(v, null));
            }
        }
        city.rows.get(city.index("GOOD_AIR_DAYS_RATIO")).plant = new Plant(0,
                "92.35, the lowest value that still rounds half-up to the printed 92.4% (a boundary case, not an error)");
        city.notes.add(new String[] {"5", "—", "ONLINE_SERVICE_CASES",
                "no row at all: the city bureau did not report 一网办 cases (printed 破百万)", "—"});
        s.files.add(city);

        // --- 150902 集宁区 ---
        SampleFile jining = standardFile(s, "150902.csv", "150902");
        BigDecimal idle = truth(s, "IDLE_FUNDS_RECOVERED", "150902");
        jining.replace("IDLE_FUNDS_RECOVERED", written("150902", "IDLE_FUNDS_RECOVERED", PERIOD,
                idle.movePointRight(4).setScale(0, RoundingMode.UNNECESSARY).toPlainString(), "元", "")
                .accepted(idle, new Plant(11, "value in 元, an accepted unit (× 0.0001 → " + idle.toPlainString() + " 万元)")));
        jining.replace("NEW_SCHOOL_PLACES", written("150902", "NEW_SCHOOL_PLACES", PERIOD, "120.5", "个", "")
                .rejected("NOT_AN_INTEGER", new Plant(12, "120.5 places (decimal point slipped) for an INTEGER indicator")));
        jining.rows.add(written("150902", "GDP", PERIOD, "3986517", "万元", "地区生产总值，供参考")
                .rejected("UNKNOWN_INDICATOR", new Plant(12, "indicator GDP is not in the catalog (no valid twin needed)")));
        jining.rows.add(good(s, "150902", "NEW_SCHOOL_PLACES", "更正").accepted(truth(s, "NEW_SCHOOL_PLACES", "150902"),
                new Plant(12, "the appended correction of NEW_SCHOOL_PLACES (1205): the valid twin")));

        // --- 150921 卓资县 ---
        SampleFile zhuozi = standardFile(s, "150921.csv", "150921");
        zhuozi.replace("CO2_REDUCTION", written("150921", "CO2_REDUCTION", PERIOD, "12.6", "吨", "")
                .accepted(new BigDecimal("12.6"), new Plant(1,
                        "unit slip: the true figure is 12.6万吨 = 126000 吨, written 12.6 with unit 吨; accepted as 12.6 吨, so the city total falls 125987.4 吨 short of 184万吨")));

        // --- 150922 化德县 ---
        SampleFile huade = standardFile(s, "150922.csv", "150922");
        huade.replace("POCKET_PARKS", written("150922", "POCKET_PARKS", PERIOD, "一", "个", "")
                .rejected("NOT_A_NUMBER", new Plant(4, "value 一 (a Chinese numeral for 1) and no other row for POCKET_PARKS")));
        BigDecimal huadeMeat = truth(s, "MEAT_OUTPUT", "150922");
        huade.replace("MEAT_OUTPUT", written("150922", "MEAT_OUTPUT", PERIOD, plain(huadeMeat.movePointLeft(4)), "万吨", "")
                .accepted(huadeMeat, new Plant(11, "value in 万吨, an accepted unit (× 10000 → " + huadeMeat.toPlainString() + " 吨)")));

        // --- 150923 商都县 ---
        SampleFile shangdu = standardFile(s, "150923.csv", "150923");
        shangdu.rows.remove(shangdu.index("HEATING_GAS_PIPELINES"));
        shangdu.notes.add(new String[] {"3", "—", "HEATING_GAS_PIPELINES",
                "no row at all for HEATING_GAS_PIPELINES: the county's value is unreported", "—"});
        BigDecimal shangduMeat = truth(s, "MEAT_OUTPUT", "150923");
        shangdu.insertAfter("MEAT_OUTPUT", written("150923", "MEAT_OUTPUT", "2022",
                shangduMeat.multiply(new BigDecimal("0.94")).setScale(1, RoundingMode.HALF_UP).toPlainString(), "吨", "上年数")
                .rejected("PERIOD_MISMATCH", new Plant(12, "an extra MEAT_OUTPUT row for period 2022 (the 2023 row is valid)")));
        BigDecimal toilets = truth(s, "RURAL_TOILETS_RENOVATED", "150923");
        Row malformed = written("150923", "RURAL_TOILETS_RENOVATED", PERIOD, toilets.toPlainString(), "个", "含新建,改建")
                .rejected("MALFORMED_ROW", new Plant(12, "remark 含新建,改建 has an unquoted comma: 7 fields against a header of 6"));
        malformed.literal = "150923,RURAL_TOILETS_RENOVATED," + PERIOD + "," + toilets.toPlainString() + ",个,含新建,改建";
        shangdu.replace("RURAL_TOILETS_RENOVATED", malformed);
        shangdu.rows.add(good(s, "150923", "RURAL_TOILETS_RENOVATED", "更正")
                .accepted(toilets, new Plant(12, "the appended correction of RURAL_TOILETS_RENOVATED: the valid twin")));

        // --- 150924 兴和县: version 1 (superseded) and version 2 ---
        SampleFile xinghe1 = standardFile(s, "150924.csv", "150924");
        xinghe1.ledger = "SUPERSEDED";
        BigDecimal milk = truth(s, "MILK_OUTPUT", "150924");
        BigDecimal eco = truth(s, "ECO_RESTORATION_AREA", "150924");
        xinghe1.replace("MILK_OUTPUT", written("150924", "MILK_OUTPUT", PERIOD,
                milk.multiply(BigDecimal.valueOf(2000)).toPlainString(), "斤", "")
                .rejected(null, new Plant(7, "MILK_OUTPUT in 斤 (2000 斤 = 1 吨), an unknown unit; the file is not read")));
        xinghe1.replace("ECO_RESTORATION_AREA", written("150924", "ECO_RESTORATION_AREA", PERIOD,
                eco.multiply(BigDecimal.TEN).toPlainString(), "亩", "")
                .rejected(null, new Plant(7, "ECO_RESTORATION_AREA ten times too large (an extra digit); the file is not read")));
        xinghe1.notes.add(new String[] {"7", "—", "(whole file)", "first version of 兴和县's submission, replaced by 150924-v2.csv", "not read"});
        SampleFile xinghe2 = standardFile(s, "150924-v2.csv", "150924");
        xinghe2.replace("MILK_OUTPUT", good(s, "150924", "MILK_OUTPUT", "已更正")
                .accepted(milk, new Plant(7, "corrected MILK_OUTPUT in 吨")));
        xinghe2.replace("ECO_RESTORATION_AREA", good(s, "150924", "ECO_RESTORATION_AREA", "已更正")
                .accepted(eco, new Plant(7, "corrected ECO_RESTORATION_AREA")));

        // --- 150925 凉城县: GB18030, Chinese header, another column order, Chinese remarks ---
        SampleFile liangcheng = standardFile(s, "150925.csv", "150925");
        liangcheng.charset = GB18030;
        liangcheng.eol = "\r\n";
        liangcheng.header = CHINESE_HEADER;
        liangcheng.fields = CHINESE_FIELDS;
        liangcheng.notes.add(new String[] {"8", "1", "(header)",
                "GB18030 (CRLF), Chinese header 指标代码,数值,计量单位,区划代码,统计期,备注: another column order", "—"});
        for (String[] remark : new String[][] {{"CARAGANA_AREA", "含平茬面积"}, {"MEAT_OUTPUT", "快报数"},
                {"RURAL_ROADS_BUILT", "含通村硬化路"}, {"NEW_HOSPITAL_BEDS", "县医院新院区"}}) {
            liangcheng.replace(remark[0], good(s, "150925", remark[0], remark[1]));
        }
        liangcheng.rows.get(liangcheng.index("CARAGANA_AREA")).plant = new Plant(8, "a Chinese remark (含平茬面积) in a GB18030 file");
        BigDecimal adaptations = truth(s, "ELDERLY_HOME_ADAPTATIONS", "150925");
        liangcheng.replace("ELDERLY_HOME_ADAPTATIONS", written("150925", "ELDERLY_HOME_ADAPTATIONS", PERIOD, "1,203", "户", "含特困户")
                .accepted(adaptations, new Plant(11, "value \"1,203\" with a thousands separator (RFC 4180 quoted): accepted as 1203")));
        if (adaptations.compareTo(new BigDecimal("1203")) != 0) {
            throw new IllegalStateException("ELDERLY_HOME_ADAPTATIONS@150925 must be 1203");
        }

        // --- 150926 察右前旗: UTF-8 with BOM, CRLF ---
        SampleFile qianqi = standardFile(s, "150926.csv", "150926");
        qianqi.bom = true;
        qianqi.eol = "\r\n";
        qianqi.notes.add(new String[] {"9", "1", "(header)", "UTF-8 with a BOM, CRLF line ends", "—"});
        qianqi.replace("LAKES_ASSESSED", written("150926", "LAKES_ASSESSED", PERIOD, "—", "个", "待核实")
                .rejected("MISSING_VALUE", new Plant(12, "value — (a placeholder), remark 待核实")));
        qianqi.rows.add(good(s, "150926", "LAKES_ASSESSED", "更正").accepted(truth(s, "LAKES_ASSESSED", "150926"),
                new Plant(12, "the appended correction of LAKES_ASSESSED: the valid twin")));

        // --- 150927 察右中旗 ---
        SampleFile zhongqi = standardFile(s, "150927.csv", "150927");
        BigDecimal monitored = truth(s, "MONITORED_HOUSEHOLDS", "150927");
        zhongqi.replace("MONITORED_HOUSEHOLDS", written("150999", "MONITORED_HOUSEHOLDS", PERIOD, monitored.toPlainString(), "户", "")
                .rejected("UNKNOWN_COUNTY", new Plant(12, "county code 150999, not in the registry")));
        BigDecimal heating = truth(s, "CLEAN_HEATING_HOUSEHOLDS", "150927");
        zhongqi.replace("CLEAN_HEATING_HOUSEHOLDS", written("150928", "CLEAN_HEATING_HOUSEHOLDS", PERIOD, heating.toPlainString(), "户", "")
                .rejected("COUNTY_MISMATCH", new Plant(12, "county code 150928 (察右后旗's) pasted into 150927's file")));
        zhongqi.insertAfter("ENTERPRISES_ASSISTED", written("150927", "HOTLINE_APPEALS", PERIOD, "18764", "件", "本旗受理数")
                .rejected("WRONG_LEVEL", new Plant(12, "HOTLINE_APPEALS is a CITY indicator (no twin needed)")));
        BigDecimal zhongqiRate = truth(s, "PETITION_CASES_RESOLVED", "150927").multiply(BigDecimal.valueOf(100))
                .divide(truth(s, "PETITION_CASES_ASSIGNED", "150927"), 1, RoundingMode.HALF_UP);
        zhongqi.insertAfter("PETITION_CASES_RESOLVED", written("150927", "PETITION_RESOLUTION_RATE", PERIOD,
                zhongqiRate.toPlainString(), "%", "")
                .rejected("WRONG_LEVEL", new Plant(12, "PETITION_RESOLUTION_RATE is a RATIO, computed, never submitted (no twin needed)")));
        zhongqi.rows.add(good(s, "150927", "MONITORED_HOUSEHOLDS", "更正")
                .accepted(monitored, new Plant(12, "the appended correction of MONITORED_HOUSEHOLDS: the valid twin")));
        zhongqi.rows.add(good(s, "150927", "CLEAN_HEATING_HOUSEHOLDS", "更正")
                .accepted(heating, new Plant(12, "the appended correction of CLEAN_HEATING_HOUSEHOLDS: the valid twin")));

        // --- 150928 察右后旗 ---
        SampleFile houqi = standardFile(s, "150928.csv", "150928");
        houqi.replace("URBAN_NEW_JOBS", written("150928", "URBAN_NEW_JOBS", PERIOD, "172", "人", "")
                .accepted(new BigDecimal("172"), new Plant(2,
                        "transposed digits: the true 712 typed 172; accepted, so the city total is 8145 against the printed 8685")));
        BigDecimal houqiMeat = truth(s, "MEAT_OUTPUT", "150928");
        houqi.replace("MEAT_OUTPUT", written("150928", "MEAT_OUTPUT", PERIOD,
                houqiMeat.multiply(BigDecimal.valueOf(2000)).toPlainString(), "斤", "")
                .rejected("UNKNOWN_UNIT", new Plant(12, "MEAT_OUTPUT in 斤: the bureau wants 吨")));
        houqi.rows.add(good(s, "150928", "MEAT_OUTPUT", "更正")
                .accepted(houqiMeat, new Plant(12, "the appended correction of MEAT_OUTPUT in 吨: the valid twin")));

        // --- 150929 四子王旗 ---
        SampleFile siziwang = standardFile(s, "150929.csv", "150929");
        BigDecimal siziEco = truth(s, "ECO_RESTORATION_AREA", "150929");
        siziwang.replace("ECO_RESTORATION_AREA", written("150929", "ECO_RESTORATION_AREA", PERIOD,
                plain(siziEco.movePointLeft(4)), "万亩", "")
                .accepted(siziEco, new Plant(11, "value in 万亩, an accepted unit (× 10000 → " + siziEco.toPlainString() + " 亩)")));
        siziwang.replace("LAND_RECLAIMED", written("150929", "LAND_RECLAIMED", PERIOD, "-120", "亩", "")
                .rejected("NEGATIVE_VALUE", new Plant(12, "value -120 (a stray minus sign)")));
        siziwang.rows.add(good(s, "150929", "LAND_RECLAIMED", "更正").accepted(truth(s, "LAND_RECLAIMED", "150929"),
                new Plant(12, "the appended correction of LAND_RECLAIMED: the valid twin")));
        siziwang.row("PUBLIC_CHARGING_PILES").plant = new Plant(12, "PUBLIC_CHARGING_PILES 41, the first of two equal rows: kept");
        siziwang.rows.add(written("150929", "PUBLIC_CHARGING_PILES", PERIOD, "41.0", "个", "")
                .rejected("DUPLICATE", new Plant(12, "PUBLIC_CHARGING_PILES again as 41.0, equal to 41 as a number")));
        SampleFile note = new SampleFile("150929-说明.txt", "150929");
        note.ledger = "UNRECOGNIZED";
        note.text = "四子王旗统计局关于2023年度统计数据报送的说明\n"
                + "\n"
                + "一、拆旧复垦面积首次填报时误加负号，已在表末追加更正行。\n"
                + "二、公共充电桩一行重复粘贴，以第一行为准。\n"
                + "三、林草生态建设和保护修复面积按万亩填报。\n"
                + "\n"
                + "四子王旗统计局综合核算股\n";
        note.notes.add(new String[] {"10", "—", "—", "a note from the office, not a submission", "not read"});
        s.files.add(note);

        // --- 150981 丰镇市 ---
        SampleFile fengzhen = standardFile(s, "150981.csv", "150981");
        fengzhen.replace("NEW_HOSPITAL_BEDS", written("150981", "NEW_HOSPITAL_BEDS", PERIOD, "80", "张", "")
                .rejected("DUPLICATE_CONFLICT", new Plant(6, "NEW_HOSPITAL_BEDS 80 ...")));
        fengzhen.rows.add(written("150981", "NEW_HOSPITAL_BEDS", PERIOD, "86", "张", "以此为准")
                .rejected("DUPLICATE_CONFLICT", new Plant(6, "... and again 86: two valid rows with different values, both rejected")));
        BigDecimal roads = truth(s, "RURAL_ROADS_BUILT", "150981");
        fengzhen.replace("RURAL_ROADS_BUILT", written("150981", "RURAL_ROADS_BUILT", PERIOD, roads.toPlainString(), "千米", "")
                .accepted(roads, new Plant(11, "unit 千米, an accepted unit (× 1 → 公里)")));
        fengzhen.replace("SHANTYTOWN_RENOVATION", good(s, "150981", "SHANTYTOWN_RENOVATION", "含货币化安置,不含续建项目"));
        fengzhen.row("SHANTYTOWN_RENOVATION").plant = new Plant(12, "remark with a comma, properly quoted (RFC 4180): accepted");

        // file order: by name, as a directory listing would give them
        s.files.sort((a, b) -> a.name.compareTo(b.name));
    }

    // ------------------------------------------------------------------------------------------------
    // Rendering
    // ------------------------------------------------------------------------------------------------

    static byte[] render(SampleFile f) {
        if (f.text != null) {
            return f.text.getBytes(f.charset);
        }
        StringBuilder sb = new StringBuilder();
        if (f.bom) {
            sb.append('\uFEFF');
        }
        sb.append(String.join(",", f.header)).append(f.eol);
        for (Row r : f.rows) {
            if (r.literal != null) {
                sb.append(r.literal);
            } else {
                List<String> cells = new ArrayList<>();
                for (String field : f.fields) {
                    cells.add(csvCell(r.field(field)));
                }
                sb.append(String.join(",", cells));
            }
            sb.append(f.eol);
        }
        String text = sb.toString();
        if (!f.charset.newEncoder().canEncode(text)) {
            throw new IllegalStateException(f.name + " cannot be encoded in " + f.charset);
        }
        return text.getBytes(f.charset);
    }

    static String csvCell(String s) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalStateException("a field with a line break would make line numbers ambiguous: " + s);
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------------
    // README
    // ------------------------------------------------------------------------------------------------

    static String readme(Sample s) {
        StringBuilder md = new StringBuilder();
        md.append("# Sample submissions for ").append(PERIOD).append("\n\n");
        md.append("`").append(PERIOD).append("/` holds a made-up but realistic set of county submissions for the ")
                .append(PERIOD).append(" figures of the 2024 government work report of 乌兰察布市: one file per county-level unit ")
                .append("(11 counties, 150902 … 150981) and the city bureau's own file `150900.csv` (level CITY indicators only). ")
                .append("The values split each city total over the counties with fixed, uneven weights (集宁区 is the urban ")
                .append("district, 四子王旗 the largest banner), and add up to totals that satisfy the printed figures, except for the ")
                .append("problems planted on purpose and listed below. A run of the job with no arguments reconciles this sample.\n\n");
        md.append("## How it was generated\n\n");
        md.append("Every file here, this README included, is written by `src/test/java/cn/ulanqab/stats/sample/SampleInputGenerator.java` ")
                .append("from `reference/` and `published/").append(PERIOD).append(".csv`, and so is `base/").append(BASE_PERIOD)
                .append(".csv`. Do not edit them by hand; change the generator and run\n\n")
                .append("```\nmvn -q test-compile && java -cp target/test-classes cn.ulanqab.stats.sample.SampleInputGenerator input\n```\n\n")
                .append("`SampleInputTest.shippedSampleIsWhatTheGeneratorWrites` fails when the committed files differ from what the generator ")
                .append("writes, and `SampleFiguresTest` checks the generator's numbers against the printed claims with its own arithmetic.\n\n");

        md.append("## Layout\n\n");
        md.append("Columns `county_code,indicator_code,period,value,unit,remark` (one file uses the Chinese names), period ")
                .append(PERIOD).append(", one row per COUNTY-level indicator that is not a RATIO (").append(s.countySums().size())
                .append(" rows in a complete county file), in catalog order; corrections an office appended come last. ")
                .append("Line numbers are physical lines, the header being line 1.\n\n");
        md.append("| file | unit | encoding | line ends | rows read | accepted | rejected | ledger status |\n");
        md.append("| --- | --- | --- | --- | ---: | ---: | ---: | --- |\n");
        for (SampleFile f : s.files) {
            String unitName = f.unitCode.equals(CITY) ? "乌兰察布市" : s.county(f.unitCode).nameZh;
            boolean read = f.ledger.equals("PROCESSED");
            long rejected = f.rows.stream().filter(r -> r.reason != null).count();
            md.append("| `").append(f.name).append("` | ").append(f.unitCode).append(' ').append(unitName).append(" | ")
                    .append(f.encodingLabel()).append(" | ").append(f.eol.equals("\r\n") ? "CRLF" : "LF").append(" | ")
                    .append(read ? String.valueOf(f.rows.size()) : "—").append(" | ")
                    .append(read ? String.valueOf(f.rows.size() - rejected) : "—").append(" | ")
                    .append(read ? String.valueOf(rejected) : "—").append(" | ")
                    .append(f.ledger).append(" |\n");
        }
        md.append("\nNo unit is MISSING: every unit of the registry sent a file.\n\n");

        md.append("## Planted problems\n\n");
        md.append("Exactly these; every other row is accepted and every other figure is MATCH. ")
                .append("`row` is the reason the job must give in `rejected-rows.csv` (or `accepted`), `ledger` the file's status in ")
                .append("`file-ledger.csv`, `figure` the indicator's status in `reconciliation.csv`.\n\n");
        md.append("| # | file | line | indicator | what is wrong | row | ledger | figure |\n");
        md.append("| ---: | --- | ---: | --- | --- | --- | --- | --- |\n");
        List<String[]> entries = new ArrayList<>();
        for (SampleFile f : s.files) {
            for (String[] n : f.notes) {
                String figure = n[2].startsWith("(") || n[2].equals("—") ? "—" : figureStatus(s, n[2]);
                entries.add(new String[] {n[0], f.name, n[1], n[2], n[3], n[4], f.ledger, figure});
            }
            for (Row r : f.rows) {
                if (r.plant == null || r.plant.number == 0) {
                    continue;
                }
                String row = !f.ledger.equals("PROCESSED") ? "not read" : r.reason == null ? "accepted" : r.reason;
                String figure = s.indicators.stream().anyMatch(i -> i.code.equals(r.indicator)) ? figureStatus(s, r.indicator) : "—";
                entries.add(new String[] {String.valueOf(r.plant.number), f.name, String.valueOf(r.line), r.indicator,
                        r.plant.what, row, f.ledger, figure});
            }
        }
        entries.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
        for (String[] e : entries) {
            md.append("| ").append(e[0]).append(" | `").append(e[1]).append("` | ").append(e[2]).append(" | ")
                    .append(e[3].startsWith("(") || e[3].equals("—") ? e[3] : "`" + e[3] + "`").append(" | ")
                    .append(e[4].replace("|", "\\|")).append(" | ").append(e[5]).append(" | ").append(e[6]).append(" | ")
                    .append(e[7]).append(" |\n");
        }
        md.append("\nNot a problem but worth knowing: `150900.csv` line ")
                .append(s.file("150900.csv").row("GOOD_AIR_DAYS_RATIO").line)
                .append(" has GOOD_AIR_DAYS_RATIO 92.35, the boundary value that rounds half-up to the printed 92.4% (MATCH).\n\n");

        md.append("## Expected figure statuses\n\n");
        Map<String, List<String>> byStatus = new TreeMap<>();
        for (Indicator ind : s.indicators) {
            byStatus.computeIfAbsent(figureStatus(s, ind.code), k -> new ArrayList<>()).add(ind.code);
        }
        Map<String, List<String>> changesByStatus = new TreeMap<>();
        CHANGE_STATUS.forEach((code, status) -> changesByStatus.computeIfAbsent(status, k -> new ArrayList<>()).add(code));
        md.append("`reconciliation.csv` has ").append(s.indicators.size() + CHANGE_STATUS.size())
                .append(" lines: one per indicator (its level) and one per change figure (next section); the console counts them all.\n\n");
        for (String status : List.of("MISMATCH", "INCOMPLETE", "NO_DATA", "UNPUBLISHED", "MATCH")) {
            List<String> codes = byStatus.getOrDefault(status, List.of());
            List<String> changes = changesByStatus.getOrDefault(status, List.of());
            md.append("- **").append(status).append("** (").append(codes.size() + changes.size()).append("): ");
            if (status.equals("MATCH")) {
                md.append("the other ").append(codes.size()).append(" published levels");
            } else {
                md.append(String.join(", ", codes.stream().map(c -> "`" + c + "`").toList()));
            }
            if (!changes.isEmpty()) {
                md.append(status.equals("MATCH") ? ", and " : codes.isEmpty() ? "" : "; ").append(changes.size() == 1 ? "the change figure of " : "the change figures of ")
                        .append(String.join(", ", changes.stream().map(c -> "`" + c + "`").toList()));
            }
            md.append('\n');
        }
        md.append("\nThe job therefore ends with exit status 1 (findings). An indicator printed only as a change has its level UNPUBLISHED.\n\n");

        md.append("## Change figures and `base/").append(BASE_PERIOD).append(".csv`\n\n");
        md.append("The report also prints changes against ").append(BASE_PERIOD).append(" that county data can check; `published/")
                .append(PERIOD).append(".csv` holds them beside the levels (key: indicator, region, claim kind). `base/").append(BASE_PERIOD)
                .append(".csv` (`indicator_code,region_code,total`, catalog unit) holds the city's ").append(BASE_PERIOD)
                .append(" totals they are checked against. Each is a line of its own in `reconciliation.csv` (`claim_kind` growth or ")
                .append("point_change); the indicator's level line is UNPUBLISHED, since the report prints only the change.\n\n");
        md.append("| indicator | printed | ").append(PERIOD).append(" total | base in `base/").append(BASE_PERIOD)
                .append(".csv` | figure |\n");
        md.append("| --- | --- | ---: | ---: | --- |\n");
        for (Map.Entry<String, String> e : s.changes.entrySet()) {
            md.append("| `").append(e.getKey()).append("` | ").append(e.getValue()).append(" | ").append(total(s, e.getKey()))
                    .append(" | ").append(BASE.get(e.getKey())).append(" | ").append(CHANGE_STATUS.get(e.getKey())).append(" |\n");
        }
        md.append("\nPlanted: `base/").append(BASE_PERIOD).append(".csv` line ").append(baseLine(s, BASE_PLANTED[0]))
                .append(", `").append(BASE_PLANTED[0]).append("`: ").append(BASE_PLANTED[2]).append(". The figure is MISMATCH ")
                .append("and the diagnosis blames the base (two digits swapped; ").append(BASE_PLANTED[1])
                .append(" would match), not this year's total.\n");
        return md.toString();
    }

    /** The city total of an indicator as the job forms it: the city's own value, a sum, or a ratio of sums (× 100). */
    private static String total(Sample s, String indicator) {
        if (CITY_VALUES.containsKey(indicator)) {
            return CITY_VALUES.get(indicator);
        }
        if (indicator.equals("TOWN_SEWAGE_COVERAGE")) {
            return sum(s, "TOWNS_WITH_SEWAGE_TREATMENT").toPlainString() + " / " + sum(s, "ORGANIZED_TOWNS").toPlainString() + " × 100";
        }
        return sum(s, indicator).toPlainString();
    }

    private static BigDecimal sum(Sample s, String indicator) {
        return COUNTY_ORDER.stream().map(c -> truth(s, indicator, c)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The physical line of an indicator's row in base/2022.csv (the header is line 1). */
    private static int baseLine(Sample s, String indicator) {
        List<String> lines = List.of(baseFile(s).split("\n"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(indicator + ",")) {
                return i + 1;
            }
        }
        throw new IllegalStateException(indicator + " is not in base/" + BASE_PERIOD + ".csv");
    }

    private static String figureStatus(Sample s, String indicator) {
        String status = s.expectedStatus(indicator);
        if (!status.equals("UNPUBLISHED") && !s.published.containsKey(indicator)) {
            throw new IllegalStateException(indicator + " has no printed figure but is expected " + status);
        }
        if (status.equals("MATCH") && !s.published.containsKey(indicator)) {
            return "UNPUBLISHED";
        }
        return status;
    }

    private static <T> Map<String, T> mapOf(Object... keyValues) {
        Map<String, T> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            T v = (T) keyValues[i + 1];
            m.put((String) keyValues[i], v);
        }
        return m;
    }

    private SampleInputGenerator() {
    }

    // ------------------------------------------------------------------------------------------------
    // The year's targets: 2024-06
    // ------------------------------------------------------------------------------------------------

    /**
     * The sample of the year's targets: the 2024 targets of the report's plan part ({@code targets/2024.csv}, what
     * {@code --extract=<report> --write-targets} writes), the counties' cumulative figures of January–June 2024
     * ({@code 2024-06/}), and last year's totals of the same period and of the whole year ({@code base/2023-06.csv},
     * {@code base/2023.csv}) that give the growth and last year's pace.
     */
    static final class Targets2024 {

        static final String PERIOD = "2024-06";
        static final String REMARK = "1-6月累计";

        /** targets/2024.csv as --write-targets writes it from the shipped report. */
        static final List<String> TARGETS = List.of(
                "ENERGY_WATER_SAVING_PROJECTS,,21个,三(三),实施工业节能节水项目21个",
                "OLD_COMMUNITIES_RENOVATED,,157个,三(六),新开工城镇老旧小区改造157个",
                "RURAL_DILAPIDATED_HOUSES,,550户,三(六),农村牧区危房550户",
                "RURAL_TOILETS_RENOVATED,,5651个,三(五),改造农村户厕5651个",
                "RURAL_ROADS_BUILT,,320公里,三(六),新建农村牧区公路320公里",
                "URBAN_NEW_JOBS,,5500人以上,三(六),城镇新增就业5500人以上",
                "ELDERLY_HOME_ADAPTATIONS,,4393户,三(六),实施适老化改造4393户",
                "ELDERLY_CARE_CENTERS,,26个,三(六),建设乡镇养老服务中心26个",
                "VOCATIONAL_TRAINING,,1.1万人次以上,三(六),开展职业技能培训1.1万人次以上",
                "RETAIL_SALES,,增长6%左右,二,社会消费品零售总额增长6%左右");

        /** The city's cumulative totals of January–June 2024, split over the counties. */
        static final List<Plan> PLANS = List.of(
                new Plan("ENERGY_WATER_SAVING_PROJECTS", "12", INDUSTRY),
                new Plan("OLD_COMMUNITIES_RENOVATED", "160", URBAN),
                new Plan("RURAL_DILAPIDATED_HOUSES", "180", RURAL),
                new Plan("RURAL_TOILETS_RENOVATED", "2210", RURAL),
                new Plan("RURAL_ROADS_BUILT", "171.60", RURAL),
                new Plan("URBAN_NEW_JOBS", "3012", URBAN),
                new Plan("ELDERLY_HOME_ADAPTATIONS", "4410", PEOPLE),
                new Plan("ELDERLY_CARE_CENTERS", "9", PEOPLE),
                new Plan("VOCATIONAL_TRAINING", "6840", PEOPLE),
                new Plan("RETAIL_SALES", "1309500.0", URBAN));

        /** base/2023-06.csv: January–June 2023 (the base of the growth, and with base/2023.csv last year's pace). */
        static final Map<String, String> BASE_2023_06 = mapOf(
                "ENERGY_WATER_SAVING_PROJECTS", "15",
                "RURAL_DILAPIDATED_HOUSES", "540",
                "URBAN_NEW_JOBS", "4630",
                "VOCATIONAL_TRAINING", "5230",
                "RETAIL_SALES", "1236540.2");

        /** base/2023.csv: the bureau's final totals of 2023 (those of the 2023 sample where it has them). */
        static final Map<String, String> BASE_2023 = mapOf(
                "ENERGY_WATER_SAVING_PROJECTS", "39",
                "RURAL_DILAPIDATED_HOUSES", "1083",
                "URBAN_NEW_JOBS", "8685",
                "VOCATIONAL_TRAINING", "10160",
                "RETAIL_SALES", "2653907.6");

        /** What targets.csv of a run of --period=2024-06 must say, with why. */
        static final Map<String, String[]> EXPECTED = mapOf(
                "ENERGY_WATER_SAVING_PROJECTS", new String[] {"ON_TRACK", "12 of 21 (0.571429) against last year's 15 ÷ 39 (0.384615)"},
                "OLD_COMMUNITIES_RENOVATED", new String[] {"MET", "160 ≥ 156.5 (157, half a unit below)"},
                "RURAL_DILAPIDATED_HOUSES", new String[] {"BEHIND", "180 of 550 (0.327273) against last year's 540 ÷ 1083 (0.498615)"},
                "RURAL_TOILETS_RENOVATED", new String[] {"BEHIND", "2210 of 5651 (0.391081) against the calendar 6/12 (no base rows)"},
                "RURAL_ROADS_BUILT", new String[] {"ON_TRACK", "171.6 of 320 (0.536250) against the calendar 6/12"},
                "URBAN_NEW_JOBS", new String[] {"ON_TRACK", "3012 of 5500 (0.547636) against last year's 4630 ÷ 8685 (0.533103)"},
                "ELDERLY_HOME_ADAPTATIONS", new String[] {"MET", "4410 ≥ 4392.5"},
                "ELDERLY_CARE_CENTERS", new String[] {"BEHIND", "9 of 26 (0.346154) against the calendar 6/12"},
                "VOCATIONAL_TRAINING", new String[] {"ON_TRACK", "6840 of 11000 (0.621818) against last year's 5230 ÷ 10160 (0.514764)"},
                "RETAIL_SALES", new String[] {"MET", "growth (1309500 ÷ 1236540.2 − 1) × 100 = 5.900318 ≥ 0.95 × 6 = 5.7"});

        private Targets2024() {
        }

        /** Path relative to the input folder → bytes: the county files, the targets and the two base files. */
        static Map<String, byte[]> files(Sample s) {
            Map<String, BigDecimal> truth = new TreeMap<>();
            for (Plan plan : PLANS) {
                truth.putAll(split(s, plan, Map.of()));
            }
            Map<String, byte[]> out = new LinkedHashMap<>();
            List<Indicator> inCatalogOrder = s.indicators.stream()
                    .filter(i -> PLANS.stream().anyMatch(p -> p.indicator.equals(i.code))).toList();
            for (String county : COUNTY_ORDER) {
                StringBuilder csv = new StringBuilder(String.join(",", ENGLISH_HEADER)).append('\n');
                for (Indicator ind : inCatalogOrder) {
                    csv.append(String.join(",", county, ind.code, PERIOD, truth.get(ind.code + "@" + county).toPlainString(),
                            ind.unit, REMARK)).append('\n');
                }
                out.put(PERIOD + "/" + county + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            }
            out.put("targets/2024.csv", lines("indicator_code,region_code,target_text,section,quote", TARGETS));
            out.put("base/2023-06.csv", base(BASE_2023_06));
            out.put("base/2023.csv", base(BASE_2023));
            return out;
        }

        private static byte[] base(Map<String, String> totals) {
            List<String> rows = new ArrayList<>();
            totals.forEach((code, total) -> rows.add(code + "," + "," + total));
            return lines("indicator_code,region_code,total", rows);
        }

        private static byte[] lines(String header, List<String> rows) {
            StringBuilder text = new StringBuilder(header).append('\n');
            rows.forEach(r -> text.append(r).append('\n'));
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }

        static String readme(Sample s) {
            StringBuilder md = new StringBuilder();
            md.append("\n## The year's targets: ").append(PERIOD).append("\n\n");
            md.append("`targets/2024.csv` holds the 2024 targets of the report's plan part for the indicators of the catalog, ")
                    .append("exactly as `--extract=reports/ulanqab-2024-government-work-report.txt --write-targets` writes it. ")
                    .append("`").append(PERIOD).append("/` holds each county's cumulative figures of January–June 2024 (remark `")
                    .append(REMARK).append("`) for the ").append(PLANS.size()).append(" indicators of those targets, one file per ")
                    .append("county, every row valid (no city file: no target is on a CITY indicator, so `150900.csv` is MISSING in the ledger). `base/2023-06.csv` (January–June ")
                    .append("2023) and `base/2023.csv` (the whole of 2023) give the growth of `RETAIL_SALES` and last year's pace of ")
                    .append(BASE_2023.size() - 1).append(" targets; the others are paced by the calendar (6/12). There is no ")
                    .append("`published/").append(PERIOD).append(".csv`: a month is reconciled without printed figures.\n\n");
            md.append("`java -jar target/reconciliation.jar --period=").append(PERIOD)
                    .append("` writes `output/").append(PERIOD).append("/targets.csv` with these statuses and ends with exit status 0: ")
                    .append("a target behind is news for the bureau's leaders, not a data error.\n\n");
            md.append("| indicator | target | status | why |\n| --- | --- | --- | --- |\n");
            for (String row : TARGETS) {
                String[] f = row.split(",", -1);
                String[] e = EXPECTED.get(f[0]);
                md.append("| `").append(f[0]).append("` ").append(s.indicator(f[0]).nameZh).append(" | ").append(f[2]).append(" | ")
                        .append(e[0]).append(" | ").append(e[1]).append(" |\n");
            }
            return md.toString();
        }
    }
}
