package cn.ulanqab.stats.submission;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class SubmittedNumberTest {

    @ParameterizedTest(name = "''{0}'' reads as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            12          | 12
            12.5        | 12.5
            -3          | -3
            1,203       | 1203
            41,250.5    | 41250.5
            1,234,567   | 1234567
            0           | 0
            0.25        | 0.25
            １２３       | 123
            １，２０３．５ | 1203.5
            －５         | -5
            ' 12 '      | 12
            12345       | 12345
            """)
    void acceptsTheGrammar(String raw, String expected) {
        assertThat(SubmittedNumber.isMissing(raw)).isFalse();
        assertThat(SubmittedNumber.parse(raw)).hasValueSatisfying(v -> assertThat(v).isEqualTo(new BigDecimal(expected)));
    }

    @ParameterizedTest(name = "''{0}'' is not a number")
    @ValueSource(strings = {"一百", "1E3", "1e3", "+5", "5%", "1,20", "12,3456", "1.", ".5", "1 203", "1,2,3", ",123",
            "12,", "--5", "1.2.3", "¥12", "12元", "0x1F", "1,203,", "1_000"})
    void rejectsAnythingElse(String raw) {
        assertThat(SubmittedNumber.isMissing(raw)).isFalse();
        assertThat(SubmittedNumber.parse(raw)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' is missing")
    @ValueSource(strings = {"", "   ", "-", "—", "/", " - ", "\t"})
    void treatsBlankAndPlaceholdersAsMissing(String raw) {
        assertThat(SubmittedNumber.isMissing(raw)).isTrue();
        assertThat(SubmittedNumber.parse(raw)).isEmpty();
    }

    @Test
    void treatsNullAsMissing() {
        assertThat(SubmittedNumber.isMissing(null)).isTrue();
        assertThat(SubmittedNumber.parse(null)).isEmpty();
    }

    @Test
    void fullWidthMinusAloneIsMissingLikeTheAsciiPlaceholder() {
        assertThat(SubmittedNumber.isMissing("－")).isTrue();
    }

    @Test
    void zeroIsAValueNotMissing() {
        assertThat(SubmittedNumber.isMissing("0")).isFalse();
        assertThat(SubmittedNumber.parse("0")).contains(BigDecimal.ZERO);
    }

    @Test
    void twelveAndTwelvePointZeroCompareEqual() {
        BigDecimal a = SubmittedNumber.parse("12").orElseThrow();
        BigDecimal b = SubmittedNumber.parse("12.0").orElseThrow();
        assertThat(a).isEqualByComparingTo(b);
        assertThat(a.compareTo(b)).isZero();
    }

    @Test
    void keepsPrintedDecimalsExactly() {
        assertThat(SubmittedNumber.parse("0.10").orElseThrow().toPlainString()).isEqualTo("0.10");
        assertThat(SubmittedNumber.parse("123456789012345678901234567890.123456789").orElseThrow().toPlainString())
                .isEqualTo("123456789012345678901234567890.123456789");
    }

    @ParameterizedTest(name = "''{0}'' reads the same with or without the shortcut for plain decimals")
    @ValueSource(strings = {"12", "007", "0.000", "12.50", ".5", "5.", "1.2.3", "1..2", "", "1,203",
            "12a", "-3", " 12", "99999999999999999999999.1"})
    void plainDecimalsReadAsTheGrammarReadsThem(String raw) {
        Pattern grammar = Pattern.compile("-?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\\.[0-9]+)?");
        Optional<BigDecimal> slow = grammar.matcher(SubmittedNumber.normalize(raw)).matches()
                ? Optional.of(new BigDecimal(SubmittedNumber.normalize(raw).replace(",", ""))) : Optional.empty();

        assertThat(SubmittedNumber.parse(raw)).isEqualTo(slow);
        if (SubmittedNumber.plainDecimal(raw)) {
            assertThat(slow).as("a plain decimal is one the grammar accepts").isPresent();
            assertThat(SubmittedNumber.isMissing(raw)).isFalse();
        }
    }

    @Test
    void aValueOfMoreThanFortyCharactersIsNeverANumber() {
        String forty = "1".repeat(40);
        String grouped = "1" + ",234".repeat(10); // 41 characters
        assertThat(SubmittedNumber.parse(forty)).hasValue(new BigDecimal(forty));
        assertThat(SubmittedNumber.parse("\u3000" + forty + "\u00A0")).hasValue(new BigDecimal(forty));
        assertThat(SubmittedNumber.parse(forty + "1")).isEmpty();
        assertThat(SubmittedNumber.parse(grouped)).isEmpty();
        assertThat(SubmittedNumber.tooLong(grouped)).isTrue();
        assertThat(SubmittedNumber.parse("9".repeat(150))).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' means not reported")
    @ValueSource(strings = {"／", "\u3000／\u00A0", "\u00A0", "\u3000-\t"})
    void fullWidthSlashAndUnicodeBlanksMeanNotReported(String raw) {
        assertThat(SubmittedNumber.isMissing(raw)).isTrue();
    }

    @Test
    void noBreakAndIdeographicSpacesAroundAValueAreTrimmed() {
        assertThat(SubmittedNumber.parse("\u00A012\u00A0")).hasValue(new BigDecimal("12"));
        assertThat(SubmittedNumber.parse("\u3000１，２０３\u3000")).hasValue(new BigDecimal("1203"));
    }
}
