package cn.ulanqab.stats.published;

import cn.ulanqab.stats.testing.Property;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the printed-figure parser: any text either parses or is refused with an
 * IllegalArgumentException (never another exception), and an Arabic number with 万 or 亿 reads back as its value.
 */
class PrintedFigureParserPropertiesTest {

    static final String ALPHABET = "0123456789０１２３４５６７８９..．,，%％ 　万亿萬億千百十零〇一二三四五六七八九两兩"
            + "近超过過逾破约約余餘多以上下内內左右不少于户元吨个家亩公里平方米微克/-+eE\t\n\u0000\uFEFF\uD83D";
    static final List<String> UNITS = List.of("", "户", "元", "吨", "个", "家", "亩", "人", "立方米");
    static final List<String> PREFIXES = List.of("", "近", "超", "超过", "逾", "破", "约", "不少于");

    @Test
    void anyTextParsesOrIsRefusedWithIllegalArgumentException() {
        Property.forAll(500, PrintedFigureParserPropertiesTest::text, text -> {
            try {
                PrintedFigure figure = PrintedFigureParser.parse(text);
                assertThat(figure.number()).isNotNull();
                assertThat(figure.value()).isNotNull();
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        });
    }

    @Test
    void arabicNumbersWithTenThousandOrHundredMillionReadBackAsTheirValue() {
        Property.forAll(500, r -> {
            BigDecimal number = BigDecimal.valueOf((long) (r.nextDouble() * Math.pow(10, 1 + r.nextInt(6))) + 1, r.nextInt(4));
            String magnitude = r.nextBoolean() ? "万" : "亿";
            String prefix = PREFIXES.get(r.nextInt(PREFIXES.size()));
            String unit = UNITS.get(r.nextInt(UNITS.size()));
            return new Object[]{prefix + number.toPlainString() + magnitude + unit, number, magnitude, unit};
        }, c -> {
            PrintedFigure figure = PrintedFigureParser.parse((String) c[0]);
            BigDecimal factor = c[2].equals("万") ? new BigDecimal("10000") : new BigDecimal("100000000");
            assertThat(figure.value()).as((String) c[0]).isEqualByComparingTo(((BigDecimal) c[1]).multiply(factor));
            assertThat(figure.magnitudeWord()).isEqualTo(c[2]);
            assertThat(figure.unit()).isEqualTo(c[3]);
            assertThat(figure.decimals()).isEqualTo(((BigDecimal) c[1]).scale());
        });
    }

    static String text(Random r) {
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(14);
        for (int i = 0; i < len; i++) {
            sb.append(r.nextInt(12) == 0 ? (char) r.nextInt(0xFFFF) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
