package cn.ulanqab.stats.published;

import java.math.BigDecimal;

/**
 * Reads a whole number written in Chinese numerals: 千, 百万, 三千五百, 两千, 十五, 一万零五, 一亿二千万.
 * A leading place word stands for one of it (千 = 1000, 百万 = 10^6). A last digit without its place
 * word takes the place below the one before it, as people say it (三千五 = 3500, 两万三 = 23000),
 * unless a 零 stands before it (一万零五 = 10005).
 */
final class ChineseNumeral {

    private static final String DIGITS = "零一二三四五六七八九";

    private final String numeral;
    private final String text;

    private long yiPart;      // what 亿 has closed
    private long wanPart;     // what 万 has closed in the current 亿 group
    private boolean wanSeen;
    private boolean yiSeen;
    private long section;     // below 万
    private int digit = -1;   // a digit waiting for its place word
    private long lastPlace;   // the last of 十/百/千 in the current section, 0 when none
    private long lastBig;     // 10^4 or 10^8 when the section started right after 万/亿
    private boolean zeroBefore;
    private boolean empty = true;

    private ChineseNumeral(String numeral, String text) {
        this.numeral = numeral;
        this.text = text;
    }

    static BigDecimal parse(String numeral, String text) {
        return new ChineseNumeral(numeral, text).read();
    }

    private BigDecimal read() {
        for (int i = 0; i < numeral.length(); i++) {
            char c = numeral.charAt(i);
            if (c == '零' || c == '〇') {
                if (digit >= 0) {
                    throw bad("zero.after.digit", numeral.charAt(i - 1));
                }
                zeroBefore = true;
            } else if (c == '两' || DIGITS.indexOf(c) > 0) {
                if (digit >= 0) {
                    throw bad("two.digits", "" + numeral.charAt(i - 1) + c);
                }
                digit = c == '两' ? 2 : DIGITS.indexOf(c);
            } else if (c == '十' || c == '百' || c == '千') {
                long place = c == '十' ? 10 : c == '百' ? 100 : 1000;
                if (lastPlace != 0 && place >= lastPlace) {
                    throw bad("place.order", c);
                }
                int coefficient = digit;
                if (digit < 0) {
                    if (!empty) {
                        throw bad("no.digit", c);
                    }
                    coefficient = 1;
                }
                section += coefficient * place;
                lastPlace = place;
                lastBig = 0;
                digit = -1;
                zeroBefore = false;
            } else if (c == '万') {
                if (wanSeen) {
                    throw bad("wan.twice");
                }
                long s = section + pending();
                if (s == 0) {
                    if (!empty) {
                        throw bad("nothing.before.wan");
                    }
                    s = 1;
                }
                wanPart = s * 10_000L;
                wanSeen = true;
                closeSection(10_000L);
            } else if (c == '亿') {
                if (yiSeen) {
                    throw bad("yi.twice");
                }
                long s = wanPart + section + pending();
                if (s == 0) {
                    if (!empty) {
                        throw bad("nothing.before.yi");
                    }
                    s = 1;
                }
                yiPart = s * 100_000_000L;
                yiSeen = true;
                wanPart = 0;
                wanSeen = false;
                closeSection(100_000_000L);
            } else {
                throw bad("not.numeral", c);
            }
            empty = false;
        }
        if (zeroBefore && digit < 0) {
            throw bad("ends.with.zero");
        }
        return BigDecimal.valueOf(yiPart + wanPart + section + pending());
    }

    private void closeSection(long big) {
        section = 0;
        digit = -1;
        lastPlace = 0;
        lastBig = big;
        zeroBefore = false;
    }

    /** The waiting digit with its implied place: 三千五 → 500, 两万三 → 3000, 一万零五 → 5. */
    private long pending() {
        if (digit < 0) {
            return 0;
        }
        long place = 1;
        if (!zeroBefore) {
            if (lastPlace >= 100) {
                place = lastPlace / 10;
            } else if (lastPlace == 0 && lastBig > 0) {
                place = lastBig / 10;
            }
        }
        return digit * place;
    }

    /** The numeral, the text and what is wrong ({@code config.numeral.<why>}, which names them as {0}, {1}, {2}). */
    private UnreadableFigure bad(String why, Object... detail) {
        Object[] args = new Object[2 + detail.length];
        args[0] = numeral;
        args[1] = text;
        System.arraycopy(detail, 0, args, 2, detail.length);
        return new UnreadableFigure("config.numeral." + why, args);
    }
}
