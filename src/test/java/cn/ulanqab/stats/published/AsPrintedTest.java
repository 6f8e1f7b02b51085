package cn.ulanqab.stats.published;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsPrintedTest {

    @ParameterizedTest(name = "{2} {1} against {0} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            1.38万户       | 户   | 13912       | 1.39万户
            1.38万户       | 户   | 13850       | 1.39万户
            1.38万户       | 户   | 13849       | 1.38万户
            1.38万户       | 户   | 100         | 0.01万户
            近千家         | 家   | 968         | 968家
            近千家         | 家   | 1000        | 1000家
            近千家         | 家   | 968.4       | 968.4家
            超95%          | %    | 96.3        | 96.3%
            超95%          | %    | 96          | 96%
            超95%          | %    | 96.000      | 96%
            超95%          | %    | 95.04       | 95.0%
            超95%          | %    | 96.2999     | 96.3%
            5.2亿元        | 万元 | 51234       | 5.1亿元
            5.2亿元        | 万元 | 52500       | 5.3亿元
            8387万元       | 万元 | 8386.6      | 8387万元
            92.4%          | %    | 92.35       | 92.4%
            92.4%          | %    | 92.3499     | 92.3%
            8685人         | 人   | 8685        | 8685人
            破百万         | 件   | 1234567     | 1234567
            近2800万立方米  | 立方米 | 27950000   | 2795万立方米
            近2800万立方米  | 立方米 | 27951234   | 2795.1万立方米
            约3万人        | 人   | 29000       | 2.9万人
            约3万人        | 人   | 29400       | 2.9万人
            约3万人        | 人   | 30000       | 3万人
            6%以上         | %    | 6.44        | 6%
            10个以下       | 个   | 9.5         | 10个
            100万亩        | 亩   | 1000000000  | 100000万亩
            3.56个         | 个   | 3.5595238095238095238095238095238 | 3.56个
            729.2千米      | 公里 | 729.2       | 729.2千米
            """)
    void writesTheTotalTheWayTheFigureWasPrinted(String text, String catalogUnit, BigDecimal total, String expected) {
        assertThat(AsPrinted.format(PrintedFigureParser.parse(text), total, catalogUnit)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{2} {1} against {0} without a unit → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            405287.26     | 万元 | 405287.26   | 405287.26
            405287.26     | 万元 | 405290.1    | 405290.10
            1.8亿         | 万元 | 18000       | 1.8亿
            1.8亿         | 万元 | 18734       | 1.9亿
            1.38万        | 户   | 13912       | 1.39万
            近千          | 家   | 968         | 968
            超95          | %    | 96.3        | 96.3
            千余万        | 元   | 12345678    | 1234.6万
            """)
    void writesTheTotalWithoutAUnitWhenTheFigureHadNone(String text, String catalogUnit, BigDecimal total, String expected) {
        assertThat(AsPrinted.format(PrintedFigureParser.parse(text), total, catalogUnit)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{2} against {0} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            近千家     | 家 | 1E+3   | 1000家
            1.38万户   | 户 | 1.4E+4 | 1.40万户
            破百万     | 件 | 1E+6   | 1000000
            """)
    void writesPlainNotation(String text, String catalogUnit, BigDecimal total, String expected) {
        assertThat(AsPrinted.format(PrintedFigureParser.parse(text), total, catalogUnit)).isEqualTo(expected);
    }

    @Test
    void rejectsAUnitThatDoesNotFit() {
        assertThatThrownBy(() -> AsPrinted.format(PrintedFigureParser.parse("184万斤"), BigDecimal.TEN, "吨"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("斤")
                .hasMessageContaining("吨");
    }
}
