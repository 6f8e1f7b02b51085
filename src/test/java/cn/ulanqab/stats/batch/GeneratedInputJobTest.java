package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.generator.GeneratorSettings;
import cn.ulanqab.stats.generator.SyntheticInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job on a small generated national input (40 counties under 40 cities in 31 provinces, 30 indicators),
 * with province and country figures added to the generated city figures: it finds exactly the planted mismatches.
 */
class GeneratedInputJobTest {

    @TempDir
    Path scratch;

    @Test
    void findsExactlyThePlantedMismatchesAtEveryLevel() throws IOException {
        Path input = scratch.resolve("input");
        SyntheticInput.generate(input, new GeneratorSettings(40, 30, "2023", GeneratorSettings.DEFAULT_SEED, 2, 13));
        Set<List<String>> expected = records(input.resolve(SyntheticInput.EXPECTED_MISMATCHES_FILE)).stream().skip(1)
                .map(r -> List.of(r.get(0), r.get(1))).collect(Collectors.toSet());
        assertThat(expected).as("the generator planted some").isNotEmpty();

        // province and country figures: IND_0001 right for the country and province 110000, IND_0002 wrong for 120000
        ReferenceData reference = ReferenceData.load(input.resolve("reference"));
        Registry registry = reference.registry();
        Map<String, BigDecimal> ind1 = values(input, "IND_0001");
        Map<String, BigDecimal> ind2 = values(input, "IND_0002");
        BigDecimal country = sum(ind1, registry.leafCodesOf("100000"));
        BigDecimal province = sum(ind1, registry.leafCodesOf("110000"));
        BigDecimal wrong = sum(ind2, registry.leafCodesOf("120000")).add(BigDecimal.valueOf(5));
        String unit1 = reference.catalog().get("IND_0001").unit();
        String unit2 = reference.catalog().get("IND_0002").unit();
        Files.writeString(input.resolve("published/2023.csv"), String.join("\n",
                "IND_0001,2023," + country.toPlainString() + unit1 + ",全国,全国合计,100000",
                "IND_0001,2023," + province.toPlainString() + unit1 + ",省,省合计,110000",
                "IND_0002,2023," + wrong.toPlainString() + unit2 + ",省,省合计,120000", ""),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        expected.add(List.of("IND_0002", "120000"));

        Path output = scratch.resolve("output");
        JobRun.Result result = JobRun.run(input, output, "--period=2023");
        assertThat(result.exitStatus()).isEqualTo(1);
        assertThat(result.console()).as("each finding on the console names its region")
                .containsPattern("MISMATCH +IND_0002 \\S+（合成省12 120000）：公布 ");

        List<CSVRecord> lines = JobRun.readCsv(output.resolve("2023/reconciliation.csv"));
        List<String> header = lines.get(0).toList();
        assertThat(header.subList(header.size() - 4, header.size())).containsExactly("region_code", "claim_kind", "base_total",
                "computed_change");
        int status = header.indexOf("status");
        int region = header.indexOf("region_code");
        Set<List<String>> found = lines.stream().skip(1).filter(r -> r.get(status).equals("MISMATCH"))
                .map(r -> List.of(r.get(0), r.get(region))).collect(Collectors.toSet());
        assertThat(found).isEqualTo(expected);
        assertThat(lines.stream().skip(1).map(r -> r.get(status)).collect(Collectors.toSet())).containsOnly("MATCH", "MISMATCH");
        CSVRecord countryLine = lines.stream().filter(r -> r.get(region).equals("100000")).findFirst().orElseThrow();
        assertThat(countryLine.get(status)).isEqualTo("MATCH");
        assertThat(countryLine.get(header.indexOf("counties_reported"))).isEqualTo("40");

        List<CSVRecord> breakdown = JobRun.readCsv(output.resolve("2023/county-breakdown.csv"));
        assertThat(breakdown.get(0).toList()).containsExactly("indicator_code", "region_code", "county_code", "value");
        assertThat(breakdown).hasSize((int) (1 + 40 * reference.catalog().indicators().stream().filter(i -> !i.isRatio()).count()));

        String html = Files.readString(output.resolve("2023/report.html"));
        assertThat(html).contains("各地区汇总").contains("合成省12 120000");
        assertThat(Files.list(output.resolve("2023/feedback")).count()).as("a file per county").isEqualTo(40);

        try (InputStream in = Files.newInputStream(output.resolve("2023/report.xlsx")); Workbook book = WorkbookFactory.create(in)) {
            Sheet findings = book.getSheet("待核查问题");
            List<String> columns = new ArrayList<>();
            findings.getRow(0).forEach(c -> columns.add(c.getStringCellValue()));
            Set<List<String>> inWorkbook = new HashSet<>();
            for (int r = 2; r <= findings.getLastRowNum(); r++) {
                Row row = findings.getRow(r);
                inWorkbook.add(List.of(row.getCell(0).getStringCellValue(), row.getCell(columns.indexOf("region_code")).getStringCellValue()));
            }
            assertThat(inWorkbook).as("every finding with its region").isEqualTo(expected);
            assertThat(book.getSheet("全部指标").getLastRowNum()).as("two header rows (index 0, 1), then every printed figure")
                    .isEqualTo(1 + (lines.size() - 1));
        }
        JsonNode summary = JsonMapper.builder().build().readTree(output.resolve("2023/summary.json").toFile());
        Set<List<String>> inSummary = new HashSet<>();
        summary.path("findings").forEach(f -> inSummary.add(List.of(f.path("indicator_code").asString(), f.path("region_code").asString())));
        assertThat(inSummary).isEqualTo(expected);
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    private static Map<String, BigDecimal> values(Path input, String indicator) throws IOException {
        Map<String, BigDecimal> values = new HashMap<>();
        try (Stream<Path> files = Files.list(input.resolve("2023"))) {
            for (Path f : files.toList()) {
                for (CSVRecord r : records(f)) {
                    if (r.get(1).equals(indicator)) {
                        values.put(r.get(0), new BigDecimal(r.get(3)));
                    }
                }
            }
        }
        return values;
    }

    private static BigDecimal sum(Map<String, BigDecimal> values, List<String> counties) {
        return counties.stream().map(values::get).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
