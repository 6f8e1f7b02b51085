package cn.ulanqab.stats.published;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrintedFigureParserTest {

    /** A blank magnitude or unit column means none. */
    @ParameterizedTest(name = "{0} → {1} {2} magnitude ''{3}'' unit ''{4}''")
    @CsvSource(delimiter = '|', textBlock = """
            1.38万户      | EXACT     | 1.38    | 万 | 户
            8685人        | EXACT     | 8685    |    | 人
            近千家        | NEARLY    | 1000    |    | 家
            破百万        | MORE_THAN | 1000000 |    |
            超95%         | MORE_THAN | 95      |    | %
            5.2亿元       | EXACT     | 5.2     | 亿 | 元
            近2800万立方米 | NEARLY    | 2800    | 万 | 立方米
            23微克/立方米  | EXACT     | 23      |    | 微克/立方米
            3.56个        | EXACT     | 3.56    |    | 个
            100万亩       | EXACT     | 100     | 万 | 亩
            5.9平方公里    | EXACT     | 5.9     |    | 平方公里
            0.6万亩       | EXACT     | 0.6     | 万 | 亩
            0.5个百分点    | EXACT     | 0.5     |    | 个百分点
            6%以上        | AT_LEAST  | 6       |    | %
            不少于10个     | AT_LEAST  | 10      |    | 个
            10个不少于     | AT_LEAST  | 10      |    | 个
            千余家        | MORE_THAN | 1000    |    | 家
            千余名        | MORE_THAN | 1000    |    | 名
            百余          | MORE_THAN | 100     |    |
            20多个        | MORE_THAN | 20      |    | 个
            20多万人      | MORE_THAN | 20      | 万 | 人
            1万余户       | MORE_THAN | 1       | 万 | 户
            逾千家        | MORE_THAN | 1000    |    | 家
            超过1.2万户    | MORE_THAN | 1.2     | 万 | 户
            超3万         | MORE_THAN | 3       | 万 |
            约3万人       | ABOUT     | 3       | 万 | 人
            3万人左右      | ABOUT     | 3       | 万 | 人
            约3万人左右    | ABOUT     | 3       | 万 | 人
            10个以下       | UP_TO     | 10      |    | 个
            10个以内       | UP_TO     | 10      |    | 个
            两千          | EXACT     | 2000    |    |
            三千五百       | EXACT     | 3500    |    |
            1.5万亿元      | EXACT     | 1.5     | 万亿 | 元
            """)
    void readsQualifierNumberMagnitudeAndUnit(String text, Qualifier qualifier, BigDecimal number,
                                              String magnitudeWord, String unit) {
        PrintedFigure figure = PrintedFigureParser.parse(text);

        assertThat(figure.text()).isEqualTo(text);
        assertThat(figure.qualifier()).isEqualTo(qualifier);
        assertThat(figure.number()).isEqualByComparingTo(number);
        assertThat(figure.magnitudeWord()).isEqualTo(magnitudeWord == null ? "" : magnitudeWord);
        assertThat(figure.unit()).isEqualTo(unit == null ? "" : unit);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            千        | 1000
            百万      | 1000000
            三千五百   | 3500
            十        | 10
            十五      | 15
            二十      | 20
            两千      | 2000
            九百九十九 | 999
            万        | 10000
            十万      | 100000
            一万零五   | 10005
            三千零五   | 3005
            三千五     | 3500
            两万三     | 23000
            一亿二千万 | 120000000
            """)
    void readsChineseNumerals(String text, BigDecimal value) {
        PrintedFigure figure = PrintedFigureParser.parse(text);

        assertThat(figure.chineseNumeral()).isTrue();
        assertThat(figure.value()).isEqualByComparingTo(value);
        assertThat(figure.magnitude()).isEqualByComparingTo("1");
        assertThat(figure.magnitudeWord()).isEmpty();
        assertThat(figure.decimals()).isZero();
    }

    @ParameterizedTest(name = "{0} → value {1}, h {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1.38万户  | 13800     | 50
            8685人    | 8685      | 0.5
            100万亩   | 1000000   | 5000
            92.4%     | 92.4      | 0.05
            3.56个    | 3.56      | 0.005
            0.6万亩   | 6000      | 500
            5.2亿元   | 520000000 | 5000000
            1000家    | 1000      | 0.5
            千        | 1000      | 500
            近千家     | 1000      | 500
            百万      | 1000000   | 500000
            三千五百   | 3500      | 50
            十        | 10        | 5
            十五      | 15        | 0.5
            三千五     | 3500      | 50
            两万三     | 23000     | 500
            一万零五   | 10005     | 0.5
            千余万元   | 10000000  | 5000000
            """)
    void computesValueAndHalfAUnitOfTheLastPrintedDigit(String text, BigDecimal value, BigDecimal halfUnit) {
        PrintedFigure figure = PrintedFigureParser.parse(text);

        assertThat(figure.value()).isEqualByComparingTo(value);
        assertThat(figure.halfUnit()).isEqualByComparingTo(halfUnit);
    }

    @Test
    void keepsThePrintedDecimals() {
        assertThat(PrintedFigureParser.parse("1.38万户").decimals()).isEqualTo(2);
        assertThat(PrintedFigureParser.parse("92.4%").decimals()).isEqualTo(1);
        assertThat(PrintedFigureParser.parse("1.0万户").decimals()).isEqualTo(1);
        assertThat(PrintedFigureParser.parse("8685人").decimals()).isZero();
        assertThat(PrintedFigureParser.parse("8685人").chineseNumeral()).isFalse();
    }

    @Test
    void readsFullWidthDigitsAndBlanks() {
        PrintedFigure figure = PrintedFigureParser.parse(" １．３８ 万户 ");

        assertThat(figure.value()).isEqualByComparingTo("13800");
        assertThat(figure.halfUnit()).isEqualByComparingTo("50");
        assertThat(figure.unit()).isEqualTo("户");
    }

    @Test
    void readsTraditionalCharactersOfThePrint() {
        PrintedFigure figure = PrintedFigureParser.parse("約3萬人");

        assertThat(figure.qualifier()).isEqualTo(Qualifier.ABOUT);
        assertThat(figure.value()).isEqualByComparingTo("30000");
        assertThat(figure.magnitudeWord()).isEqualTo("万");
    }

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''          | blank
            '   '       | blank
            户          | no number in '户'
            约          | no number in '约'
            数千人       | no number in '数千人'
            1.38万户2    | more than one number
            1,203户     | write 1203, not 1,203
            1.户        | at most one decimal point
            3千         | expected the magnitude 万 or 亿
            近3万人以上   | two qualifiers that disagree
            超10个以下    | two qualifiers that disagree
            百百        | 百 after a smaller or equal place
            五五        | two digits in a row
            三千百       | no digit before 百
            一百零       | ends with 零
            """)
    void rejectsWhatItCannotReadSayingWhatWasFoundAndWhatIsExpected(String text, String why) {
        assertThatThrownBy(() -> PrintedFigureParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why)
                .hasMessageContaining("expected");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> PrintedFigureParser.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
    }
}
