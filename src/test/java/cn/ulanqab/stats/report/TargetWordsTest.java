package cn.ulanqab.stats.report;

import cn.ulanqab.stats.catalog.Aggregation;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Level;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.ValueType;
import cn.ulanqab.stats.published.PrintedFigureParser;
import cn.ulanqab.stats.targets.PaceBasis;
import cn.ulanqab.stats.targets.Target;
import cn.ulanqab.stats.targets.TargetNote;
import cn.ulanqab.stats.targets.TargetResult;
import cn.ulanqab.stats.targets.TargetStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The words and the bullet chart of a target, and the worst-first order of report.html and the workbook. */
class TargetWordsTest {

    private static final ReferenceData REFERENCE = ReferenceData.load(Path.of("input/reference"));
    private static final Indicator JOBS = new Indicator("URBAN_NEW_JOBS", "城镇新增就业", "New urban jobs", "人",
            ValueType.INTEGER, Level.COUNTY, Aggregation.SUM, null);

    private static TargetResult jobs(TargetStatus status, String total, String share, String expected, List<TargetNote> notes, long line) {
        Target target = new Target("URBAN_NEW_JOBS", "150900", "5500人以上", "三(六)", "q", PrintedFigureParser.parse("5500人以上"), false, line);
        return new TargetResult(target, JOBS, new BigDecimal("5500"), new BigDecimal(total), new BigDecimal(share),
                null, expected == null ? null : new BigDecimal(expected), expected == null ? null : PaceBasis.CALENDAR, status, 10,
                List.of("150929"), notes);
    }

    @Test
    void aNotCumulativeCountyIsNamedWithBothFiguresInEitherLanguage() {
        TargetResult r = jobs(TargetStatus.INCOMPLETE, "2750", "0.5", "0.5", List.of(new TargetNote(TargetNote.Kind.INCOMPLETE, null, null, null, null),
                new TargetNote(TargetNote.Kind.NOT_CUMULATIVE, "2024-05", "150921", new BigDecimal("1350"), new BigDecimal("1310"))), 2);
        TargetWords zh = new TargetWords(new CauseWords(Wording.of("zh"), REFERENCE));
        assertThat(zh.hint(r)).isEqualTo("待 四子王旗 (150929) 报送；已报送部分尚不能判定目标 | 不是累计数？卓资县 (150921) 本期报 1,310 人，低于 2024-05 所报 1,350 人");
        assertThat(zh.status(r)).isEqualTo("数据不全");
        TargetWords en = new TargetWords(new CauseWords(Wording.of("en"), REFERENCE));
        assertThat(en.hint(r)).contains("not cumulative? 卓资县 (150921) reports 1,310 人, below the 1,350 人 it reported for 2024-05");
    }

    @Test
    void theChartPutsTheBarTheMarkAndTheTargetLineOnOneScale() {
        // share 0.5, expected 0.6, target 1: the scale is 480 px ÷ (1 × 1.1) = 436.36… px per share
        TargetResult r = jobs(TargetStatus.BEHIND, "2750", "0.5", "0.6", List.of(), 2);
        TargetChart chart = TargetChart.of(r, new TargetWords(new CauseWords(Wording.of("zh"), REFERENCE)), Wording.of("zh"));
        assertThat(chart.bar()).isEqualTo("218.2");
        assertThat(chart.mark()).isEqualTo("261.8");
        assertThat(chart.line()).isEqualTo("436.4");
        assertThat(chart.label()).isEqualTo("累计 2,750 人，为目标的 50%，按进度应达 60%");
        // above the target the scale follows the total: 1.2 × 1.1 = 1.32 shares across 480 px
        TargetChart over = TargetChart.of(jobs(TargetStatus.MET, "6600", "1.2", "0.5", List.of(), 2),
                new TargetWords(new CauseWords(Wording.of("zh"), REFERENCE)), Wording.of("zh"));
        assertThat(over.bar()).isEqualTo("436.4");
        assertThat(over.line()).isEqualTo("363.6");
    }

    @Test
    void aGrowthTargetIsDrawnInPercentAndSaysWhenItHasNoBase() {
        Indicator sales = new Indicator("RETAIL_SALES", "社会消费品零售总额", "Retail sales", "万元", ValueType.DECIMAL, Level.COUNTY,
                Aggregation.SUM, null);
        Target target = new Target("RETAIL_SALES", "150900", "增长6%左右", "二", "q", PrintedFigureParser.parse("6%左右"), true, 11);
        TargetWords words = new TargetWords(new CauseWords(Wording.of("zh"), REFERENCE));
        // growth 5.5 against 6: the scale is 480 ÷ (6 × 1.1) = 72.72… px per point
        TargetResult growing = new TargetResult(target, sales, new BigDecimal("6"), new BigDecimal("1300000"), null,
                new BigDecimal("5.5"), null, null, TargetStatus.BEHIND, 11, List.of(), List.of());
        TargetChart chart = TargetChart.of(growing, words, Wording.of("zh"));
        assertThat(chart.bar()).isEqualTo("400.0");
        assertThat(chart.line()).isEqualTo("436.4");
        assertThat(chart.hasMark()).isFalse();
        assertThat(chart.label()).isEqualTo("累计同比增长 5.5%，目标 6.0%");
        TargetResult noBase = new TargetResult(target, sales, new BigDecimal("6"), new BigDecimal("1300000"), null, null, null, null,
                TargetStatus.NO_DATA, 11, List.of(), List.of(new TargetNote(TargetNote.Kind.NO_BASE, "2023-Q2", null, null, null)));
        assertThat(TargetChart.of(noBase, words, Wording.of("zh")).label()).isEqualTo("累计 1,300,000 万元，无法计算增长");
        assertThat(TargetChart.of(noBase, words, Wording.of("zh")).hasBar()).isFalse();
        assertThat(words.hint(noBase)).isEqualTo("没有去年同期基数（base/2023-Q2.csv 中没有此行），无法计算增长");
    }

    @Test
    void worstFirstPutsMissedAndBehindBeforeOnTrackAndTheFurthestBehindFirst() {
        TargetResult slightly = jobs(TargetStatus.BEHIND, "2600", "0.47", "0.5", List.of(), 2);
        TargetResult far = jobs(TargetStatus.BEHIND, "1000", "0.18", "0.5", List.of(), 3);
        TargetResult onTrack = jobs(TargetStatus.ON_TRACK, "3000", "0.55", "0.5", List.of(), 4);
        TargetResult met = jobs(TargetStatus.MET, "5600", "1.02", "0.5", List.of(), 5);
        TargetResult missed = jobs(TargetStatus.MISSED, "5000", "0.91", null, List.of(), 6);
        assertThat(List.of(met, onTrack, slightly, far, missed).stream().sorted(TargetWords.WORST_FIRST).toList())
                .containsExactly(missed, far, slightly, onTrack, met);
    }
}
