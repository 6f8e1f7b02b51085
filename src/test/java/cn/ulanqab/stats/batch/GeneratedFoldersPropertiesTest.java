package cn.ulanqab.stats.batch;

import java.util.Locale;
import cn.ulanqab.stats.submission.SubmissionEncoding;
import cn.ulanqab.stats.testing.Property;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole nights on 20 generated input folders: a small catalog of SUM indicators, printed figures with and without
 * units, and submissions from a random set of counties with random rows, faults (bad numbers, blanks, 41-digit values,
 * wrong codes and periods, negative and fractional counts, duplicates, extra fields, broken quoting, lines of ""),
 * blank lines, quoted remarks over two lines, and encodings (UTF-8 with and without a BOM, GB18030, CRLF or LF).
 * Whatever the content, the night ends with its findings or none (never exit status 2), every file's rows read are
 * the records the test wrote and equal accepted plus rejected, and every SUM total is the sum of its column of
 * county-breakdown.csv.
 */
class GeneratedFoldersPropertiesTest {

    static final List<String> COUNTIES = List.of("150902", "150921", "150922", "150923", "150924", "150925", "150926",
            "150927", "150928", "150929", "150981");
    static final String HEADER = "county_code,indicator_code,period,value,unit,remark";

    /** An indicator of the generated catalog. */
    record Indicator(String code, String unit, boolean integer) {
    }

    static final List<Indicator> INDICATORS = List.of(new Indicator("FUNDS", "万元", false), new Indicator("HOUSEHOLDS", "户", true),
            new Indicator("OUTPUT", "吨", false), new Indicator("SCHOOLS", "所", true), new Indicator("ROADS", "公里", false),
            new Indicator("AREA", "亩", false));

    /** A generated folder: the files (name → bytes) and how many records the test wrote into each. */
    record Folder(long seed, Map<String, byte[]> files, Map<String, Integer> records, Map<String, String> published) {
        @Override
        public String toString() {
            return "folder of seed " + seed + ": " + records + ", printed " + published;
        }
    }

    @TempDir
    Path work;

    @Test
    void everyRowIsAccountedForAndEveryTotalIsTheSumOfItsCountyColumn() {
        int[] night = {0};
        Property.forAll(20, GeneratedFoldersPropertiesTest::folder, folder -> {
            Path root = work.resolve("night-" + night[0]++);
            Path input = write(root.resolve("input"), folder);
            Path output = root.resolve("output");

            JobRun.Result result = JobRun.run(input, output);

            assertThat(result.exitStatus()).as(result.console()).isIn(0, 1);
            Path out = output.resolve("2023");
            for (CSVRecord file : JobRun.readCsv(out.resolve("file-ledger.csv")).stream().skip(1).toList()) {
                Integer written = folder.records().get(file.get(0));
                if (written == null) {
                    assertThat(file.get(3)).as(file.toString()).isEqualTo("MISSING");
                    continue;
                }
                assertThat(file.get(3)).as(file.toString()).isEqualTo("PROCESSED");
                long read = Long.parseLong(file.get(5));
                assertThat(read).as("rows read of " + file.get(0)).isEqualTo(written.longValue())
                        .isEqualTo(Long.parseLong(file.get(6)) + Long.parseLong(file.get(7)));
            }
            List<CSVRecord> breakdown = JobRun.readCsv(out.resolve("county-breakdown.csv"));
            Map<String, BigDecimal> columnSums = new HashMap<>();
            for (CSVRecord row : breakdown.stream().skip(1).toList()) {
                BigDecimal sum = null;
                for (int i = 1; i < row.size(); i++) {
                    if (!row.get(i).isEmpty()) {
                        sum = (sum == null ? BigDecimal.ZERO : sum).add(new BigDecimal(row.get(i)));
                    }
                }
                columnSums.put(row.get(0), sum);
            }
            List<CSVRecord> lines = JobRun.readCsv(out.resolve("reconciliation.csv"));
            int total = lines.get(0).toList().indexOf("city_total");
            assertThat(lines).hasSize(INDICATORS.size() + 1);
            for (CSVRecord line : lines.stream().skip(1).toList()) {
                BigDecimal sum = columnSums.get(line.get(0));
                if (sum == null) {
                    assertThat(line.get(total)).as(line.get(0) + " has no county value").isEmpty();
                } else {
                    assertThat(new BigDecimal(line.get(total))).as(line.get(0)).isEqualByComparingTo(sum);
                }
            }
        });
    }

    static Folder folder(Random r) {
        long seed = r.nextLong();
        Random random = new Random(seed);
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, Integer> records = new LinkedHashMap<>();
        for (String county : COUNTIES) {
            if (random.nextInt(3) == 0) {
                continue; // this county sent nothing: MISSING
            }
            String eol = random.nextBoolean() ? "\r\n" : "\n";
            StringBuilder text = new StringBuilder();
            int blanksBefore = random.nextInt(3);
            text.append((eol + " ").repeat(blanksBefore).replace(" ", random.nextBoolean() ? "" : "\u3000"));
            text.append(HEADER).append(eol);
            int rows = 1 + random.nextInt(25);
            for (int i = 0; i < rows; i++) {
                if (random.nextInt(8) == 0) {
                    text.append(List.of("", " ", "\t", "\u00A0", "\u3000").get(random.nextInt(5))).append(eol); // not a row
                }
                text.append(row(random, county)).append(eol);
            }
            String encoding = List.of("UTF-8", "UTF-8-BOM", "GB18030").get(random.nextInt(3));
            Charset charset = encoding.equals("GB18030") ? SubmissionEncoding.GB18030 : StandardCharsets.UTF_8;
            byte[] body = text.toString().getBytes(charset);
            if (encoding.equals("UTF-8-BOM")) {
                byte[] withBom = new byte[body.length + 3];
                withBom[0] = (byte) 0xEF;
                withBom[1] = (byte) 0xBB;
                withBom[2] = (byte) 0xBF;
                System.arraycopy(body, 0, withBom, 3, body.length);
                body = withBom;
            }
            String name = county + (random.nextInt(6) == 0 ? ".CSV" : ".csv");
            files.put(name, body);
            records.put(name, rows);
        }
        Map<String, String> published = new LinkedHashMap<>();
        for (Indicator indicator : INDICATORS) {
            BigDecimal v = BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(3));
            published.put(indicator.code(), switch (random.nextInt(4)) {
                case 0 -> v.toPlainString(); // no unit: the catalog unit
                case 1 -> v.toPlainString() + indicator.unit();
                case 2 -> "约" + v.toPlainString();
                default -> "超" + BigDecimal.valueOf(1 + random.nextInt(99), 1).toPlainString() + "万";
            });
        }
        return new Folder(seed, files, records, published);
    }

    /** One record (perhaps over two lines): mostly good, often with a fault, in the file of {@code county}. */
    static String row(Random r, String county) {
        Indicator indicator = INDICATORS.get(r.nextInt(INDICATORS.size()));
        String code = indicator.code();
        String period = "2023";
        String value = BigDecimal.valueOf(r.nextInt(1_000_000), indicator.integer() ? 0 : r.nextInt(3)).toPlainString();
        String unit = r.nextBoolean() ? "" : indicator.unit();
        String remark = "";
        switch (r.nextInt(20)) {
            case 0 -> value = "abc";
            case 1 -> value = "";
            case 2 -> value = "／";
            case 3 -> value = "1".repeat(41);
            case 4 -> code = "NO_SUCH";
            case 5 -> period = "2022";
            case 6 -> county = county.equals("150902") ? "150921" : "150902";
            case 7 -> value = "-" + value;
            case 8 -> value = indicator.integer() ? value + ".5" : value;
            case 9 -> {
                return county + "," + code + ",2023," + value + "," + unit + ",extra,field";
            }
            case 10 -> {
                return "\"\"";
            }
            case 11 -> {
                return "\"" + county + "\"x," + code + ",2023," + value + "," + unit + ",";
            }
            case 12 -> remark = "\"第一行\n第二行，含逗号\"";
            case 13 -> value = "\u00A0" + value + "\u3000";
            case 14 -> value = "\"" + String.format(Locale.ROOT, "%,d", r.nextInt(10_000_000)) + "\"";
            case 15 -> unit = indicator.unit().equals("万元") ? "元" : "万" + indicator.unit();
            case 16 -> remark = "据\"统计\"口径";
            default -> {
            }
        }
        return county + "," + code + "," + period + "," + value + "," + unit + "," + remark;
    }

    static Path write(Path input, Folder folder) throws IOException {
        Path reference = Files.createDirectories(input.resolve("reference"));
        List<String> counties = Files.readAllLines(Path.of("input/reference/counties.csv"), StandardCharsets.UTF_8);
        Files.write(reference.resolve("counties.csv"), counties, StandardCharsets.UTF_8);
        List<String> catalog = new ArrayList<>(List.of("code,name_zh,name_en,unit,value_type,level,aggregation,formula"));
        INDICATORS.forEach(i -> catalog.add(i.code() + ",指标" + i.code() + "," + i.code() + "," + i.unit() + ","
                + (i.integer() ? "INTEGER" : "DECIMAL") + ",COUNTY,SUM,"));
        Files.write(reference.resolve("indicators.csv"), catalog, StandardCharsets.UTF_8);
        Path published = Files.createDirectories(input.resolve("published"));
        List<String> figures = new ArrayList<>(List.of("indicator_code,period,published_text,section,quote"));
        folder.published().forEach((code, text) -> figures.add(code + ",2023," + text + ",一," + text));
        Files.write(published.resolve("2023.csv"), figures, StandardCharsets.UTF_8);
        Path period = Files.createDirectories(input.resolve("2023"));
        for (Map.Entry<String, byte[]> f : folder.files().entrySet()) {
            Files.write(period.resolve(f.getKey()), f.getValue());
        }
        return input;
    }
}
