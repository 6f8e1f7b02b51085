package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.catalog.BaseTotals;
import cn.ulanqab.stats.catalog.Period;
import cn.ulanqab.stats.catalog.ReferenceData;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The whole job on a copy of the shipped sample, checked output file by output file, with its runs kept in H2 and in
 * PostgreSQL; the CSVs of both are byte for byte the same.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("cn.ulanqab.stats.batch.TestDatabase#both")
class NightlyReconciliationJobTest {

    @TempDir
    static Path work;
    static JobRun.Result result;
    static Path outputs;
    static final Map<String, Map<String, byte[]>> CSVS_BY_DATABASE = new HashMap<>();

    private final String database;

    NightlyReconciliationJobTest(TestDatabase database) {
        this.database = database.name();
    }

    @BeforeParameterizedClassInvocation
    static void runTheJobOnTheShippedSample(TestDatabase database) throws IOException {
        database.assumeAvailable();
        Path input = JobRun.copyShippedInput(work.resolve(database.name()).resolve("input"));
        Path output = work.resolve(database.name()).resolve("output");
        result = JobRun.run(input, output, database.fresh().jobOptions().toArray(String[]::new));
        outputs = output.resolve("2023");
        CSVS_BY_DATABASE.put(database.name(), JobRun.csvBytes(outputs));
    }

    @Test
    void writesTheSameCsvsAsOnH2() {
        assumeFalse(database.equals("H2"), "the runs on H2 are the yardstick");
        Map<String, byte[]> onH2 = CSVS_BY_DATABASE.get("H2");
        CSVS_BY_DATABASE.get(database).forEach((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                .as(name + " on " + database).isEqualTo(new String(onH2.get(name), StandardCharsets.UTF_8)));
    }

    @Test
    void endsWithFindingsStatusAndTellsTheOperatorWhatHappened() {
        assertThat(result.exitStatus()).isEqualTo(1);
        assertThat(result.console())
                .contains("12 PROCESSED, 1 SUPERSEDED, 1 UNRECOGNIZED")
                .contains("数据行：读取 701，接受 686，退回 15")
                .contains("61 MATCH, 3 MISMATCH, 3 INCOMPLETE, 1 NO_DATA, 11 UNPUBLISHED")
                .contains(outputs.toAbsolutePath().toString())
                .contains("MISMATCH   CO2_REDUCTION 减排二氧化碳：公布 184万吨，汇总 1,712,475.1 吨 (171万吨)")
                .contains("MISMATCH   RURAL_WASTE_COVERAGE 农村牧区生活垃圾收运处置体系覆盖率：公布 提高34.4%，汇总 92.6 %，上年 86.9 % (提高6.6%)")
                .contains("退出状态 1：7 项需核查");
    }

    @Test
    void reconcilesEveryIndicatorWithThePlantedProblemsFound() throws IOException {
        Map<String, Map<String, String>> lines = byIndicator(outputs.resolve("reconciliation.csv"), "level");
        assertThat(lines).hasSize(75);
        Map<String, String> statuses = lines.values().stream()
                .collect(Collectors.toMap(l -> l.get("indicator_code"), l -> l.get("status")));
        Map<String, String> expected = new HashMap<>();
        statuses.keySet().forEach(code -> expected.put(code, "MATCH"));
        Set.of("CO2_REDUCTION", "URBAN_NEW_JOBS").forEach(c -> expected.put(c, "MISMATCH"));
        Set.of("HEATING_GAS_PIPELINES", "POCKET_PARKS", "NEW_HOSPITAL_BEDS").forEach(c -> expected.put(c, "INCOMPLETE"));
        expected.put("ONLINE_SERVICE_CASES", "NO_DATA");
        Set.of("RESIDENT_POPULATION", "CHILDCARE_SLOTS", "PETITION_CASES_ASSIGNED", "TECH_CONTRACT_VALUE", "RURAL_WASTE_COVERAGE",
                "ORGANIZED_TOWNS", "TOWNS_WITH_SEWAGE_TREATMENT", "TOWN_SEWAGE_COVERAGE", "GRASSLAND_VEGETATION_COVER",
                "VOCATIONAL_TRAINING", "RETAIL_SALES")
                .forEach(c -> expected.put(c, "UNPUBLISHED"));
        assertThat(statuses).isEqualTo(expected);

        Map<String, String> co2 = lines.get("CO2_REDUCTION");
        assertThat(co2.get("published_value")).isEqualTo("1840000");
        assertThat(co2.get("city_total")).isEqualTo("1712475.1");
        assertThat(co2.get("as_printed")).isEqualTo("171万吨");
        assertThat(co2.get("difference")).isEqualTo("-127524.9");
        assertThat(co2.get("relative_difference")).isEqualTo("-0.069307");
        assertThat(co2.get("counties_reported")).isEqualTo("11");
        assertThat(co2.get("hint")).isEqualTo("合计 1,712,475.1 不在公布数字“184万吨”的口径内（1835000 ≤ t < 1845000）"
                + " | 单位换算错误？卓资县 (150921) 报 12.6 吨；×10,000 后为 126,000，差额消除");

        Map<String, String> jobs = lines.get("URBAN_NEW_JOBS");
        assertThat(jobs.get("city_total")).isEqualTo("8145");
        assertThat(jobs.get("as_printed")).isEqualTo("8145人");
        assertThat(jobs.get("hint")).contains("数字颠倒？察哈尔右翼后旗 (150928) 报 172 人；改为 712 差额消除");

        Map<String, String> pipelines = lines.get("HEATING_GAS_PIPELINES");
        assertThat(pipelines.get("counties_reported")).isEqualTo("10");
        assertThat(pipelines.get("missing_counties")).isEqualTo("150923");
        assertThat(lines.get("NEW_HOSPITAL_BEDS").get("missing_counties")).isEqualTo("150981");
        assertThat(lines.get("NEW_HOSPITAL_BEDS").get("hint")).contains("可补全：丰镇市 150981.csv 第 64 行（DUPLICATE_CONFLICT）"
                + "填的是“86”；按 86 张 计入，合计为 882，与公布数字相符（备注：以此为准）");
        assertThat(lines.get("POCKET_PARKS").get("hint")).contains("可补全：化德县 150922.csv 第 35 行（NOT_A_NUMBER）填的是“一”");
        assertThat(lines.get("HEATING_GAS_PIPELINES").get("hint")).doesNotContain("可补全");
        assertThat(lines.get("ONLINE_SERVICE_CASES").get("hint")).isEqualTo("市本级文件（乌兰察布市 (150900)）没有报送此指标");
        assertThat(lines.get("ONLINE_SERVICE_CASES").get("city_total")).isEmpty();
        assertThat(lines.get("ONLINE_SERVICE_CASES").get("missing_counties")).isEqualTo("150900");

        assertThat(lines.get("GOOD_AIR_DAYS_RATIO").get("city_total")).isEqualTo("92.35");
        assertThat(lines.get("GOOD_AIR_DAYS_RATIO").get("as_printed")).isEqualTo("92.4%");
        assertThat(lines.get("MONITORED_HOUSEHOLDS").get("as_printed")).isEqualTo("1.38万户");
        assertThat(lines.get("ENTERPRISES_ASSISTED").get("as_printed")).isEqualTo("968家");
        assertThat(lines.get("BEIJING_COOPERATION_FUNDS").get("published_value")).isEqualTo("52000");
        assertThat(lines.get("CHILDCARE_SLOTS_PER_1000").get("status")).isEqualTo("MATCH");
        assertThat(lines.get("PETITION_RESOLUTION_RATE").get("as_printed")).isEqualTo("99.6%");
        assertThat(lines.get("MEAT_OUTPUT").get("section")).isEqualTo("一(五)");
        assertThat(lines.get("MEAT_OUTPUT").get("quote")).isEqualTo("生产肉类29.9万吨");
    }

    @Test
    void rejectsExactlyThePlantedRowsWithTheirReasons() throws IOException {
        List<String> rejected = JobRun.readCsv(outputs.resolve("rejected-rows.csv")).stream().skip(1)
                .map(r -> r.get(0) + ":" + r.get(1) + ":" + r.get(2) + ":" + r.get(3) + ":" + r.get(5)).toList();
        assertThat(rejected).containsExactly(
                "150902.csv:57:150902:NEW_SCHOOL_PLACES:NOT_AN_INTEGER",
                "150902.csv:64:150902:GDP:UNKNOWN_INDICATOR",
                "150922.csv:35:150922:POCKET_PARKS:NOT_A_NUMBER",
                "150923.csv:26:150923:MEAT_OUTPUT:PERIOD_MISMATCH",
                "150923.csv:37:150923::MALFORMED_ROW",
                "150926.csv:10:150926:LAKES_ASSESSED:MISSING_VALUE",
                "150927.csv:9:150927:HOTLINE_APPEALS:WRONG_LEVEL",
                "150927.csv:23:150927:MONITORED_HOUSEHOLDS:UNKNOWN_COUNTY",
                "150927.csv:35:150927:CLEAN_HEATING_HOUSEHOLDS:COUNTY_MISMATCH",
                "150927.csv:56:150927:PETITION_RESOLUTION_RATE:WRONG_LEVEL",
                "150928.csv:25:150928:MEAT_OUTPUT:UNKNOWN_UNIT",
                "150929.csv:17:150929:LAND_RECLAIMED:NEGATIVE_VALUE",
                "150929.csv:65:150929:PUBLIC_CHARGING_PILES:DUPLICATE",
                "150981.csv:58:150981:NEW_HOSPITAL_BEDS:DUPLICATE_CONFLICT",
                "150981.csv:64:150981:NEW_HOSPITAL_BEDS:DUPLICATE_CONFLICT");
    }

    @Test
    void rejectedRowsSayWhichFigureTheyLeaveIncomplete() throws IOException {
        List<CSVRecord> rows = JobRun.readCsv(outputs.resolve("rejected-rows.csv"));
        assertThat(rows.get(0).values()).endsWith("remark", "affects");
        assertThat(rows.stream().skip(1).filter(r -> !r.get(9).isEmpty()).map(r -> r.get(0) + ":" + r.get(1) + ":" + r.get(9)))
                .as("12 of the 15 have a valid row of the same indicator that counts, or never could count")
                .containsExactly("150922.csv:35:POCKET_PARKS", "150981.csv:58:NEW_HOSPITAL_BEDS", "150981.csv:64:NEW_HOSPITAL_BEDS");
        assertThat(rows.get(3).get(6)).as("the message follows the language; the reason stays a token")
                .startsWith("数值不是数字（").endsWith("）");
        String html = Files.readString(outputs.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<td>POCKET_PARKS</td>\n    </tr>");
    }

    @Test
    void checksThePrintedChangesAgainstLastYearsBase() throws IOException {
        List<CSVRecord> records = JobRun.readCsv(outputs.resolve("reconciliation.csv"));
        assertThat(records.get(0).values()).endsWith("region_code", "claim_kind", "base_total", "computed_change");
        Map<String, Map<String, String>> growth = byIndicator(outputs.resolve("reconciliation.csv"), "growth");
        Map<String, Map<String, String>> points = byIndicator(outputs.resolve("reconciliation.csv"), "point_change");
        assertThat(growth).containsOnlyKeys("TECH_CONTRACT_VALUE", "RURAL_WASTE_COVERAGE");
        assertThat(points).containsOnlyKeys("TOWN_SEWAGE_COVERAGE", "GRASSLAND_VEGETATION_COVER");

        Map<String, String> tech = growth.get("TECH_CONTRACT_VALUE");
        assertThat(tech.get("status")).isEqualTo("MATCH");
        assertThat(tech.get("city_total")).isEqualTo("40123.6");
        assertThat(tech.get("base_total")).isEqualTo("30078.4");
        // (40123.6 ÷ 30078.4 − 1) × 100 = 33.3967232…
        assertThat(tech.get("computed_change")).isEqualTo("33.396723");
        assertThat(tech.get("published_value")).isEqualTo("33.4");
        assertThat(tech.get("as_printed")).isEqualTo("增长33.4%");

        Map<String, String> waste = growth.get("RURAL_WASTE_COVERAGE");
        assertThat(waste.get("status")).isEqualTo("MISMATCH");
        assertThat(waste.get("base_total")).isEqualTo("86.9");
        // (92.6 ÷ 86.9 − 1) × 100 = 6.5592635…
        assertThat(waste.get("computed_change")).isEqualTo("6.559264");
        assertThat(waste.get("as_printed")).isEqualTo("提高6.6%");
        assertThat(waste.get("hint")).isEqualTo("按上年同期（2022）基数 86.9 %，合计 92.6 % 的变化为 6.559264，不在公布数字“提高34.4%”的口径内"
                + "（34.35 ≤ g < 34.45） | 差额出在上年基数：base/2022.csv 中的基数 86.9 % 可能数字颠倒，改为 68.9 即与“提高34.4%”相符；请核对基数文件");

        Map<String, String> sewage = points.get("TOWN_SEWAGE_COVERAGE");
        assertThat(sewage.get("status")).isEqualTo("MATCH");
        // 39 ÷ 62 × 100 − 39.5 = 23.403225…
        assertThat(sewage.get("computed_change")).isEqualTo("23.403226");
        assertThat(sewage.get("as_printed")).isEqualTo("提高23.4个百分点");
        assertThat(points.get("GRASSLAND_VEGETATION_COVER").get("computed_change")).isEqualTo("4.500000");
        assertThat(byIndicator(outputs.resolve("reconciliation.csv"), "level").get("CO2_REDUCTION").get("base_total")).isEmpty();
    }

    @Test
    void writesTheCompleteTotalsAsNextYearsBase() throws IOException {
        Map<String, Map<String, String>> base = byIndicator(outputs.resolve("base.csv"));
        assertThat(JobRun.readCsv(outputs.resolve("base.csv")).get(0).values()).containsExactly("indicator_code", "region_code", "total");
        assertThat(base.get("TECH_CONTRACT_VALUE")).containsEntry("region_code", "150900").containsEntry("total", "40123.6");
        assertThat(base.get("CO2_REDUCTION").get("total")).isEqualTo("1712475.1");
        assertThat(base.get("GOOD_AIR_DAYS_RATIO").get("total")).isEqualTo("92.35");
        assertThat(new BigDecimal(base.get("TOWN_SEWAGE_COVERAGE").get("total")).subtract(new BigDecimal("62.903225806451612903225806451613")).abs())
                .isLessThan(new BigDecimal("1E-28"));
        // incomplete or without data: not a base
        assertThat(base).doesNotContainKeys("POCKET_PARKS", "HEATING_GAS_PIPELINES", "NEW_HOSPITAL_BEDS", "ONLINE_SERVICE_CASES");
        assertThat(base).hasSize(69);
        assertThat(List.copyOf(base.keySet()).subList(0, 3)).containsExactly("TECH_INCUBATORS", "INDUSTRY_RESEARCH_INSTITUTES",
                "ENTERPRISE_RD_CENTERS");
        // read back as next year's base file
        Path next = work.resolve(database + "-next/base/2023.csv");
        Files.createDirectories(next.getParent());
        Files.copy(outputs.resolve("base.csv"), next);
        ReferenceData reference = ReferenceData.load(Path.of("input/reference"));
        assertThat(BaseTotals.read(next.getParent().getParent(), Period.parse("2023"), reference).total("CO2_REDUCTION", "150900"))
                .hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("1712475.1"));
    }

    @Test
    void ledgerAccountsForEveryFileAndEveryRow() throws IOException {
        Map<String, Map<String, String>> ledger = byKey(outputs.resolve("file-ledger.csv"), "file");
        List<CSVRecord> records = JobRun.readCsv(outputs.resolve("file-ledger.csv"));
        assertThat(records.get(0).values()).startsWith("file", "county_code", "version", "status", "encoding",
                "rows_read", "rows_accepted", "rows_rejected", "sha256");
        assertThat(records).hasSize(15);
        for (CSVRecord r : records.subList(1, records.size())) {
            long read = Long.parseLong(r.get(5));
            assertThat(read).as("rows of %s", r.get(0)).isEqualTo(Long.parseLong(r.get(6)) + Long.parseLong(r.get(7)));
            if (r.get(3).equals("PROCESSED")) {
                assertThat(read).as("rows of %s", r.get(0)).isPositive();
                assertThat(r.get(8)).hasSize(64);
            }
        }
        assertThat(records.stream().mapToLong(r -> r.getRecordNumber() == 1 ? 0 : Long.parseLong(r.get(5))).sum()).isEqualTo(701);
        assertThat(records.stream().map(r -> r.get(3))).doesNotContain("MISSING", "UNREADABLE");
        assertThat(ledger.get("150924.csv").get("status")).isEqualTo("SUPERSEDED");
        assertThat(ledger.get("150924.csv").get("reason")).contains("150924-v2.csv");
        assertThat(ledger.get("150924-v2.csv").get("version")).isEqualTo("2");
        assertThat(ledger.get("150929-说明.txt").get("status")).isEqualTo("UNRECOGNIZED");
        assertThat(ledger.get("150925.csv").get("encoding")).isEqualTo("GB18030");
        assertThat(ledger.get("150926.csv").get("encoding")).isEqualTo("UTF-8-BOM");
        assertThat(ledger.get("150927.csv").get("rows_read")).isEqualTo("66");
        assertThat(ledger.get("150927.csv").get("rows_rejected")).isEqualTo("4");
    }

    @Test
    void breakdownShowsEachCountysAcceptedValueInTheCatalogUnit() throws IOException {
        Map<String, Map<String, String>> breakdown = byIndicator(outputs.resolve("county-breakdown.csv"));
        assertThat(breakdown.get("CO2_REDUCTION").get("150921")).isEqualTo("12.6");
        assertThat(breakdown.get("URBAN_NEW_JOBS").get("150928")).isEqualTo("172");
        assertThat(breakdown.get("MEAT_OUTPUT").get("150922")).isEqualTo("23500");
        assertThat(breakdown.get("POCKET_PARKS").get("150922")).isEmpty();
        assertThat(breakdown.get("GOOD_AIR_DAYS_RATIO").get("150900")).isEqualTo("92.35");
        assertThat(breakdown.get("ELDERLY_HOME_ADAPTATIONS").get("150925")).isEqualTo("1203");
    }

    @Test
    void reportIsOneSelfContainedPageWithEveryFinding() throws IOException {
        String html = Files.readString(outputs.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("减排二氧化碳", "MISMATCH", "×10,000 后为 126,000，差额消除", "NOT_A_NUMBER")
                .containsPattern("<a href=\"file:[^\"]*/2023/150929-%E8%AF%B4%E6%98%8E.txt\">150929-说明.txt</a>")
                .doesNotContain("<script", "http://", "https://", "<link")
                .contains("<span>卓资 150921</span><span class=\"suspect-mark\">")
                .contains("<span>察右后旗 150928</span><span class=\"suspect-mark\">");
        assertThat(html.split("class=\"suspect-mark\"", -1)).as("only the two counties the diagnoses name").hasSize(3);
        assertThat(html.split("class=\"suspect-segment\"", -1)).as("and their segments of the charts").hasSize(3);
        assertThat(html).contains("黄色：诊断所指");
        assertThat(html.split("class=\"partial\"", -1)).as("the three INCOMPLETE totals are labelled partial").hasSize(4);
        assertThat(html).as("no English sentence of the old page").doesNotContain("closes the gap", "would complete", "公报印", "已核销");
        List<CSVRecord> beds = JobRun.readCsv(outputs.resolve("feedback/150981.csv")).stream().filter(r -> r.get(3).equals("NEW_HOSPITAL_BEDS")
                && r.get(0).equals("待核数字")).toList();
        assertThat(beds).singleElement().satisfies(r -> {
            assertThat(r.get(7)).startsWith("政府工作报告公布 882张，部分合计 796 张；");
            // 丰镇 sent two values: it is asked to correct its rejected rows, not to report a value it did send
            assertThat(r.get(8)).startsWith("本单位该指标所报的行被退回").doesNotContain("补报");
        });
    }

    private static Map<String, Map<String, String>> byIndicator(Path csv) throws IOException {
        return byKey(csv, "indicator_code");
    }

    /** The lines of reconciliation.csv of one claim kind, by indicator. */
    private static Map<String, Map<String, String>> byIndicator(Path csv, String claimKind) throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        allRows(csv).stream().filter(r -> r.get("claim_kind").equals(claimKind)).forEach(r -> rows.put(r.get("indicator_code"), r));
        return rows;
    }

    private static List<Map<String, String>> allRows(Path csv) throws IOException {
        List<CSVRecord> records = JobRun.readCsv(csv);
        List<String> header = records.get(0).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Map<String, String>> byKey(Path csv, String key) throws IOException {
        List<CSVRecord> records = JobRun.readCsv(csv);
        List<String> header = records.get(0).toList();
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            rows.put(row.get(key), row);
        }
        return rows;
    }
}
