package cn.ulanqab.stats.extraction;

import java.util.Locale;

/** What a printed figure measures. */
public enum FigureKind {
    /** things counted: 5家, 1615个, 8685人. */
    COUNT,
    /** money: 5.2亿元, 8387万元. */
    AMOUNT,
    /** 亩, 平方公里. */
    AREA,
    /** 公里, 米. */
    LENGTH,
    /** a level in percent: 92.4%, 超95%. */
    RATE,
    /** a change in percent: 增长33.4%, 增长6%以上. */
    GROWTH_RATE,
    /** a change in percentage points: 提升4.5个百分点. */
    PP_CHANGE,
    /** a quantity per something or a fraction: 每千人口托位数3.56个, 23微克/立方米, 全国1/4. */
    RATIO,
    /** a place in a ranking: 居全区第2. */
    RANK,
    /** anything else: 184万吨, 近2800万立方米, 250万千瓦, 增长2.4倍, durations (连续21年). */
    OTHER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
