package cn.ulanqab.stats.targets;

import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.catalog.Aggregation;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Level;
import cn.ulanqab.stats.catalog.RatioFormula;
import cn.ulanqab.stats.catalog.ValueType;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.published.PrintedFigureParser;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TargetEvaluatorTest {

    private static final Indicator JOBS = new Indicator("URBAN_NEW_JOBS", "城镇新增就业", "New urban jobs", "人",
            ValueType.INTEGER, Level.COUNTY, Aggregation.SUM, null);
    private static final Indicator SALES = new Indicator("RETAIL_SALES", "社会消费品零售总额", "Retail sales", "万元",
            ValueType.DECIMAL, Level.COUNTY, Aggregation.SUM, null);
    private static final Indicator ENERGY = new Indicator("ENERGY_USE", "能耗", "Energy use", "万吨",
            ValueType.DECIMAL, Level.COUNTY, Aggregation.SUM, null);
    private static final Indicator AIR = new Indicator("GOOD_AIR_DAYS_RATIO", "优良天数比率", "Good-air days", "%",
            ValueType.DECIMAL, Level.CITY, Aggregation.CITY, null);
    private static final Indicator RATE = new Indicator("PETITION_RESOLUTION_RATE", "化解率", "Resolution rate", "%",
            ValueType.DECIMAL, Level.COUNTY, Aggregation.RATIO, null);
    private static final List<String> ALL = List.of("150902", "150921", "150922");

    /** June: half the calendar year gone. */
    private final TargetEvaluator june = new TargetEvaluator(ClaimSettings.defaults(), false, new BigDecimal("0.5"));
    private final TargetEvaluator year = new TargetEvaluator(ClaimSettings.defaults(), true, BigDecimal.ONE);

    private static Target target(Indicator indicator, String text) {
        boolean growth = text.startsWith("增长");
        return new Target(indicator.code(), "150900", text, "三(六)", "quote", PrintedFigureParser.parse(growth ? text.substring(2) : text), growth, 2);
    }

    private static CityTotal complete(Indicator indicator, String total) {
        return new CityTotal(indicator.code(), new BigDecimal(total), ALL, List.of(), true, false, null, "150900");
    }

    private static CityTotal partial(Indicator indicator, String total) {
        return new CityTotal(indicator.code(), new BigDecimal(total), ALL.subList(0, 2), List.of("150922"), false, false, null, "150900");
    }

    private static final TargetEvaluator.LastYear NO_PACE = new TargetEvaluator.LastYear(null, "2023-06", null);

    private TargetResult atJune(Indicator indicator, String text, CityTotal total, TargetEvaluator.LastYear lastYear) {
        return june.evaluate(target(indicator, text), indicator, total, lastYear, Map.of(), null);
    }

    @Test
    void aLowerBoundTargetReachedIsMetWhateverThePace() {
        // 5500人以上 claims t ≥ 5500 − 0.5 = 5499.5
        TargetResult r = atJune(JOBS, "5500人以上", complete(JOBS, "5500"), NO_PACE);
        assertThat(r.status()).isEqualTo(TargetStatus.MET);
        assertThat(r.targetValue()).isEqualByComparingTo("5500");
        assertThat(r.shareOfTarget()).isEqualByComparingTo("1");
        assertThat(atJune(JOBS, "5500人以上", complete(JOBS, "5499.5"), NO_PACE).status()).isEqualTo(TargetStatus.MET);
    }

    @Test
    void belowTheTargetIsOnTrackAtOrAboveTheCalendarShareAndBehindBelowIt() {
        // calendar share at June: 6/12 = 0.5; 2750 ÷ 5500 = 0.5 exactly
        TargetResult on = atJune(JOBS, "5500人以上", complete(JOBS, "2750"), NO_PACE);
        assertThat(on.status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(on.expectedShare()).isEqualByComparingTo("0.5");
        assertThat(on.paceBasis()).isEqualTo(PaceBasis.CALENDAR);
        TargetResult behind = atJune(JOBS, "5500人以上", complete(JOBS, "2749"), NO_PACE);
        assertThat(behind.status()).isEqualTo(TargetStatus.BEHIND);
        // 2749 ÷ 5500 = 0.49981818…
        assertThat(behind.shareOfTarget().setScale(6, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("0.499818");
    }

    @Test
    void lastYearsShareAtTheSamePointSetsThePaceWhenBothBaseFilesHaveARow() {
        // last year 2,000 of 5,000 by June: 0.4; 2,300 of 5,500 is 0.41818… ≥ 0.4
        TargetEvaluator.LastYear lastYear = new TargetEvaluator.LastYear(new BigDecimal("2000"), "2023-06", new BigDecimal("5000"));
        TargetResult r = atJune(JOBS, "5500人以上", complete(JOBS, "2300"), lastYear);
        assertThat(r.paceBasis()).isEqualTo(PaceBasis.LAST_YEAR);
        assertThat(r.expectedShare()).isEqualByComparingTo("0.4");
        assertThat(r.status()).isEqualTo(TargetStatus.ON_TRACK);
        // 2,199 ÷ 5,500 = 0.39981… < 0.4
        assertThat(atJune(JOBS, "5500人以上", complete(JOBS, "2199"), lastYear).status()).isEqualTo(TargetStatus.BEHIND);
    }

    @Test
    void aFullYearOfZeroOrAMissingRowFallsBackToTheCalendar() {
        TargetResult zero = atJune(JOBS, "5500人以上", complete(JOBS, "2300"),
                new TargetEvaluator.LastYear(new BigDecimal("2000"), "2023-06", BigDecimal.ZERO));
        assertThat(zero.paceBasis()).isEqualTo(PaceBasis.CALENDAR);
        assertThat(zero.status()).isEqualTo(TargetStatus.BEHIND);
        TargetResult noFullYear = atJune(JOBS, "5500人以上", complete(JOBS, "2300"),
                new TargetEvaluator.LastYear(new BigDecimal("2000"), "2023-06", null));
        assertThat(noFullYear.paceBasis()).isEqualTo(PaceBasis.CALENDAR);
        assertThat(noFullYear.expectedShare()).isEqualByComparingTo("0.5");
    }

    @Test
    void aboutTargetsAllowFivePercentBelow() {
        // 约320公里: t ≥ 0.95 × 320 = 304
        Indicator roads = new Indicator("RURAL_ROADS_BUILT", "农村牧区公路", "Roads", "公里", ValueType.DECIMAL, Level.COUNTY, Aggregation.SUM, null);
        assertThat(atJune(roads, "约320公里", complete(roads, "304"), NO_PACE).status()).isEqualTo(TargetStatus.MET);
        assertThat(atJune(roads, "约320公里", complete(roads, "303.9"), NO_PACE).status()).isEqualTo(TargetStatus.ON_TRACK);
        // plain 320公里: t ≥ 319.5
        assertThat(atJune(roads, "320公里", complete(roads, "319.5"), NO_PACE).status()).isEqualTo(TargetStatus.MET);
        assertThat(atJune(roads, "320公里", complete(roads, "319.4"), NO_PACE).status()).isEqualTo(TargetStatus.ON_TRACK);
        // 超320公里: t > 320
        assertThat(atJune(roads, "超320公里", complete(roads, "320"), NO_PACE).status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(atJune(roads, "超320公里", complete(roads, "320.01"), NO_PACE).status()).isEqualTo(TargetStatus.MET);
    }

    @Test
    void aTargetInTenThousandsIsConvertedToTheCatalogUnit() {
        // 1.1万人次以上 = 11,000 with h = 500: t ≥ 10,500
        Indicator training = new Indicator("VOCATIONAL_TRAINING", "职业技能培训", "Training", "人次", ValueType.INTEGER, Level.COUNTY, Aggregation.SUM, null);
        TargetResult r = atJune(training, "1.1万人次以上", complete(training, "10500"), NO_PACE);
        assertThat(r.targetValue()).isEqualByComparingTo("11000");
        assertThat(r.status()).isEqualTo(TargetStatus.MET);
        assertThat(atJune(training, "1.1万人次以上", complete(training, "10499"), NO_PACE).status()).isEqualTo(TargetStatus.ON_TRACK);
    }

    @Test
    void anUpperLimitIsExceededOverPaceOrWithin() {
        // 100万吨以内: t ≤ 100 + 0.5 = 100.5; at June the pace is 0.5
        assertThat(atJune(ENERGY, "100万吨以内", complete(ENERGY, "100.6"), NO_PACE).status()).isEqualTo(TargetStatus.EXCEEDED);
        assertThat(atJune(ENERGY, "100万吨以内", complete(ENERGY, "100.5"), NO_PACE).status()).isEqualTo(TargetStatus.OVER_PACE);
        assertThat(atJune(ENERGY, "100万吨以内", complete(ENERGY, "50.01"), NO_PACE).status()).isEqualTo(TargetStatus.OVER_PACE);
        assertThat(atJune(ENERGY, "100万吨以内", complete(ENERGY, "50"), NO_PACE).status()).isEqualTo(TargetStatus.WITHIN);
    }

    @Test
    void aPartialTotalThatAlreadyDecidesTheTargetDecidesIt() {
        assertThat(atJune(JOBS, "5500人以上", partial(JOBS, "5600"), NO_PACE).status()).isEqualTo(TargetStatus.MET);
        assertThat(atJune(ENERGY, "100万吨以内", partial(ENERGY, "101"), NO_PACE).status()).isEqualTo(TargetStatus.EXCEEDED);
        TargetResult open = atJune(JOBS, "5500人以上", partial(JOBS, "1000"), NO_PACE);
        assertThat(open.status()).isEqualTo(TargetStatus.INCOMPLETE);
        assertThat(open.cumulativeTotal()).isEqualByComparingTo("1000");
        // 1000 ÷ 5500 = 0.181818…
        assertThat(open.shareOfTarget().setScale(6, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("0.181818");
        assertThat(open.countiesReported()).isEqualTo(2);
        assertThat(open.missingCounties()).containsExactly("150922");
        assertThat(open.notes()).extracting(TargetNote::kind).containsExactly(TargetNote.Kind.INCOMPLETE);
        assertThat(atJune(ENERGY, "100万吨以内", partial(ENERGY, "10"), NO_PACE).status()).isEqualTo(TargetStatus.INCOMPLETE);
    }

    @Test
    void nobodyReportingIsNoData() {
        CityTotal none = new CityTotal(JOBS.code(), null, List.of(), ALL, false, true, null, "150900");
        TargetResult r = atJune(JOBS, "5500人以上", none, NO_PACE);
        assertThat(r.status()).isEqualTo(TargetStatus.NO_DATA);
        assertThat(r.cumulativeTotal()).isNull();
        assertThat(r.shareOfTarget()).isNull();
        assertThat(r.countiesReported()).isZero();
        assertThat(atJune(JOBS, "5500人以上", null, NO_PACE).status()).isEqualTo(TargetStatus.NO_DATA);
    }

    @Test
    void aGrowthTargetIsJudgedByTheGrowthAgainstTheSamePeriodOfLastYear() {
        // 增长6%左右: g ≥ 0.95 × 6 = 5.7; base 100,000 → t ≥ 105,700
        TargetEvaluator.LastYear base = new TargetEvaluator.LastYear(new BigDecimal("100000"), "2023-06", new BigDecimal("210000"));
        TargetResult met = atJune(SALES, "增长6%左右", complete(SALES, "105700"), base);
        assertThat(met.status()).isEqualTo(TargetStatus.MET);
        assertThat(met.targetValue()).isEqualByComparingTo("6");
        assertThat(met.cumulativeGrowth()).isEqualByComparingTo("5.7");
        assertThat(met.shareOfTarget()).isNull();
        assertThat(met.expectedShare()).isNull();
        assertThat(met.paceBasis()).isNull();
        TargetResult behind = atJune(SALES, "增长6%左右", complete(SALES, "105699"), base);
        assertThat(behind.status()).isEqualTo(TargetStatus.BEHIND);
        assertThat(behind.cumulativeGrowth()).isEqualByComparingTo("5.699");
        // 增长6%以上: g ≥ 5.5
        assertThat(atJune(SALES, "增长6%以上", complete(SALES, "105500"), base).status()).isEqualTo(TargetStatus.MET);
        assertThat(atJune(SALES, "增长6%以上", complete(SALES, "105499"), base).status()).isEqualTo(TargetStatus.BEHIND);
        // a partial total reaching the growth decides it; one below it leaves it open
        assertThat(atJune(SALES, "增长6%以上", partial(SALES, "106000"), base).status()).isEqualTo(TargetStatus.MET);
        assertThat(atJune(SALES, "增长6%以上", partial(SALES, "90000"), base).status()).isEqualTo(TargetStatus.INCOMPLETE);
    }

    @Test
    void aGrowthWithThirtyFourDigits() {
        // 100,001 ÷ 30,000 = 3.3333666…; − 1 = 2.3333666…; × 100 = 233.336666… (34 significant digits, no binary fraction)
        TargetEvaluator.LastYear base = new TargetEvaluator.LastYear(new BigDecimal("30000"), "2023-06", null);
        TargetResult r = atJune(SALES, "增长6%以上", complete(SALES, "100001"), base);
        assertThat(r.cumulativeGrowth().toPlainString()).startsWith("233.3366666666666666666666666666");
    }

    @Test
    void aGrowthWithoutABaseRowOrOnABaseOfZeroIsNoData() {
        TargetResult noBase = atJune(SALES, "增长6%左右", complete(SALES, "105700"), NO_PACE);
        assertThat(noBase.status()).isEqualTo(TargetStatus.NO_DATA);
        assertThat(noBase.notes()).containsExactly(TargetNote.noBase("2023-06"));
        assertThat(noBase.cumulativeGrowth()).isNull();
        TargetResult zero = atJune(SALES, "增长6%左右", complete(SALES, "105700"),
                new TargetEvaluator.LastYear(BigDecimal.ZERO, "2023-06", null));
        assertThat(zero.status()).isEqualTo(TargetStatus.NO_DATA);
        assertThat(zero.notes()).extracting(TargetNote::kind).containsExactly(TargetNote.Kind.BASE_ZERO);
    }

    @Test
    void cityAndRatioTargetsAreMetOrBehindWithoutAPace() {
        // 超80%: t > 80
        TargetResult air = atJune(AIR, "超80%", new CityTotal(AIR.code(), new BigDecimal("79"), List.of("150900"), List.of(), true, false, null, "150900"), NO_PACE);
        assertThat(air.status()).isEqualTo(TargetStatus.BEHIND);
        assertThat(air.expectedShare()).isNull();
        assertThat(air.countiesReported()).isNull();
        assertThat(air.missingCounties()).isNull();
        assertThat(atJune(RATE, "90%以上", complete(RATE, "89.5"), NO_PACE).status()).isEqualTo(TargetStatus.MET);
        assertThat(atJune(RATE, "90%以上", complete(RATE, "89.4"), NO_PACE).status()).isEqualTo(TargetStatus.BEHIND);
        assertThat(atJune(RATE, "90%以下", complete(RATE, "89.4"), NO_PACE).status()).isEqualTo(TargetStatus.WITHIN);
        CityTotal incompleteRatio = new CityTotal(RATE.code(), null, ALL.subList(0, 2), List.of("150922"), false, false, null, "150900");
        assertThat(atJune(RATE, "90%以上", incompleteRatio, NO_PACE).status()).isEqualTo(TargetStatus.INCOMPLETE);
    }

    @Test
    void atTheYearsOwnPeriodATargetIsMetOrMissed() {
        Target jobs = target(JOBS, "5500人以上");
        assertThat(year.evaluate(jobs, JOBS, complete(JOBS, "5499.5"), NO_PACE, Map.of(), null).status()).isEqualTo(TargetStatus.MET);
        assertThat(year.evaluate(jobs, JOBS, complete(JOBS, "5499"), NO_PACE, Map.of(), null).status()).isEqualTo(TargetStatus.MISSED);
        assertThat(year.evaluate(jobs, JOBS, partial(JOBS, "5499"), NO_PACE, Map.of(), null).status()).isEqualTo(TargetStatus.INCOMPLETE);
        Target limit = target(ENERGY, "100万吨以内");
        assertThat(year.evaluate(limit, ENERGY, complete(ENERGY, "100.5"), NO_PACE, Map.of(), null).status()).isEqualTo(TargetStatus.MET);
        assertThat(year.evaluate(limit, ENERGY, complete(ENERGY, "100.6"), NO_PACE, Map.of(), null).status()).isEqualTo(TargetStatus.MISSED);
        assertThat(year.evaluate(limit, ENERGY, partial(ENERGY, "100.6"), NO_PACE, Map.of(), null).status()).isEqualTo(TargetStatus.MISSED);
    }

    @Test
    void aCountyBelowItsOwnEarlierFigureIsNamedWithBothFigures() {
        Map<String, BigDecimal> now = new LinkedHashMap<>();
        now.put("150921", new BigDecimal("300"));
        now.put("150902", new BigDecimal("900"));
        now.put("150922", new BigDecimal("500"));
        TargetEvaluator.Earlier may = new TargetEvaluator.Earlier("2024-05",
                Map.of("150902", new BigDecimal("800"), "150921", new BigDecimal("350"), "150922", new BigDecimal("500")));
        TargetResult r = june.evaluate(target(JOBS, "5500人以上"), JOBS, complete(JOBS, "1700"), NO_PACE, now, may);
        assertThat(r.notes()).containsExactly(TargetNote.notCumulative("2024-05", "150921", new BigDecimal("350"), new BigDecimal("300")));
        assertThat(r.status()).isEqualTo(TargetStatus.BEHIND);
        TargetResult noEarlier = june.evaluate(target(JOBS, "5500人以上"), JOBS, complete(JOBS, "1700"), NO_PACE, now, null);
        assertThat(noEarlier.notes()).isEmpty();
    }
}
