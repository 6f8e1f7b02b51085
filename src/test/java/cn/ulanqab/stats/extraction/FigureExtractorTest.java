package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.published.Qualifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures extracted from the shipped report, checked row by row. */
class FigureExtractorTest {

    static final Path REPORT = Path.of("input/reports/ulanqab-2024-government-work-report.txt");
    static FigureExtractor.Extraction extraction;

    @BeforeAll
    static void extractTheShippedReport() {
        extraction = FigureExtractor.extract(ReportText.read(REPORT));
    }

    static ExtractedFigure only(String printedText, String quoteContains) {
        List<ExtractedFigure> rows = extraction.figures().stream()
                .filter(f -> f.printedText().equals(printedText) && f.quote().contains(quoteContains)).toList();
        assertThat(rows).as(printedText + " in " + quoteContains).hasSize(1);
        return rows.get(0);
    }

    @Test
    void readsEveryDistinctFigureOfTheShippedReport() {
        assertThat(extraction.figures()).hasSize(154);
        assertThat(extraction.figures()).filteredOn(f -> f.period().equals("2023")).hasSize(92);
        assertThat(extraction.figures()).filteredOn(f -> f.period().equals("2024")).hasSize(62);
        assertThat(extraction.figures().get(0).id()).isEqualTo("F001");
    }

    @Test
    void aFigurePrintedWithoutItsUnitTakesItFromItsNoun() {
        ExtractedFigure f = only("1.38万", "动态监测户");
        assertThat(f.value()).isEqualTo(new BigDecimal("13800"));
        assertThat(f.unit()).isEqualTo("户");
        assertThat(f.unitPrinted()).isFalse();
        assertThat(f.publishedText()).isEqualTo("1.38万户");
        assertThat(f.section()).isEqualTo("一(五)");
        assertThat(f.period()).isEqualTo("2023");
        assertThat(f.qualifier()).isEqualTo(Qualifier.EXACT);
        assertThat(f.kind()).isEqualTo(FigureKind.COUNT);
        assertThat(f.subject()).isEqualTo("动态监测户");
        assertThat(f.quote()).isEqualTo("1.38万动态监测户实现“应纳尽纳、应帮尽帮”");
    }

    @Test
    void aTargetInPartTwoIsAboutThePlanYear() {
        ExtractedFigure f = only("6%以上", "地区生产总值");
        assertThat(f.section()).isEqualTo("二");
        assertThat(f.period()).isEqualTo("2024");
        assertThat(f.qualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(f.kind()).isEqualTo(FigureKind.GROWTH_RATE);
        assertThat(f.value()).isEqualTo(new BigDecimal("6"));
        assertThat(f.unit()).isEqualTo("%");
        assertThat(f.subject()).isEqualTo("地区生产总值");
        assertThat(only("6%左右", "社会消费品零售总额").qualifier()).isEqualTo(Qualifier.ABOUT);
        assertThat(only("5500人以上", "城镇新增就业").section()).isEqualTo("三(六)");
    }

    @Test
    void magnitudeWordsGiveTheValueInTheBaseUnit() {
        ExtractedFigure funds = only("5.2亿元", "投入");
        assertThat(funds.value().toPlainString()).isEqualTo("520000000");
        assertThat(funds.unit()).isEqualTo("元");
        assertThat(funds.kind()).isEqualTo(FigureKind.AMOUNT);
        ExtractedFigure appeals = only("33.9万件", "有效诉求");
        assertThat(appeals.value().toPlainString()).isEqualTo("339000");
        assertThat(appeals.subject()).isEqualTo("有效诉求");
        assertThat(only("8685人", "城镇新增就业").subject()).isEqualTo("城镇新增就业");
        assertThat(only("5家", "孵化器").subject()).isEqualTo("科技企业孵化器");
        assertThat(only("23.4个百分点", "建制镇").kind()).isEqualTo(FigureKind.PP_CHANGE);
        assertThat(only("88.9万亩", "林草").kind()).isEqualTo(FigureKind.AREA);
        assertThat(only("355.8公里", "农村牧区公路").kind()).isEqualTo(FigureKind.LENGTH);
        assertThat(only("3.56个", "每千人口").kind()).isEqualTo(FigureKind.RATIO);
        assertThat(only("92.4%", "优良天数").kind()).isEqualTo(FigureKind.RATE);
        assertThat(only("33.4%", "成交额").kind()).isEqualTo(FigureKind.GROWTH_RATE);
    }

    @Test
    void qualifiersAndChineseNumeralsAreRead() {
        ExtractedFigure nearly = only("近千家", "帮您办");
        assertThat(nearly.qualifier()).isEqualTo(Qualifier.NEARLY);
        assertThat(nearly.value()).isEqualTo(new BigDecimal("1000"));
        assertThat(nearly.unit()).isEqualTo("家");
        ExtractedFigure million = only("破百万", "一网办");
        assertThat(million.qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(million.value().toPlainString()).isEqualTo("1000000");
        assertThat(only("千余名", "北京名校校长").qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(only("20余项", "文艺精品").qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(only("超95%", "办结率").qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(only("近2800万立方米", "黄河水").value().toPlainString()).isEqualTo("28000000");
        assertThat(only("70部(首)以上", "艺术作品").unit()).isEqualTo("部(首)");
    }

    @Test
    void aFigureInAnAccidentallyRepeatedPassageIsOneRowPrintedTwice() {
        ExtractedFigure hazards = only("2.4万个", "消除问题隐患");
        assertThat(hazards.occurrences()).isEqualTo(2);
        assertThat(hazards.section()).isEqualTo("一(六)");
        assertThat(hazards.period()).isEqualTo("2023");
        assertThat(only("第1", "禁毒工作").occurrences()).isEqualTo(2);
        assertThat(extraction.figures()).filteredOn(f -> f.occurrences() > 1).hasSize(2);

        assertThat(extraction.repeatedPassages()).hasSize(2);
        RepeatedPassage risk = extraction.repeatedPassages().get(0);
        assertThat(risk.firstSection()).isEqualTo("一(六)");
        assertThat(risk.againSection()).isEqualTo("二");
        assertThat(risk.text()).contains("风险防范有质有效").endsWith("安全感持续提升。");
        RepeatedPassage review = extraction.repeatedPassages().get(1);
        assertThat(review.againSection()).isEqualTo("三(一)");
        assertThat(review.text()).contains("春华秋实").endsWith("更贴近群众的心。");
    }

    @Test
    void ranksAndCountsOfThingsAreFigures() {
        ExtractedFigure rank = only("第2", "居全区第2");
        assertThat(rank.kind()).isEqualTo(FigureKind.RANK);
        assertThat(rank.value()).isEqualTo(new BigDecimal("2"));
        assertThat(rank.section()).isEqualTo("一(五)");
        assertThat(only("第2", "同类型监管区").kind()).isEqualTo(FigureKind.RANK);
        ExtractedFigure sections = only("5个", "国家断面");
        assertThat(sections.kind()).isEqualTo(FigureKind.COUNT);
        assertThat(sections.subject()).isEqualTo("国家断面");
        assertThat(only("2条", "PVA").kind()).isEqualTo(FigureKind.COUNT);
    }

    @Test
    void yearsOrdinalsAndNamesWithDigitsAreNotFigures() {
        assertThat(extraction.figures()).noneMatch(f -> f.printedText().contains("12345"));
        assertThat(extraction.figures()).noneMatch(f -> f.quote().contains("5G"));
        assertThat(extraction.figures()).noneMatch(f -> f.printedText().startsWith("2024") || f.printedText().startsWith("2.5"));
        assertThat(extraction.figures()).noneMatch(f -> f.printedText().equals("2121") || f.printedText().startsWith("335")
                || f.printedText().startsWith("2.0"));
        assertThat(extraction.figures()).noneMatch(f -> f.quote().contains("75周年") || f.quote().contains("6月底"));
        assertThat(extraction.figures()).noneMatch(f -> f.quote().contains("十四冬") || f.quote().contains("一是"));
        assertThat(only("2个", "3C级").subject()).isEqualTo("3C级自驾游旅居车营地");
        assertThat(only("23微克/立方米", "PM2.5").subject()).isEqualTo("PM2.5平均浓度");
    }

    @Test
    void traditionalCharactersAndFullWidthDigitsAreReadButQuotedAsPrinted() {
        String text = "**(一) 测试。**跨境電商进口实现新突破,新建孵化器５家、市场主体１.２萬户。\n\n**二、2024年总体要求**\n增长６％以上。\n";
        FigureExtractor.Extraction x = FigureExtractor.extract(ReportText.of(text));
        assertThat(x.figures()).extracting(ExtractedFigure::printedText).containsExactly("５家", "１.２萬户", "６％以上");
        ExtractedFigure households = x.figures().get(1);
        assertThat(households.value().toPlainString()).isEqualTo("12000");
        assertThat(households.unit()).isEqualTo("户");
        assertThat(households.quote()).isEqualTo("市场主体１.２萬户");
        assertThat(households.section()).isEqualTo("一(一)");
        assertThat(households.period()).isEqualTo("2023");
        assertThat(x.figures().get(2).qualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(x.figures().get(2).period()).isEqualTo("2024");
        assertThat(ReportText.normalise("跨境電商,束縛,創建")).isEqualTo("跨境电商,束缚,创建");
    }

    @Test
    void aSubjectPrintedTwiceWithDifferentValuesIsFlagged() {
        String text = "**(六) 民生。**城镇新增就业8685人,零就业家庭动态清零。城镇新增就业8600人。\n\n**二、2024年目标**\n城镇新增就业5500人以上。\n";
        FigureExtractor.Extraction x = FigureExtractor.extract(ReportText.of(text));
        assertThat(x.conflicts()).containsExactly("2023 城镇新增就业: 8685人 (一(六)), 8600人 (一(六))");
        assertThat(x.figures().get(0).note()).contains("8600人");
        assertThat(x.figures().get(2).note()).isEmpty();
    }

    @Test
    void sectionsFollowTheHeadingsAndThePrintStartsInPartOne() {
        ReportText report = extraction.report();
        assertThat(report.planYear()).isEqualTo(2024);
        assertThat(report.reviewYear()).isEqualTo(2023);
        assertThat(report.headings()).extracting(ReportText.Heading::section).containsExactly("一(三)", "一(四)", "一(五)", "一(六)",
                "二", "三", "三(一)", "三(二)", "三(三)", "三(四)", "三(五)", "三(六)", "三(七)");
        assertThat(extraction.figures()).extracting(ExtractedFigure::section).doesNotContain("");
    }
}
