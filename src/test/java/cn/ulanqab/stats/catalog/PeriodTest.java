package cn.ulanqab.stats.catalog;

import cn.ulanqab.stats.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    @Test
    void readsAYear() {
        Period p = Period.parse("2023");
        assertThat(p.isYear()).isTrue();
        assertThat(p.year()).isEqualTo(2023);
        assertThat(p.months()).isEqualTo(12);
        assertThat(p.label()).isEqualTo("2023");
        assertThat(p.previous().label()).isEqualTo("2022");
    }

    @Test
    void readsAMonthAsTheMonthsSinceJanuary() {
        Period p = Period.parse("2024-06");
        assertThat(p.isMonth()).isTrue();
        assertThat(p.year()).isEqualTo(2024);
        assertThat(p.month()).isEqualTo(6);
        assertThat(p.months()).isEqualTo(6);
        assertThat(p.label()).isEqualTo("2024-06");
        assertThat(p.previous()).isEqualTo(Period.parse("2023-06"));
        assertThat(p.wholeYear().label()).isEqualTo("2024");
        assertThat(Period.parse("2024-01").months()).isEqualTo(1);
        assertThat(Period.parse("2024-12").months()).isEqualTo(12);
    }

    @Test
    void readsAQuarterAsThreeMonthsEach() {
        Period p = Period.parse("2024-Q2");
        assertThat(p.isQuarter()).isTrue();
        assertThat(p.quarter()).isEqualTo(2);
        assertThat(p.months()).isEqualTo(6);
        assertThat(p.label()).isEqualTo("2024-Q2");
        assertThat(p.previous().label()).isEqualTo("2023-Q2");
        assertThat(Period.parse("2024-Q4").months()).isEqualTo(12);
        assertThat(Period.parse("2024-Q1").months()).isEqualTo(3);
    }

    @Test
    void theSamePeriodOfTwoYearsAgoIsPreviousTwice() {
        assertThat(Period.parse("2000").previous().label()).isEqualTo("1999");
        assertThat(Period.parse("2024-Q3").previous().previous().label()).isEqualTo("2022-Q3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13", "2024-00", "2024-Q0", "2024-Q5", "2024-6", "2024-q2", "24", "20x", "2024-H1",
            "2024Q2", "2024-06-30", "", "２０２３"})
    void refusesAnythingElseSayingWhatAPeriodLooksLike(String text) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--period=" + text.strip())
                .hasMessageContaining("Fix: write a year (2023), a month (2024-06, months 01–12) or a quarter (2024-Q2, quarters 1–4)");
    }

    @Test
    void namesTheMonthThatDoesNotExist() {
        assertThatThrownBy(() -> Period.parse("2024-13")).hasMessageContaining("there is no month 13");
        assertThatThrownBy(() -> Period.parse("2024-Q5")).hasMessageContaining("there is no quarter 5");
    }
}
