package cn.ulanqab.stats.reconciliation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @Test
    void groupedFiguresHaveThousandsSeparatorsAndKeepTheirDecimals() {
        assertThat(Numbers.grouped(new BigDecimal("27651836.5"))).isEqualTo("27,651,836.5");
        assertThat(Numbers.grouped(new BigDecimal("1712475.10"))).isEqualTo("1,712,475.1");
        assertThat(Numbers.grouped(new BigDecimal("-127524.9"))).isEqualTo("-127,524.9");
        assertThat(Numbers.grouped(new BigDecimal("8145"))).isEqualTo("8,145");
        assertThat(Numbers.grouped(new BigDecimal("0.00000048"))).as("six decimals at most, as plain").isEqualTo("0");
        assertThat(Numbers.grouped(new BigDecimal("1E+3"))).isEqualTo("1,000");
        assertThat(Numbers.grouped(new BigDecimal("123456789012345678901.123456")))
                .as("exact, never through a double").isEqualTo("123,456,789,012,345,678,901.123456");
        assertThat(Numbers.grouped((BigDecimal) null)).isEmpty();
        assertThat(Numbers.grouped(5_673_780L)).isEqualTo("5,673,780");
    }

    @Test
    void groupingIsTheSameWhateverTheMachinesLocale() {
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Numbers.grouped(new BigDecimal("10000.5"))).isEqualTo("10,000.5");
            assertThat(Numbers.grouped(10_000L)).isEqualTo("10,000");
        } finally {
            Locale.setDefault(original);
        }
    }
}
