package cn.ulanqab.stats.published;

import java.util.stream.Stream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a figure as printed in the report:
 * <pre>
 *   [qualifier word] number [magnitude] [qualifier suffix] [unit] [qualifier suffix]
 * </pre>
 * <ul>
 *   <li>qualifier word: 超过, 不少于, 近, 超, 逾, 破, 约</li>
 *   <li>number: Arabic digits with optional decimals (full-width digits and {@code ．} allowed), or
 *       Chinese numerals 零〇一二三四五六七八九两十百千万亿 ({@code 千}, {@code 百万}, {@code 三千五百});
 *       a Chinese numeral takes its own 万/亿, so {@code 破百万} is one million with no magnitude</li>
 *   <li>magnitude (after Arabic numbers): 万亿, 亿, 万</li>
 *   <li>qualifier suffix: 以上, 不少于, 左右, 以下, 以内, and right after the number 余, 多
 *       ({@code 千余名}, {@code 20多个}, {@code 6%以上}, {@code 3万人左右})</li>
 *   <li>unit: whatever is left ({@code 户}, {@code 元}, {@code 微克/立方米}, {@code %}, {@code 个百分点})</li>
 * </ul>
 * A change against last year starts with its verb: {@code 增长x%}, {@code 提高x%}, {@code 提升x%} (growth),
 * {@code 下降x%}, {@code 减少x%}, {@code 压减x%} (decline), {@code 提高x个百分点}, {@code 提升x个百分点},
 * {@code 下降x个百分点} (point change); the rest reads as a level ({@code 增长6%以上}), in % or 个百分点 only.
 * Blanks are ignored and the traditional forms 萬 億 兩 餘 約 過 內 are read as 万 亿 两 余 约 过 内.
 */
public final class PrintedFigureParser {

    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");
    private static final BigDecimal HUNDRED_MILLION = new BigDecimal("100000000");

    /** Longest first, so that 超过 wins over 超. */
    private static final List<Map.Entry<String, Qualifier>> PREFIXES = List.of(
            Map.entry("超过", Qualifier.MORE_THAN),
            Map.entry("不少于", Qualifier.AT_LEAST),
            Map.entry("近", Qualifier.NEARLY),
            Map.entry("超", Qualifier.MORE_THAN),
            Map.entry("逾", Qualifier.MORE_THAN),
            Map.entry("破", Qualifier.MORE_THAN),
            Map.entry("约", Qualifier.ABOUT));

    /** Suffixes that may follow the unit (or, when there is none, the number). */
    private static final List<Map.Entry<String, Qualifier>> SUFFIXES = List.of(
            Map.entry("不少于", Qualifier.AT_LEAST),
            Map.entry("以上", Qualifier.AT_LEAST),
            Map.entry("左右", Qualifier.ABOUT),
            Map.entry("以下", Qualifier.UP_TO),
            Map.entry("以内", Qualifier.UP_TO));

    /** Suffixes that may sit between the number (with its magnitude) and the unit. */
    private static final List<Map.Entry<String, Qualifier>> INNER_SUFFIXES = Stream.concat(SUFFIXES.stream(),
            Stream.of(Map.entry("余", Qualifier.MORE_THAN), Map.entry("多", Qualifier.MORE_THAN))).toList();

    private static final List<Map.Entry<String, BigDecimal>> MAGNITUDES = List.of(
            Map.entry("万亿", TEN_THOUSAND.multiply(HUNDRED_MILLION)),
            Map.entry("亿", HUNDRED_MILLION),
            Map.entry("万", TEN_THOUSAND));

    private static final Pattern ARABIC = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
    private static final String CHINESE_NUMERAL_CHARS = "零〇一二三四五六七八九两十百千万亿";

    /** Verbs of a change; 下降, 减少 and 压减 say it fell. */
    private static final List<String> VERBS = List.of("增长", "提高", "提升", "下降", "减少", "压减");
    private static final List<String> POINT_VERBS = List.of("提高", "提升", "下降");
    static final String PERCENT = "%";
    static final String POINTS = "个百分点";

    private PrintedFigureParser() {
    }

    /** @throws UnreadableFigure saying why, for a text that is not a figure as printed */
    public static PrintedFigure parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnreadableFigure("config.printed.blank");
        }
        String s = normalize(text);
        for (String verb : VERBS) {
            if (s.startsWith(verb)) {
                return change(text, verb, s.substring(verb.length()));
            }
        }
        return level(text, s);
    }

    /** {@code 增长33.4%}: the verb, then the change written as a level in % or 个百分点. */
    private static PrintedFigure change(String text, String verb, String rest) {
        if (rest.isEmpty()) {
            throw new UnreadableFigure("config.printed.verb.alone", text, verb);
        }
        PrintedFigure f = level(text, rest);
        ClaimKind kind;
        if (f.unit().equals(PERCENT)) {
            kind = PrintedFigure.DOWN_VERBS.contains(verb) ? ClaimKind.DECLINE : ClaimKind.GROWTH;
        } else if (f.unit().equals(POINTS)) {
            if (!POINT_VERBS.contains(verb)) {
                throw new UnreadableFigure("config.printed.points.verb", text, verb);
            }
            kind = ClaimKind.POINT_CHANGE;
        } else {
            throw new UnreadableFigure("config.printed.change.unit", text, verb, f.unit());
        }
        if (f.magnitudePrinted()) {
            throw new UnreadableFigure("config.printed.change.magnitude", text, f.magnitudeWord());
        }
        return new PrintedFigure(text, f.qualifier(), f.number(), f.magnitude(), f.magnitudeWord(), f.unit(), f.decimals(),
                f.chineseNumeral(), kind, verb);
    }

    private static PrintedFigure level(String text, String s) {
        int pos = 0;

        Qualifier qualifier = Qualifier.EXACT;
        String qualifierWord = null;
        for (Map.Entry<String, Qualifier> prefix : PREFIXES) {
            if (s.startsWith(prefix.getKey())) {
                qualifier = prefix.getValue();
                qualifierWord = prefix.getKey();
                pos = prefix.getKey().length();
                break;
            }
        }

        BigDecimal number;
        BigDecimal magnitude = BigDecimal.ONE;
        String magnitudeWord = "";
        int decimals;
        boolean chinese;
        Matcher arabic = ARABIC.matcher(s).region(pos, s.length());
        if (arabic.lookingAt()) {
            number = new BigDecimal(arabic.group());
            decimals = Math.max(number.scale(), 0);
            chinese = false;
            pos = arabic.end();
            for (Map.Entry<String, BigDecimal> m : MAGNITUDES) {
                if (s.startsWith(m.getKey(), pos)) {
                    magnitudeWord = m.getKey();
                    magnitude = m.getValue();
                    pos += m.getKey().length();
                    break;
                }
            }
        } else {
            int end = pos;
            while (end < s.length() && CHINESE_NUMERAL_CHARS.indexOf(s.charAt(end)) >= 0) {
                end++;
            }
            if (end == pos) {
                throw pos < s.length() ? new UnreadableFigure("config.printed.no.number.found", text, s.substring(pos))
                        : new UnreadableFigure("config.printed.no.number", text);
            }
            number = ChineseNumeral.parse(s.substring(pos, end), text);
            decimals = 0;
            chinese = true;
            pos = end;
        }

        // a qualifier suffix between the number and the unit: 千余家, 20多个, 1万以上户
        for (Map.Entry<String, Qualifier> suffix : INNER_SUFFIXES) {
            if (s.startsWith(suffix.getKey(), pos)) {
                qualifier = combine(text, qualifier, qualifierWord, suffix.getValue(), suffix.getKey());
                qualifierWord = suffix.getKey();
                pos += suffix.getKey().length();
                break;
            }
        }

        String unit = s.substring(pos);
        // a qualifier suffix after the unit: 6%以上, 3万人左右
        for (Map.Entry<String, Qualifier> suffix : SUFFIXES) {
            if (unit.endsWith(suffix.getKey())) {
                qualifier = combine(text, qualifier, qualifierWord, suffix.getValue(), suffix.getKey());
                qualifierWord = suffix.getKey();
                unit = unit.substring(0, unit.length() - suffix.getKey().length());
                break;
            }
        }

        if (unit.startsWith(",") || unit.startsWith(".")) {
            throw new UnreadableFigure("config.printed.separator", text, unit.charAt(0), chinese ? "" : number.toPlainString());
        }
        if (unit.matches(".*[0-9.,].*")) {
            throw new UnreadableFigure("config.printed.two.numbers", text, unit);
        }
        if (!chinese && !unit.isEmpty() && unit.chars().allMatch(c -> CHINESE_NUMERAL_CHARS.indexOf(c) >= 0)) {
            throw new UnreadableFigure("config.printed.mixed.numeral", text, unit);
        }
        // a unit that still starts with 万/亿 belongs to a Chinese numeral with a suffix: 千余万元, 千余万
        if (magnitudeWord.isEmpty()) {
            for (Map.Entry<String, BigDecimal> m : MAGNITUDES) {
                if (unit.startsWith(m.getKey())) {
                    magnitudeWord = m.getKey();
                    magnitude = m.getValue();
                    unit = unit.substring(m.getKey().length());
                    break;
                }
            }
        }
        for (Map.Entry<String, Qualifier> q : INNER_SUFFIXES) {
            if (unit.contains(q.getKey()) && !q.getKey().equals("多")) {
                throw new UnreadableFigure("config.printed.qualifier.in.unit", text, q.getKey(), unit);
            }
        }
        return new PrintedFigure(text, qualifier, number, magnitude, magnitudeWord, unit, decimals, chinese);
    }

    private static Qualifier combine(String text, Qualifier first, String firstWord, Qualifier second, String secondWord) {
        if (first == Qualifier.EXACT || first == second) {
            return second;
        }
        throw new UnreadableFigure("config.printed.qualifiers.disagree", text, firstWord, first, secondWord, second);
    }

    /** Drops blanks, maps full-width digits, ．and ％ to ASCII and traditional characters to simplified ones. */
    static String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF') {
                return;
            }
            if (c >= '０' && c <= '９') {
                b.append((char) ('0' + (c - '０')));
            } else {
                b.appendCodePoint(switch (c) {
                    case '．' -> '.';
                    case '％' -> '%';
                    case '／' -> '/';
                    case '萬' -> '万';
                    case '億' -> '亿';
                    case '兩' -> '两';
                    case '餘' -> '余';
                    case '約' -> '约';
                    case '過' -> '过';
                    case '內' -> '内';
                    default -> c;
                });
            }
        });
        return b.toString();
    }
}
