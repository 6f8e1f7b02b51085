package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.published.Qualifier;
import cn.ulanqab.stats.wording.Detail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules that read reports other than the shipped one: headings, periods, magnitudes, units, qualifiers, names. */
class AnyReportRulesTest {

    private static final String PROVINCIAL = """
            **2026年某省政府工作报告**
            各位代表：
            **“十四五”时期工作回顾**
            这五年，地区生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元，一般公共预算收入从3826.5亿元增长到4398.6亿元，规上工业增加值年均增长6.5%。
            刚刚过去的2025年，地区生产总值增长5.8%，快于2024年1.8个百分点，规上工业增加值年均增长7.1%。
            **“十五五”时期的主要目标任务**
            （一）着力扩大内需。居民收入年均增长5%以上，非常规天然气产量2030年达到300亿立方米。
            （二）着力建设学校。新建学校10所。
            各位代表，我们要奋力拼搏，城镇新增就业200万人。
            **2026年重点工作**
            地区生产总值增长4.5%—5%，国家级实验室再增加2—4家。
            **（一）扩大内需**
            建成县域物流中心44个。
            """;

    static FigureExtractor.Extraction extract(String text) {
        return FigureExtractor.extract(ReportText.of(text));
    }

    static ExtractedFigure only(FigureExtractor.Extraction x, String printedText) {
        List<ExtractedFigure> rows = x.figures().stream().filter(f -> f.printedText().equals(printedText)).toList();
        assertThat(rows).as(printedText).hasSize(1);
        return rows.get(0);
    }

    @Test
    void unnumberedPartsAndRunInSubsectionsGiveTheSectionsAndTheirHeadingsGiveThePeriods() {
        FigureExtractor.Extraction x = extract(PROVINCIAL);
        assertThat(x.report().planYear()).isEqualTo(2026);
        assertThat(only(x, "6.5%").section()).isEqualTo("一");
        assertThat(only(x, "6.5%").period()).isEqualTo("2021-2025");
        assertThat(only(x, "5.8%").period()).isEqualTo("2025");
        assertThat(only(x, "5%以上").section()).isEqualTo("二(一)");
        assertThat(only(x, "5%以上").period()).isEqualTo("2026-2030");
        assertThat(only(x, "10所").section()).isEqualTo("二(二)");
        // after the last run-in subsection of a part, the text is in the part
        assertThat(only(x, "200万人").section()).isEqualTo("二");
        assertThat(only(x, "44个").section()).isEqualTo("三(一)");
        assertThat(only(x, "44个").period()).isEqualTo("2026");
    }

    @Test
    void aMarkedHeadingAfterNumberedPartsIsAnAppendixWithNoPeriod() {
        FigureExtractor.Extraction x = extract("**2026年某省人民政府工作报告**\n**一、2025年工作回顾**\n新建学校10所。\n"
                + "**二、2026年工作安排**\n新建学校12所。\n**名词解释**\n1.稳增长“21条”：提出4个方面21条措施。\n");
        assertThat(only(x, "10所").section()).isEqualTo("一");
        assertThat(only(x, "10所").period()).isEqualTo("2025");
        assertThat(only(x, "12所").period()).isEqualTo("2026");
        ExtractedFigure glossary = only(x, "21条");
        assertThat(glossary.section()).isEqualTo("名词解释");
        assertThat(glossary.period()).isEqualTo("n/a");
    }

    @Test
    void startValuesPrintedYearsAndFiveYearAveragesTakeTheirOwnPeriod() {
        FigureExtractor.Extraction x = extract(PROVINCIAL);
        assertThat(only(x, "3.68万亿元").period()).isEqualTo("2020");
        assertThat(only(x, "4.93万亿元").period()).isEqualTo("2025");
        assertThat(only(x, "3826.5亿元").period()).as("a start value without a year").isEqualTo("2020");
        assertThat(only(x, "4398.6亿元").period()).isEqualTo("2021-2025");
        assertThat(only(x, "300亿立方米").period()).isEqualTo("2030");
        assertThat(only(x, "1.8个百分点").period()).as("the base of a comparison is not the period").isEqualTo("2025");
        assertThat(only(x, "7.1%").period()).as("an average printed in the year's paragraph").isEqualTo("2021-2025");
    }

    @Test
    void aRangeIsALowerAndAnUpperBoundWithOneUnit() {
        FigureExtractor.Extraction x = extract(PROVINCIAL);
        assertThat(only(x, "4.5%").qualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(only(x, "5%").qualifier()).isEqualTo(Qualifier.UP_TO);
        ExtractedFigure lower = only(x, "2");
        assertThat(lower.unit()).isEqualTo("家");
        assertThat(lower.qualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(lower.confidence()).isEqualTo("check");
        assertThat(only(x, "4家").qualifier()).isEqualTo(Qualifier.UP_TO);
    }

    @Test
    void magnitudesBeforeAndAfterTheirQualifierGiveTheValueInTheBaseUnit() {
        FigureExtractor.Extraction x = extract("**一、2025年工作回顾**\n全年投资超8千亿元，消费1370多亿元，挽回损失10亿多元，惠及80余万名群众，"
                + "专利增长2倍多。\n");
        assertThat(only(x, "2倍多").qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(only(x, "2倍多").value()).isEqualByComparingTo(new BigDecimal("2"));
        ExtractedFigure eightThousand = only(x, "超8千亿元");
        assertThat(eightThousand.value()).isEqualByComparingTo(new BigDecimal("800000000000"));
        assertThat(eightThousand.unit()).isEqualTo("元");
        assertThat(eightThousand.qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(only(x, "1370多亿元").value()).isEqualByComparingTo(new BigDecimal("137000000000"));
        assertThat(only(x, "1370多亿元").qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(only(x, "10亿多元").value()).isEqualByComparingTo(new BigDecimal("1000000000"));
        assertThat(only(x, "80余万名").value()).isEqualByComparingTo(new BigDecimal("800000"));
    }

    @Test
    void fractionsAndTenthsAreOneFigureEach() {
        FigureExtractor.Extraction x = extract("**一、2025年工作回顾**\n原煤产量占全国1/4，光伏占全国近三成，用电五成以上来自新能源，八成左右的村通了公交。\n");
        ExtractedFigure quarter = only(x, "1/4");
        assertThat(quarter.value()).isEqualByComparingTo(new BigDecimal("0.25"));
        assertThat(quarter.unit()).isEmpty();
        assertThat(quarter.kind()).isEqualTo(FigureKind.RATIO);
        assertThat(x.figures()).extracting(ExtractedFigure::printedText).containsExactly("1/4", "近三成", "五成以上", "八成左右");
        assertThat(only(x, "近三成").value()).isEqualByComparingTo(new BigDecimal("30"));
        assertThat(only(x, "近三成").qualifier()).isEqualTo(Qualifier.NEARLY);
        assertThat(only(x, "五成以上").unit()).isEqualTo("%");
        assertThat(only(x, "五成以上").qualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(only(x, "八成左右").qualifier()).isEqualTo(Qualifier.ABOUT);
    }

    @Test
    void measureWordsComeFromTheUnitsAndRateUnitsStayWhole() {
        FigureExtractor.Extraction x = extract("**一、2025年工作回顾**\n粮食产量760亿斤以上，产能3095万吨/年，吞吐量300万标箱，算力11.4万P，"
                + "产气10亿方以上，发射卫星144颗，人均预期寿命79.4岁，连续21年无事故。\n");
        assertThat(only(x, "760亿斤以上").unit()).isEqualTo("斤");
        assertThat(only(x, "760亿斤以上").qualifier()).isEqualTo(Qualifier.AT_LEAST);
        ExtractedFigure capacity = only(x, "3095万吨/年");
        assertThat(capacity.unit()).isEqualTo("吨/年");
        assertThat(capacity.value()).isEqualByComparingTo(new BigDecimal("30950000"));
        assertThat(only(x, "300万标箱").unit()).isEqualTo("标箱");
        assertThat(only(x, "11.4万P").unit()).isEqualTo("P");
        assertThat(only(x, "10亿方以上").qualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(only(x, "144颗").confidence()).isEqualTo("high");
        assertThat(only(x, "79.4岁").unit()).isEqualTo("岁");
        ExtractedFigure duration = only(x, "21年");
        assertThat(duration.unit()).isEqualTo("年");
        assertThat(duration.kind()).isEqualTo(FigureKind.OTHER);
        assertThat(duration.confidence()).isEqualTo("check");
    }

    @Test
    void aNewMeasureWordIsALineOfTheUnitsFile(@TempDir Path reference) throws IOException {
        String text = "**一、2025年工作回顾**\n收储秸秆300万垛。\n";
        ExtractedFigure withDefaults = only(extract(text), "300万");
        assertThat(withDefaults.unit()).isEmpty();
        assertThat(withDefaults.confidence()).isEqualTo("check");

        Files.writeString(reference.resolve(ReportUnits.FILE), "unit,kind\n垛,count\n个,count\n");
        FigureExtractor.Extraction x = FigureExtractor.extract(ReportText.of(text), ReportUnits.load(reference));
        ExtractedFigure bales = only(x, "300万垛");
        assertThat(bales.unit()).isEqualTo("垛");
        assertThat(bales.kind()).isEqualTo(FigureKind.COUNT);
        assertThat(bales.confidence()).isEqualTo("high");
    }

    @Test
    void theShippedUnitsFileIsTheCopyInsideTheJar() throws IOException {
        String shipped = Files.readString(Path.of("input/reference", ReportUnits.FILE));
        String inJar = Files.readString(Path.of("src/main/resources/cn/ulanqab/stats/extraction", ReportUnits.FILE));
        assertThat(shipped).isEqualTo(inJar);
        assertThat(ReportUnits.load(Path.of("input/reference")).units()).isEqualTo(ReportUnits.defaults().units());
    }

    @Test
    void aBrokenUnitsFileNamesItsLineAndTheFix(@TempDir Path reference) throws IOException {
        Files.writeString(reference.resolve(ReportUnits.FILE), "unit,kind\n斤,other\n斤,count\n");
        assertThatThrownBy(() -> ReportUnits.load(reference)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(ReportUnits.FILE).hasMessageContaining("3").hasMessageContaining("appears twice");
        Files.writeString(reference.resolve(ReportUnits.FILE), "unit,kind\n斤,weight\n");
        assertThatThrownBy(() -> ReportUnits.load(reference)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("weight").hasMessageContaining("count, amount");
    }

    @Test
    void qualifierWordsAreWholeWordsAndASharedOneAppliesToEveryItem() {
        FigureExtractor.Extraction x = extract("**一、2025年工作回顾**\n经营主体突破300万户，打破9年纪录，新老用户分别突破200万户、150万户、100万户，"
                + "比重分别超过2%、5%，产值年均增长6.8%。\n");
        ExtractedFigure households = only(x, "突破300万户");
        assertThat(households.qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(households.subject()).isEqualTo("经营主体");
        ExtractedFigure nineYears = only(x, "9年");
        assertThat(nineYears.qualifier()).as("破 inside 打破 is no qualifier").isEqualTo(Qualifier.EXACT);
        assertThat(only(x, "突破200万户").qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(only(x, "150万户").qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(only(x, "100万户").qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(only(x, "100万户").note()).isEmpty();
        assertThat(only(x, "100万户").doubt()).isEqualTo(Detail.of("figures.check.qualifier.carried", "突破"));
        assertThat(only(x, "5%").qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(only(x, "6.8%").subject()).isEqualTo("产值");
    }

    @Test
    void classesNamesRatioBasesListTitlesAndTimeWindowsAreNotFigures() {
        FigureExtractor.Extraction x = extract("**一、2025年工作回顾**\n建成220千伏及以上线路，30万吨级码头和1000吨级航道，8英寸晶圆，331国道，"
                + "企业进入世界500强，“5·18”经贸洽谈会，7×24小时服务，“1+10+N”体系，自贸区3.0，主要做了6个方面工作，"
                + "每10万人拥有医生，3岁以下婴幼儿托育，2026智慧农业博览会，近3年提升，PM_2.5浓度，6.2级地震。\n");
        assertThat(x.figures()).isEmpty();
    }

    @Test
    void aListInOneSentenceIsNotASubjectPrintedWithTwoValues() {
        FigureExtractor.Extraction x = extract("**一、2025年工作回顾**\n食品、石化、医药产业增加值分别增长7.5%、11.5%、17.4%。\n");
        assertThat(x.conflicts()).isEmpty();
        assertThat(x.figures()).allMatch(f -> f.note().isEmpty());
    }
}
