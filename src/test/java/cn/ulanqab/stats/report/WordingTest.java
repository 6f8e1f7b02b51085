package cn.ulanqab.stats.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WordingTest {

    private static final Wording ZH = Wording.of("zh");
    private static final Wording EN = Wording.of("en");

    @Test
    void figuresGetThousandsSeparatorsWhateverTheMachinesLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(ZH.number(new BigDecimal("27651836.5"))).isEqualTo("27,651,836.5");
            assertThat(ZH.number(new BigDecimal("-127524.90"))).isEqualTo("−127,524.9");
            assertThat(EN.number(new BigDecimal("999"))).isEqualTo("999");
            assertThat(ZH.get("cause.UNIT_SLIP", "卓资县 (150921)", new BigDecimal("12.6"), "吨", "×10,000", new BigDecimal("126000")))
                    .isEqualTo("单位换算错误？卓资县 (150921) 报 12.6 吨；×10,000 后为 126,000，差额消除");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aTinyRelativeDifferenceIsNeverShownAsZeroPercent() {
        assertThat(ZH.percent(new BigDecimal("-0.00000048"))).isEqualTo("−0.000048%");
        assertThat(ZH.percent(new BigDecimal("-0.069307"))).isEqualTo("−6.93%");
        assertThat(ZH.percent(BigDecimal.ZERO)).isEqualTo("0%");
        assertThat(ZH.number(new BigDecimal("-0.00000048"))).isEqualTo("−0.00000048");
    }

    @Test
    void timesAreInTheBureausZone() {
        OffsetDateTime utc = OffsetDateTime.of(2026, 12, 2, 1, 30, 0, 0, ZoneOffset.UTC);
        assertThat(ZH.time(utc)).isEqualTo("2026-12-02 09:30:00 (UTC+08:00)");
    }

    @Test
    void oneFindingIsNotSeveralInEnglish() {
        assertThat(EN.get("console.exit.findings", 1, 1L)).isEqualTo("exit status 1: 1 finding to review in report.html and reconciliation.csv");
        assertThat(EN.get("console.exit.findings", 1, 1234L)).startsWith("exit status 1: 1,234 findings to review");
        assertThat(ZH.get("console.exit.findings", 1, 1L)).isEqualTo("退出状态 1：1 项需核查，见 report.html 与 reconciliation.csv");
    }

    @Test
    void refusesALanguageItHasNoWordsFor() {
        assertThat(Wording.locale("zh")).isEqualTo(Locale.CHINESE);
        assertThat(Wording.locale("en")).isEqualTo(Locale.ENGLISH);
        assertThatThrownBy(() -> Wording.locale("de")).hasMessageContaining("reconciliation.language=zh");
    }
}
