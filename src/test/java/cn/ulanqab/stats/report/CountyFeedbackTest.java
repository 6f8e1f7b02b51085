package cn.ulanqab.stats.report;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.submission.RowReason;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.ulanqab.stats.report.ReportFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

class CountyFeedbackTest {

    @TempDir
    Path output;

    private static final Wording ZH = Wording.of("zh");
    private static final Wording EN = Wording.of("en");

    @Test
    void everyRowReasonHasAFixInChineseAndInEnglish() {
        for (RowReason reason : RowReason.values()) {
            assertThat(CountyFeedback.fix(reason, ZH)).as(reason.name()).isNotBlank().containsPattern("\\p{IsHan}");
            assertThat(CountyFeedback.fix(reason, EN)).as(reason.name()).isNotBlank().doesNotContainPattern("[请未]");
        }
        assertThat(CountyFeedback.fix(RowReason.NOT_A_NUMBER, ZH)).isEqualTo("请填写阿拉伯数字，如 1203 或 1,203.5");
        assertThat(CountyFeedback.fix(RowReason.MISSING_VALUE, ZH)).isEqualTo("请填写数值；未发生请填 0，不要留空");
        assertThat(CountyFeedback.fix(RowReason.DUPLICATE_CONFLICT, ZH)).isEqualTo("两行都未计入：请只保留一行正确数值");
        assertThat(CountyFeedback.fix(RowReason.UNKNOWN_UNIT, ZH)).startsWith("请使用目录计量单位");
        assertThat(CountyFeedback.fix(RowReason.NOT_A_NUMBER, EN)).isEqualTo("write digits, e.g. 1203 or 1,203.5");
    }

    @Test
    void everyRejectedRowIsExplainedInChineseWithTheChecksOwnWordsBeside() {
        for (RowReason reason : RowReason.values()) {
            SubmissionStore.RejectedRow row = new SubmissionStore.RejectedRow("150921.csv", 7, "150921", "GDP", "many", "", "",
                    reason, Detail.of("not.a.number", "many"));
            assertThat(RejectedRowsCsv.message(row, ZH)).as(reason.name()).startsWith(RejectedRowsCsv.message(
                    new SubmissionStore.RejectedRow("150921.csv", 7, "150921", "GDP", "many", "", "", reason, Detail.NONE), ZH))
                    .containsPattern("^\\p{IsHan}").endsWith("（“many”不是数字：请填阿拉伯数字，如 1203 或 1,203.5）");
            assertThat(RejectedRowsCsv.message(row, EN)).as(reason.name()).doesNotContainPattern("\\p{IsHan}")
                    .endsWith(" (“many” is not a number: write digits, e.g. 1203 or 1,203.5)");
        }
    }

    @Test
    void oneFileForEveryCountyAndOneForTheCityWhenItHasSomethingToFix() throws IOException {
        List<Path> written = CountyFeedback.write(output, REFERENCE, LINES, ACCEPTED, REJECTED, ZH);

        List<String> expected = Stream.concat(REFERENCE.registry().countyCodes().stream(), Stream.of("150900"))
                .map(code -> code + ".csv").toList();
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(expected);
        try (Stream<Path> files = Files.list(output.resolve("feedback"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(written).hasSize(12);

        List<CSVRecord> city = read("150900");
        assertThat(city).hasSize(1);
        assertThat(city.get(0).get("指标代码")).isEqualTo("HOTLINE_APPEALS");
        assertThat(city.get(0).get("指标名称")).isEqualTo("12345热线受理有效诉求");
        assertThat(city.get(0).get("原因")).isEqualTo("NO_DATA");
        assertThat(city.get(0).get("说明")).isEqualTo("政府工作报告公布 破百万，尚无可计入的数值；市本级文件（乌兰察布市 (150900)）没有报送此指标");
        assertThat(city.get(0).get("如何修改")).isEqualTo("市本级文件没有报送该指标：请补报数值");
    }

    @Test
    void aCountyGetsItsRejectedRowsWithTheFixAndTheFiguresItsDiagnosisNames() throws IOException {
        CountyFeedback.write(output, REFERENCE, LINES, ACCEPTED, REJECTED, ZH);

        byte[] bytes = Files.readAllBytes(output.resolve("feedback/150923.csv"));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                .isEqualTo("\uFEFF类型,文件,行,指标代码,指标名称,数值,原因,说明,如何修改");

        List<CSVRecord> shangdu = read("150923");
        assertThat(shangdu).extracting(r -> r.get("类型") + " " + r.get("指标代码")).containsExactly(
                "退回行 CO2_REDUCTION", "退回行 MEAT_OUTPUT", "待核数字 CO2_REDUCTION", "待核数字 URBAN_NEW_JOBS");

        CSVRecord notANumber = shangdu.get(0);
        assertThat(notANumber.get("文件")).isEqualTo("150923.csv");
        assertThat(notANumber.get("行")).isEqualTo("5");
        assertThat(notANumber.get("指标名称")).isEqualTo("减排二氧化碳");
        assertThat(notANumber.get("数值")).as("formula-safe").isEqualTo("'=1+1");
        assertThat(notANumber.get("原因")).isEqualTo("NOT_A_NUMBER");
        assertThat(notANumber.get("如何修改")).as("the file also has an accepted CO2_REDUCTION row, which counts")
                .isEqualTo("本文件另有该指标的有效行，已按有效行计入；此行可删除");

        CSVRecord unknownUnit = shangdu.get(1);
        assertThat(unknownUnit.get("指标名称")).isEqualTo("肉类产量");
        assertThat(unknownUnit.get("如何修改")).startsWith("请使用目录计量单位").endsWith("（本指标目录单位：吨）");

        CSVRecord named = shangdu.get(2);
        assertThat(named.get("原因")).isEqualTo("MISMATCH");
        assertThat(named.get("数值")).as("the county's accepted value").isEqualTo("171247.51");
        assertThat(named.get("说明")).startsWith("政府工作报告公布 184万吨，合计 1,712,475.1 吨；")
                .contains("单位换算错误？商都县 (150923) 报 171,247.51 吨；×10 后为 1,712,475.1，差额消除");
        assertThat(named.get("如何修改")).contains("请核对").contains("150923-v2.csv");
        assertThat(shangdu.get(3).get("原因")).isEqualTo("NO_DATA");
        assertThat(shangdu.get(3).get("如何修改")).contains("请补报数值");
    }

    @Test
    void aMissingCountyIsAskedForItsValueEvenWhenTheHintAlsoNamesIt() throws IOException {
        CountyFeedback.write(output, REFERENCE, LINES, ACCEPTED, REJECTED, ZH);

        List<CSVRecord> siziwang = read("150929");
        assertThat(siziwang).extracting(r -> r.get("指标代码")).containsExactly("MONITORED_HOUSEHOLDS", "URBAN_NEW_JOBS");
        assertThat(siziwang.get(0).get("原因")).isEqualTo("INCOMPLETE");
        assertThat(siziwang.get(0).get("数值")).isEmpty();
        assertThat(siziwang.get(0).get("如何修改")).contains("请补报数值");

        assertThat(read("150981")).as("an UNPUBLISHED figure is not fed back").extracting(r -> r.get("指标代码"))
                .containsExactly("URBAN_NEW_JOBS");
        List<CSVRecord> jining = read("150902");
        assertThat(jining).extracting(r -> r.get("类型") + " " + r.get("指标代码"))
                .containsExactly("退回行 TECH_INCUBATORS", "待核数字 URBAN_NEW_JOBS");
        assertThat(jining.get(0).get("如何修改")).as("150902 also has an accepted TECH_INCUBATORS value")
                .isEqualTo("本文件另有该指标的有效行，已按有效行计入；此行可删除");
    }

    @Test
    void aCountyWithNothingToFixGetsTheHeaderOnlyAndAStaleCityFileIsRemoved() throws IOException {
        CountyFeedback.write(output, REFERENCE, LINES, ACCEPTED, REJECTED, ZH);
        assertThat(output.resolve("feedback/150900.csv")).exists();

        List<Path> written = CountyFeedback.write(output, REFERENCE, List.of(LINES.get(0)), Map.of(), List.of(), ZH);

        assertThat(written).hasSize(11);
        assertThat(output.resolve("feedback/150900.csv")).doesNotExist();
        for (String code : REFERENCE.registry().countyCodes()) {
            assertThat(Files.readString(output.resolve("feedback/" + code + ".csv"), StandardCharsets.UTF_8))
                    .isEqualTo("\uFEFF类型,文件,行,指标代码,指标名称,数值,原因,说明,如何修改\r\n");
        }
    }

    @Test
    void aFindingConcernsTheUnitsItsCausesNameNeverOnesItsWordsHappenToMention() {
        // MEAT_OUTPUT's quote mentions no unit but its cause is unexplained: it concerns nobody; CO2_REDUCTION's unit slip names 150923
        Map<String, List<ReconciliationLine>> concerns = CountyFeedback.concerns(REFERENCE.registry(), LINES);
        assertThat(concerns.get("150923")).extracting(l -> l.indicatorCode()).containsExactly("CO2_REDUCTION", "URBAN_NEW_JOBS");
        assertThat(concerns.values().stream().flatMap(List::stream).map(l -> l.indicatorCode())).doesNotContain("MEAT_OUTPUT");
    }

    @Test
    void theFeedbackFollowsTheLanguage() throws IOException {
        CountyFeedback.write(output, REFERENCE, LINES, ACCEPTED, REJECTED, EN);
        CSVRecord named = read("150923").get(2);
        assertThat(named.get("说明")).startsWith("the government work report prints 184万吨, total 1,712,475.1 吨; ")
                .contains("unit slip? 商都县 (150923) reported 171,247.51 吨; ×10 gives 1,712,475.1 and closes the gap");
        assertThat(named.get("原因")).as("tokens stay English").isEqualTo("MISMATCH");
    }

    private List<CSVRecord> read(String code) throws IOException {
        String text = Files.readString(output.resolve("feedback").resolve(code + ".csv"), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            return parser.getRecords();
        }
    }
}
