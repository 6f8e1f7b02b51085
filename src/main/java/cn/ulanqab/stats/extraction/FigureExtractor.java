package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.published.PrintedFigure;
import cn.ulanqab.stats.published.PrintedFigureParser;
import cn.ulanqab.stats.published.Qualifier;
import cn.ulanqab.stats.wording.Detail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds every figure printed in a report: Arabic numbers with their magnitude word, unit and qualifier
 * ({@code 1.38万}, {@code 5.2亿元}, {@code 6%以上}, {@code 20余项}, {@code 超8千亿元}, {@code 1370多亿元},
 * {@code 突破1.5万亿元}), fractions ({@code 1/4}), Chinese numerals with a qualifier ({@code 近千家},
 * {@code 破百万}, {@code 千余名}), tenths ({@code 五成以上}, {@code 近三成}) and ranks ({@code 居全区第2}).
 * The measure words come from {@link ReportUnits}.
 * <p>
 * Not figures: years ({@code 2024年}, {@code 2021-2025}) and names with years ({@code 2025中国足协杯}), months
 * ({@code 6月底}), anniversaries ({@code 75周年}), ordinal words ({@code 一是}, {@code 第十届}), names that contain
 * digits ({@code 12345热线}, {@code 5G}, {@code 3C级}, {@code PM2.5}, {@code 2.0版}, {@code 自贸区3.0},
 * {@code 国道335线}, {@code 331国道}, {@code 世界500强}, {@code “2121”工程}, {@code “5·18”}, {@code 7×24},
 * {@code 1+10+N}), classes and sizes ({@code 220千伏}, {@code 30万吨级}, {@code 8英寸}, {@code 6.2级地震}),
 * the bases of a ratio or a class ({@code 每10万人}, {@code 3岁以下婴幼儿}, {@code 20万人口以上的县},
 * {@code 单笔50万元以下}), counts of list titles ({@code 主要做了6个方面工作}) and time windows
 * ({@code 近3年提升}, {@code 3年增长}).
 * <p>
 * A figure's period is its passage's ({@link ReportText#periodAt}), unless a year is printed right before it
 * ({@code 2030年达到300亿立方米}, {@code 到2025年的4.93万亿元}, {@code “十三五”末的9323.1亿元}; not the base of a
 * comparison, {@code 快于2024年1.8个百分点}); the start value of
 * {@code 从X增加到Y} or {@code 由X提升至Y} is about the year before its period; an average or a total
 * ({@code 年均}, {@code 累计}) printed in a year's paragraph of a five-year review is about the five years.
 * <p>
 * The print repeats some passages by accident ({@link RepeatedPassage}); a figure printed again inside a
 * repeated passage is the same figure, counted in {@link ExtractedFigure#occurrences()}.
 */
public final class FigureExtractor {

    /** The doubt of a figure that takes its qualifier from the list it is printed in (its argument: the qualifier word). */
    private static final String QUALIFIER_CARRIED = "figures.check.qualifier.carried";
    private static final String PREFIX = "(?<pre>突破|超过|接近|不少于|不低于|近|超|逾|(?<!打)破|约)?";
    private static final String SUFFIX = "(?<suf>以上|不少于|左右|以下|以内)?";
    private static final String ARABIC = PREFIX + "(?<num>[0-9]+(?:\\.[0-9]+)?)(?<frac>/[1-9][0-9]?)?(?<innerBefore>余|多)?"
            + "(?<mag>万亿|千亿|百亿|亿|千万|百万|万)?(?<inner>余|多)?(?:(?<unit>UNITS)(?<paren>\\([^()]{1,2}\\))?)?"
            + "(?<after>多(?=[，,。；;、)]))?" + SUFFIX;
    private static final String CHINESE = "(?:(?<cpre>突破|超过|接近|近|超|逾|(?<!打)破|约)(?<num>[一二三四五六七八九两]?[十百千万亿]+)"
            + "(?<inner>余|多)?|(?<num2>[一二三四五六七八九两]?[十百千万]+)(?<inner2>余|多))(?<unit>UNITS)?" + SUFFIX;
    private static final Pattern TENTHS = Pattern.compile("(?<pre>接近|超过|近|超|逾|约)?(?<num>[一二三四五六七八九])成(?<suf>以上|左右|多)?");
    /** A rank is a whole number: 第8.6代线 is a generation, 第十届 an edition. */
    private static final Pattern RANK = Pattern.compile("第(?<num>[0-9]+)(?![0-9届版次批期章条季轮代]|\\.[0-9])");
    /** A year printed right before a figure: 2030年达到300亿立方米, 到2025年的4.93万亿元. */
    private static final Pattern YEAR_BEFORE = Pattern.compile("(?<![比较于])((?:19|20)[0-9]{2})年(?:的|底|末)?(?:达到|达|突破|超过|为)?$");
    /** The end of a five-year plan printed right before a figure: 较“十三五”末的9323.1亿元. */
    private static final Pattern PLAN_END_BEFORE = Pattern.compile("十([一二三四五六七八九])五”?(?:期末|末期|末)的?$");
    private static final Pattern START_VALUE_BEFORE = Pattern.compile("(?:从|由)[^，,。；;、]{0,6}$");
    private static final Pattern START_VALUE_AFTER = Pattern.compile("^[^，,。；;]{0,8}?(?:到|至)");
    private static final Pattern FIVE_YEAR_WORDS = Pattern.compile("年均|累计|五年");
    /** Words right after a duration that make it a time window: 3年增长58.6%, 6个月内. */
    private static final Pattern WINDOW_AFTER = Pattern.compile("^(?:来|内|间|中|以来|前|增长|提升|提高|下降|减少|增加|累计|翻|实现|达到)");

    /** Subjects that compare (高于全国平均水平) rather than name what is measured. */
    private static final Pattern COMPARISON = Pattern.compile("高于|低于|快于|慢于|比|较|超过|优于");
    private static final Pattern CHANGE = Pattern.compile("增长|提高|提升|下降|降低|压减|减少|增加|增幅|降幅");
    private static final Pattern PER = Pattern.compile("每千|每万|每百|每周|每人|人均|平均每");
    private static final String SEPARATORS = "，,。；;、：:！!？?\n";
    /** Words that introduce what is counted; the subject is what follows the last of them in the clause. */
    private static final List<String> VERBS = List.of("建成", "实施", "开展", "完成", "登记", "办理", "受理", "创建", "培育",
            "认定", "投入", "种植", "治理", "消化盘活", "清缴", "推出", "举办", "筹集", "发放", "招聘", "开行", "引进", "新建",
            "改造", "调取", "汇集", "压减", "化解", "打造", "再开工", "推动");
    /** Words that end a subject without being part of it: 草原植被盖度提升4.5个百分点, 办结率均超95%. */
    private static final List<String> TRAILING = List.of("分别提高", "分别", "提高", "提升", "增长", "下降", "均超", "均保持",
            "保持在", "保持", "稳定在", "达到", "均为", "年均", "同比", "均", "达", "为", "共", "约", "超", "居全区同类型监管区", "居全区",
            "全区", "居");
    /** Words that open a clause without being part of its subject. */
    private static final List<String> LEADING = List.of("力争", "新开工", "生产", "累计", "全市", "提升", "建设", "为", "对");
    private static final Pattern AFTER_VERBS = Pattern.compile("实现|开展|完成|全部|列入|入选|获|喜圆|落地|揭牌|通过|达到|发放|在|水质|取得|建设"
            + "|(?:增加|增长|提高|提升|上升|跃升|下降|降低|缩小|减少|整合)(?:到|至)");
    /** The 从/由 that opens a start value, with what follows it up to the figure: …从2020年的3.68万亿元增长到. */
    private static final Pattern FROM_TO = Pattern.compile("(?:从|由)(?:上年|全国|平均|(?:19|20)[0-9]{2}年的?)?(?:[0-9.]+[^，,。；]{0,12}?(?:到|至)(?:(?:19|20)[0-9]{2}年的?)?)?$");
    /** A change verb that ends on the level reached (提高到25.5%): the figure is a level, not a change. */
    private static final Pattern LEVEL_REACHED = Pattern.compile("(?:到|至)$");

    private FigureExtractor() {
    }

    /** What a report prints: its figures, the passages it repeats, and the subjects printed with two values. */
    public record Extraction(ReportText report, List<ExtractedFigure> figures, List<RepeatedPassage> repeatedPassages,
                             List<String> conflicts) {
    }

    private record Clause(int start, int end) {
    }

    private enum Form { ARABIC, CHINESE, TENTHS, RANK }

    /** A figure found in the text: where, in which form, and its parts (prefix word, magnitude, unit …). */
    private record Found(int start, int end, Form form, String normalisedText, String prefix, String number, String fraction,
                         String inner, String magnitude, String unit, String paren, String suffix) {

        boolean unitPrinted() {
            return unit != null || form == Form.TENTHS;
        }
    }

    /** The figures of a report, with the measure words shipped inside the jar. */
    public static Extraction extract(ReportText report) {
        return extract(report, ReportUnits.defaults());
    }

    public static Extraction extract(ReportText report, ReportUnits units) {
        String text = report.normalised();
        List<Clause> clauses = clauses(report);
        List<RepeatedPassage> passages = repeatedPassages(report, clauses);
        List<Found> found = find(report, units);

        Map<Integer, ExtractedFigure> byPosition = new LinkedHashMap<>();
        List<ExtractedFigure> figures = new ArrayList<>();
        Map<ExtractedFigure, Found> foundOf = new HashMap<>();
        FigureKind previousKind = null;
        String previousSubject = null;
        int previousEnd = -1;
        for (Found f : found) {
            RepeatedPassage passage = passages.stream().filter(p -> p.containsAgain(f.start())).findFirst().orElse(null);
            if (passage != null) {
                int original = f.start() - passage.againStart() + passage.firstStart();
                ExtractedFigure first = byPosition.get(original);
                if (first != null && first.printedText().equals(report.printed().substring(f.start(), f.end()))) {
                    ExtractedFigure counted = first.withOccurrences(first.occurrences() + 1);
                    byPosition.put(original, counted);
                    figures.set(figures.indexOf(first), counted);
                    foundOf.put(counted, foundOf.get(first));
                    continue;
                }
            }
            Clause clause = clauseAt(clauses, f.start());
            String before = text.substring(clause.start(), f.start());
            String after = text.substring(f.end(), clause.end());
            boolean listContinues = clause.start() > 0 && text.charAt(clause.start() - 1) == '、' && previousEnd >= clause.start() - 60;
            boolean near = previousEnd >= clause.start() - 60;
            ExtractedFigure figure;
            try {
                figure = build(report, units, f, clause, before, after, listContinues ? previousKind : null,
                        listContinues || clause.start() < previousEnd || f.form() == Form.RANK && near ? previousSubject : null,
                        previousClause(text, clauses, clause));
            } catch (IllegalArgumentException notANumber) {
                continue; // words that only look like a numeral: “百千万”工程
            }
            byPosition.put(f.start(), figure);
            figures.add(figure);
            foundOf.put(figure, f);
            previousKind = figure.kind();
            previousSubject = figure.subject();
            previousEnd = f.end();
        }
        figures = rangesAndLists(text, figures, foundOf);
        List<String> conflicts = new ArrayList<>();
        figures = numberAndFlag(text, figures, conflicts);
        return new Extraction(report, List.copyOf(figures), passages, List.copyOf(conflicts));
    }

    private static ExtractedFigure build(ReportText report, ReportUnits units, Found f, Clause clause, String before, String after,
                                         FigureKind listKind, String previousSubject, String previousClause) {
        String printed = report.printed().substring(f.start(), f.end());
        String quote = report.printed().substring(clause.start(), clause.end());
        String section = report.sectionAt(f.start());
        String period = period(report, f, before, after);
        if (f.form() == Form.RANK) {
            BigDecimal value = new BigDecimal(f.number());
            return new ExtractedFigure(null, section, period, subject(before, "", false, previousSubject), printed, value, "", false,
                    Qualifier.EXACT, FigureKind.RANK, 1, quote, "", f.start(), null, Detail.NONE);
        }
        PrintedFigure parsed = read(f, printed);
        String unit = parsed.unit();
        boolean unitPrinted = f.unitPrinted();
        if (!unitPrinted && f.fraction() == null) {
            unit = impliedUnit(after);
        }
        boolean nounFollows = units.isCounting(unit) || !unitPrinted;
        String subject = subject(before, after, nounFollows, previousSubject);
        if (subject.isEmpty() && !clean(before).isEmpty()) {
            subject = clean(previousClause); // 京蒙协作和中央单位定点帮扶扎实推进,投入5.2亿元
        }
        FigureKind kind = f.fraction() != null ? FigureKind.RATIO : kind(units, unit, before, subject, listKind);
        Detail doubt = Detail.NONE;
        if (unit.isEmpty() && f.fraction() == null) {
            doubt = Detail.of("figures.check.no.unit");
        } else if (units.kindOf(unit) == ReportUnits.Kind.DURATION) {
            doubt = Detail.of("figures.check.duration");
        } else if (before.endsWith("“") || before.endsWith("\"") || after.startsWith("”") || after.startsWith("\"")) {
            doubt = Detail.of("figures.check.quoted");
        }
        return new ExtractedFigure(null, section, period, subject, printed, plain(parsed.value()), unit, unitPrinted,
                parsed.qualifier(), kind, 1, quote, "", f.start(), parsed, doubt);
    }

    /** The period of a figure: its passage's, or the year printed right before it, or the year before a start value. */
    private static String period(ReportText report, Found f, String before, String after) {
        String period = report.periodAt(f.start());
        Matcher year = YEAR_BEFORE.matcher(before);
        if (year.find()) {
            return year.group(1);
        }
        Matcher planEnd = PLAN_END_BEFORE.matcher(before);
        if (planEnd.find()) {
            return String.valueOf(1985 + 5 * ("一二三四五六七八九".indexOf(planEnd.group(1)) + 1 + 10 - 6));
        }
        if (START_VALUE_BEFORE.matcher(before).find() && START_VALUE_AFTER.matcher(after).find() && period.matches("[0-9]{4}.*")) {
            return String.valueOf(Integer.parseInt(period.substring(0, 4)) - 1);
        }
        String plan = report.reviewedPlanAt(f.start());
        if (!plan.isEmpty() && period.equals(String.valueOf(report.reviewYear())) && FIVE_YEAR_WORDS.matcher(before).find()) {
            return plan;
        }
        return period;
    }

    /** The figure taken apart: the published-figure parser for what it reads, and the forms it does not. */
    private static PrintedFigure read(Found f, String printed) {
        Qualifier prefixQualifier = switch (f.prefix() == null ? "" : f.prefix()) {
            case "接近", "近" -> Qualifier.NEARLY;
            case "突破", "超过", "超", "逾", "破" -> Qualifier.MORE_THAN;
            case "约" -> Qualifier.ABOUT;
            case "不少于", "不低于" -> Qualifier.AT_LEAST;
            default -> Qualifier.EXACT;
        };
        if (f.form() == Form.TENTHS) {
            Qualifier q = f.suffix() == null ? prefixQualifier
                    : f.suffix().equals("左右") ? Qualifier.ABOUT : f.suffix().equals("以上") ? Qualifier.AT_LEAST : Qualifier.MORE_THAN;
            BigDecimal tenths = BigDecimal.valueOf(10L * ("一二三四五六七八九".indexOf(f.number()) + 1));
            return new PrintedFigure(printed, q, tenths, BigDecimal.ONE, "", "%", 0, true);
        }
        if (f.fraction() != null) {
            BigDecimal value = new BigDecimal(f.number()).divide(new BigDecimal(f.fraction().substring(1)), 4, RoundingMode.HALF_UP);
            return new PrintedFigure(printed, prefixQualifier, value, BigDecimal.ONE, "", "", 4, false);
        }
        if (f.form() == Form.CHINESE) {
            PrintedFigure p = PrintedFigureParser.parse(f.normalisedText().replaceFirst("^(突破|接近|不低于)", ""));
            return new PrintedFigure(printed, p.qualifier() == Qualifier.EXACT ? prefixQualifier : p.qualifier(), p.number(),
                    p.magnitude(), p.magnitudeWord(), p.unit(), p.decimals(), true);
        }
        // 8千亿 is read as 8亿 × 1000, 1370多亿元 as 1370亿多元
        String magnitude = f.magnitude() == null ? "" : f.magnitude();
        BigDecimal scale = BigDecimal.ONE;
        if (magnitude.startsWith("千") || magnitude.startsWith("百")) {
            scale = magnitude.startsWith("千") ? BigDecimal.valueOf(1000) : BigDecimal.valueOf(100);
            magnitude = magnitude.substring(1);
        }
        String inner = f.inner() == null ? "" : f.inner();
        String suffix = f.suffix() == null ? "" : f.suffix();
        String unit = f.unit() == null ? "" : f.unit() + (f.paren() == null ? "" : f.paren());
        PrintedFigure p = PrintedFigureParser.parse(f.number() + magnitude + inner + unit + suffix);
        Qualifier qualifier = p.qualifier() == Qualifier.EXACT ? prefixQualifier : p.qualifier();
        return new PrintedFigure(printed, qualifier, p.number(), p.magnitude().multiply(scale),
                (scale.intValue() == 1000 ? "千" : scale.intValue() == 100 ? "百" : "") + p.magnitudeWord(), p.unit(), p.decimals(), false);
    }

    private static List<Found> find(ReportText report, ReportUnits units) {
        String text = report.normalised();
        TreeMap<Integer, Found> found = new TreeMap<>();
        Matcher rank = RANK.matcher(text);
        while (rank.find()) {
            if (!inHeading(report, rank.start())) {
                found.put(rank.start(), new Found(rank.start(), rank.end(), Form.RANK, rank.group(), null, rank.group("num"),
                        null, null, null, null, null, null));
            }
        }
        Matcher m = Pattern.compile(ARABIC.replace("UNITS", units.alternation())).matcher(text);
        while (m.find()) {
            int numStart = m.start("num");
            if (inHeading(report, m.start()) || (numStart > 0 && text.charAt(numStart - 1) == '第') || notAFigure(text, m, units)) {
                continue;
            }
            // 多 before the magnitude (1370多亿元), after it (10亿多元) or after the unit at the end of a clause (增长2倍多)
            String inner = m.group("innerBefore") != null ? m.group("innerBefore") : m.group("inner") != null ? m.group("inner") : m.group("after");
            found.put(m.start(), new Found(m.start(), m.end(), Form.ARABIC, m.group(), m.group("pre"), m.group("num"), m.group("frac"),
                    inner, m.group("mag"), m.group("unit"), m.group("paren"), m.group("suf")));
        }
        Matcher t = TENTHS.matcher(text);
        while (t.find()) {
            boolean qualified = t.group("pre") != null || t.group("suf") != null
                    || t.start() > 0 && "占达为".indexOf(text.charAt(t.start() - 1)) >= 0;
            if (qualified && !inHeading(report, t.start()) && !overlaps(found, t.start(), t.end())) {
                found.put(t.start(), new Found(t.start(), t.end(), Form.TENTHS, t.group(), t.group("pre"), t.group("num"), null,
                        null, null, null, null, t.group("suf")));
            }
        }
        Matcher c = Pattern.compile(CHINESE.replace("UNITS", units.alternation())).matcher(text);
        while (c.find()) {
            boolean classOrList = c.end() < text.length() && text.charAt(c.end()) == '级';
            if (!classOrList && !inHeading(report, c.start()) && !overlaps(found, c.start(), c.end())) {
                found.put(c.start(), new Found(c.start(), c.end(), Form.CHINESE, c.group(), c.group("cpre"), null, null,
                        null, null, c.group("unit"), null, c.group("suf")));
            }
        }
        return List.copyOf(found.values());
    }

    private static boolean overlaps(TreeMap<Integer, Found> found, int start, int end) {
        Map.Entry<Integer, Found> before = found.floorEntry(end - 1);
        return before != null && before.getValue().end() > start;
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Years, dates, anniversaries, names with digits, classes, bases of a ratio, list titles and time windows. */
    private static boolean notAFigure(String text, Matcher m, ReportUnits units) {
        String num = m.group("num");
        int numStart = m.start("num");
        int numEnd = m.end("num");
        String unit = m.group("unit");
        boolean bare = m.group("pre") == null && m.group("mag") == null && m.group("inner") == null && m.group("innerBefore") == null
                && m.group("frac") == null;
        char next = numEnd < text.length() ? text.charAt(numEnd) : ' ';
        char previous = numStart > 0 ? text.charAt(numStart - 1) : ' ';
        char afterMatch = m.end() < text.length() ? text.charAt(m.end()) : ' ';
        String rest = text.substring(numEnd, Math.min(text.length(), numEnd + 3));
        String afterAll = text.substring(m.end(), Math.min(text.length(), m.end() + 6));
        String beforeAll = text.substring(Math.max(0, m.start() - 4), m.start());
        boolean yearLike = bare && num.matches("(19|20)[0-9]{2}");
        if (yearLike && (next == '年' || text.startsWith("-", numEnd) || text.startsWith("—", numEnd) || text.startsWith("~", numEnd)
                || text.startsWith("至", numEnd))) {
            return true; // a year: 2024年, 2021-2025
        }
        if (yearLike && unit == null && isChinese(next)) {
            return true; // a name with a year: 2025中国足协杯, 煤炭2030国家科技重大专项
        }
        if (bare && (next == '月' || next == '日')) {
            return true; // a date: 6月底前
        }
        if (rest.startsWith("周年")) {
            return true; // an anniversary: 成立75周年
        }
        if (isLatin(afterMatch) && unit != null && isLatin(unit.charAt(unit.length() - 1)) || unit == null && isLatin(next)) {
            return true; // 5G, 3C级, PM10 (11.4万P is a unit)
        }
        if (bare && unit == null && (isLatin(previous) || previous == '_')) {
            return true; // PM2.5, PM_2.5 (PVA2条产业链 is two chains: a unit follows)
        }
        if (bare && unit == null && (rest.startsWith("热线") || rest.startsWith("线") || rest.startsWith("版") || rest.startsWith("型")
                || rest.startsWith("号") || rest.startsWith("国道") || rest.startsWith("省道") || rest.startsWith("强")
                || next == '.' || num.matches("[0-9]+\\.0"))) {
            return true; // 12345热线, 国道335线, 2.0版, 331国道, 世界500强, 自贸区3.0
        }
        if ((previous == '“' || previous == '"') && (afterMatch == '”' || afterMatch == '"') || insideName(text, m.start())) {
            return true; // a name in quotes or a title: “2121”工程, “15分钟社区生活圈”, 《哪吒2》
        }
        if (beforeAll.endsWith("国道") || beforeAll.endsWith("省道") || beforeAll.endsWith("县道")) {
            return true; // 国道318川藏线
        }
        if (bare && unit == null && "—-~–".indexOf(next) >= 0 && text.substring(numEnd + 1, Math.min(text.length(), numEnd + 6)).matches("^[0-9]+岁.*")) {
            return true; // the lower bound of an age class: 0—6岁儿童
        }
        if ("·+×*".indexOf(previous) >= 0 || "·+×*".indexOf(afterMatch) >= 0 || text.startsWith(" +", m.end())) {
            return true; // “5·18”, 1+10+N, 7×24
        }
        if (afterMatch == '级' || unit != null && units.kindOf(unit) == ReportUnits.Kind.CLASS) {
            return true; // a class or size: 30万吨级, 1000吨级, 6.2级地震, 220千伏, 8英寸
        }
        if (previous == '每' || beforeAll.endsWith("单笔") || beforeAll.endsWith("单个")) {
            return true; // the base of a ratio or a size class: 每10万人, 单笔50万元以下
        }
        if ("岁".equals(unit) && isChinese(afterMatch) || "人".equals(unit) && afterAll.matches("^口(以上|以下|及以上).*")) {
            return true; // an age or size class: 80岁以上老年人, 3岁以下婴幼儿, 20万人口以上的县
        }
        if ("个".equals(unit) && afterAll.startsWith("方面")) {
            return true; // the count of a list's titles: 主要做了6个方面工作
        }
        if (unit != null && units.kindOf(unit) == ReportUnits.Kind.DURATION
                && ("近".equals(m.group("pre")) || beforeAll.matches(".*(前|这|最近|过去|未来|每)$") || WINDOW_AFTER.matcher(afterAll).find())) {
            return true; // a time window: 近3年提升21个百分点, 3年增长58.6%
        }
        return bare && unit == null && m.group("suf") == null && num.length() >= 5 && !num.contains(".");
    }

    /** Whether a position sits inside 《…》 or inside a short “…”, where a number is part of a name. */
    private static boolean insideName(String text, int position) {
        int open = Math.max(text.lastIndexOf('《', position), text.lastIndexOf('“', position));
        if (open < 0 || position - open > 15) {
            return false;
        }
        char opener = text.charAt(open);
        int close = text.indexOf(opener == '《' ? '》' : '”', position);
        int lineEnd = text.indexOf('\n', position);
        int closeBefore = text.lastIndexOf(opener == '《' ? '》' : '”', position);
        return close > position && closeBefore < open && (lineEnd < 0 || close < lineEnd) && close - open <= 16;
    }

    private static boolean isChinese(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }

    private static boolean isLatin(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean inHeading(ReportText report, int position) {
        return report.headings().stream().anyMatch(h -> position >= h.start() && position < h.end());
    }

    /**
     * Ranges and lists whose items share a word: {@code 4.5%—5%} and {@code 2—4家} are a lower bound (at least)
     * and an upper bound (up to) with one unit; in {@code 分别超过2%、5%} the 超过 applies to every item.
     */
    private static List<ExtractedFigure> rangesAndLists(String text, List<ExtractedFigure> figures, Map<ExtractedFigure, Found> foundOf) {
        List<ExtractedFigure> result = new ArrayList<>(figures);
        for (int i = 1; i < result.size(); i++) {
            ExtractedFigure previous = result.get(i - 1);
            ExtractedFigure current = result.get(i);
            Found p = foundOf.get(figures.get(i - 1));
            Found c = foundOf.get(figures.get(i));
            if (p == null || c == null || p.form() == Form.RANK || c.form() == Form.RANK || p.end() > c.start()) {
                continue;
            }
            String between = text.substring(p.end(), c.start());
            if (between.matches("[—\\-~–]") && previous.qualifier() == Qualifier.EXACT && current.qualifier() == Qualifier.EXACT) {
                ExtractedFigure lower = previous;
                if (p.unit() == null && p.magnitude() == null && c.unitPrinted() && current.figure() != null) {
                    lower = withUnit(previous, previous.value().multiply(current.figure().magnitude()), current.unit(), current.kind());
                }
                result.set(i - 1, relabel(lower, Qualifier.AT_LEAST, Detail.of("figures.check.lower.bound")));
                result.set(i, relabel(current, Qualifier.UP_TO, Detail.of("figures.check.upper.bound")));
            } else if (between.equals("、") && current.unitPrinted() && "个百分点".equals(current.unit()) && "个".equals(p.unit())) {
                // 分别快于全国3.4个、1个百分点
                result.set(i - 1, relabelUnit(previous, current.unit(), current.kind(), Detail.of("figures.check.unit.carried")));
            } else if (between.equals("、") && p.unit() == null && p.magnitude() == null && p.fraction() == null && c.unitPrinted()
                    && current.figure() != null && text.startsWith("分别", p.start() - 2)) {
                // 分别增长5、8个百分点
                ExtractedFigure carried = withUnit(previous, previous.value().multiply(current.figure().magnitude()), current.unit(),
                        current.kind());
                result.set(i - 1, relabel(carried, carried.qualifier(), Detail.of("figures.check.unit.carried")));
            } else if (between.equals("、") && current.qualifier() == Qualifier.EXACT && c.prefix() == null
                    && previous.qualifier() != Qualifier.EXACT
                    && (p.prefix() != null && text.startsWith("分别", p.start() - 2) || previous.doubt().key().equals(QUALIFIER_CARRIED))) {
                String word = p.prefix() != null ? p.prefix() : previous.doubt().args().get(0);
                result.set(i, relabel(current, previous.qualifier(), Detail.of(QUALIFIER_CARRIED, word)));
            }
        }
        return result;
    }

    private static ExtractedFigure relabel(ExtractedFigure f, Qualifier qualifier, Detail doubt) {
        return new ExtractedFigure(f.id(), f.section(), f.period(), f.subject(), f.printedText(), f.value(), f.unit(), f.unitPrinted(),
                qualifier, f.kind(), f.occurrences(), f.quote(), f.note(), f.position(), f.figure(), doubt);
    }

    private static ExtractedFigure relabelUnit(ExtractedFigure f, String unit, FigureKind kind, Detail doubt) {
        return new ExtractedFigure(f.id(), f.section(), f.period(), f.subject(), f.printedText(), f.value(), unit, f.unitPrinted(),
                f.qualifier(), kind, f.occurrences(), f.quote(), f.note(), f.position(), f.figure(), doubt);
    }

    private static ExtractedFigure withUnit(ExtractedFigure f, BigDecimal value, String unit, FigureKind kind) {
        return new ExtractedFigure(f.id(), f.section(), f.period(), f.subject(), f.printedText(), plain(value), unit, false,
                f.qualifier(), kind, f.occurrences(), f.quote(), f.note(), f.position(), f.figure(), f.doubt());
    }

    /** The unit a figure printed without one takes from its noun: 1.38万动态监测户 → 户, 17.4万孤老残幼 → 人. */
    private static String impliedUnit(String after) {
        String noun = after;
        Matcher verb = Pattern.compile("实现|开展|完成|发放|喜圆|获|在|入选|列入|通过").matcher(noun);
        if (verb.find()) {
            noun = noun.substring(0, verb.start());
        }
        if (noun.endsWith("户")) {
            return "户";
        }
        if (noun.matches(".*(群众|群体|人员|人口|孤老|居民|农民|职工|学生|人才|残疾人|儿童|婴幼儿|老年人|妇女|青年|患者|毕业生).*")) {
            return "人";
        }
        return "";
    }

    /**
     * The words a figure measures. A count printed before its noun ({@code 5个国家断面}, {@code 1.38万动态监测户})
     * measures that noun; otherwise the figure closes its clause and measures what precedes it, after the verb
     * that introduces it ({@code 建成科技企业孵化器5家} → 科技企业孵化器) and without a trailing 达/增长/均超.
     * A clause with nothing but the figure ({@code 达到53.4%}) continues the subject of the figure before it.
     */
    static String subject(String before, String after, boolean nounFollows, String previousSubject) {
        String a = clean(after);
        Matcher afterVerb = AFTER_VERBS.matcher(a);
        if (afterVerb.find()) {
            a = a.substring(0, afterVerb.start());
        }
        a = a.replaceFirst("^(的|以上的)", "");
        if (nounFollows && a.length() >= 2) {
            return a;
        }
        String b = clean(before);
        Matcher fromTo = FROM_TO.matcher(b);
        if (fromTo.find()) {
            b = b.substring(0, fromTo.start()); // 全省生产总值从2020年的3.68万亿元增长到…: 全省生产总值
        }
        if ((b.endsWith("和") || b.endsWith("及")) && b.matches(".*[0-9].*")) {
            b = b.substring(0, firstDigitRun(b)); // 覆盖率分别提高34.4%和23.4个百分点: the same subject
        }
        b = stripTrailing(b);
        int cut = -1;
        for (String verb : VERBS) {
            int i = b.lastIndexOf(verb);
            if (i >= 0 && i + verb.length() > cut && b.length() - (i + verb.length()) >= 2) {
                cut = i + verb.length();
            }
        }
        if (cut > 0) {
            b = b.substring(cut);
        }
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String lead : LEADING) {
                if (b.startsWith(lead)) {
                    b = b.substring(lead.length());
                    stripped = true;
                }
            }
        }
        if (VERBS.contains(b) || TRAILING.contains(b)) {
            b = "";
        }
        if (b.length() >= 2) {
            return b;
        }
        if (a.length() >= 2) {
            return a;
        }
        return previousSubject == null ? "" : stripTrailing(previousSubject);
    }

    private static String stripTrailing(String b) {
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String t : TRAILING) {
                if (b.endsWith(t) && b.length() > t.length()) {
                    b = b.substring(0, b.length() - t.length());
                    stripped = true;
                    break;
                }
            }
        }
        return b;
    }

    private static int firstDigitRun(String s) {
        Matcher m = Pattern.compile("(分别)?(提高|提升|增长|下降|降低)?[0-9]").matcher(s);
        return m.find() ? m.start() : s.length();
    }

    private static String clean(String s) {
        return s.replaceAll("[“”\"‘’*#\\s]", "").strip();
    }

    private static FigureKind kind(ReportUnits units, String unit, String before, String subject, FigureKind listKind) {
        ReportUnits.Kind kind = units.kindOf(unit);
        if (kind == ReportUnits.Kind.PP_CHANGE) {
            return FigureKind.PP_CHANGE;
        }
        if (unit.equals("%")) {
            if (CHANGE.matcher(before).find() && !LEVEL_REACHED.matcher(before).find()) {
                return FigureKind.GROWTH_RATE;
            }
            return listKind == FigureKind.GROWTH_RATE && !before.contains("达") ? FigureKind.GROWTH_RATE : FigureKind.RATE;
        }
        if (kind == ReportUnits.Kind.RATE) {
            return FigureKind.RATE;
        }
        if (kind == ReportUnits.Kind.RATIO || unit.contains("/") || PER.matcher(before).find()) {
            return FigureKind.RATIO;
        }
        if (kind == ReportUnits.Kind.AMOUNT) {
            return FigureKind.AMOUNT;
        }
        if (kind == ReportUnits.Kind.AREA) {
            return FigureKind.AREA;
        }
        if (kind == ReportUnits.Kind.LENGTH) {
            return FigureKind.LENGTH;
        }
        if (units.isCounting(unit) || unit.matches(".+\\(.+\\)") && units.isCounting(unit.substring(0, unit.indexOf('(')))) {
            return FigureKind.COUNT;
        }
        if (unit.isEmpty() && subject.matches(".*(量|数|件|次)$")) {
            return FigureKind.COUNT;
        }
        return FigureKind.OTHER;
    }

    /**
     * Ids in print order, and a note on every figure whose subject the same period prints with another value in
     * another sentence. Figures of one sentence that share a subject are a list or a range
     * ({@code 分别增长7.5%、11.5%}), not two claims, and are left out of the comparison.
     */
    private static List<ExtractedFigure> numberAndFlag(String text, List<ExtractedFigure> figures, List<String> conflicts) {
        // the same subject of the same kind (four characters or more: 乡镇, 幼儿园 or 产业链 name nothing in
        // particular), or the same clause with another figure in it, printed in one period with different values
        Map<String, List<ExtractedFigure>> groups = new LinkedHashMap<>();
        for (ExtractedFigure f : figures) {
            if (f.kind() == FigureKind.RANK) {
                continue;
            }
            if (f.subject().length() >= 4 && !COMPARISON.matcher(f.subject()).lookingAt()) {
                groups.computeIfAbsent(f.period() + "|" + f.kind() + "|subject|" + f.subject(), k -> new ArrayList<>()).add(f);
            }
            String frame = ReportText.normalise(f.quote()).replace(ReportText.normalise(f.printedText()), "#");
            if (frame.replace("#", "").length() >= 6 && !COMPARISON.matcher(frame).lookingAt()) {
                // a clause that is the figure alone (an item of 分别增长7.5%、11.5%) says nothing of its own
                groups.computeIfAbsent(f.period() + "|clause|" + frame, k -> new ArrayList<>()).add(f);
            }
        }
        Map<ExtractedFigure, String> notes = new HashMap<>();
        for (List<ExtractedFigure> group : groups.values()) {
            Map<Integer, List<ExtractedFigure>> bySentence = group.stream()
                    .collect(Collectors.groupingBy(f -> sentenceStart(text, f.position()), LinkedHashMap::new, Collectors.toList()));
            List<ExtractedFigure> same = bySentence.values().stream().filter(s -> s.size() == 1).map(s -> s.get(0)).toList();
            long values = same.stream().map(f -> f.value().stripTrailingZeros().toPlainString() + f.unit()).distinct().count();
            if (same.size() > 1 && values > 1) {
                String all = same.stream().map(f -> f.printedText() + " (" + f.section() + ")").collect(Collectors.joining(", "));
                String conflict = same.get(0).period() + " " + same.get(0).subject() + ": " + all;
                if (!conflicts.contains(conflict)) {
                    conflicts.add(conflict);
                }
                for (ExtractedFigure f : same) {
                    notes.put(f, all);
                }
            }
        }
        List<ExtractedFigure> result = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            ExtractedFigure f = figures.get(i);
            result.add(f.withIdAndNote(String.format(Locale.ROOT, "F%03d", i + 1), notes.getOrDefault(f, "")));
        }
        return result;
    }

    private static int sentenceStart(String text, int position) {
        int start = position;
        while (start > 0 && "。！？!?\n".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        return start;
    }

    // ---- clauses and repeated passages ------------------------------------------------------------------

    /** Clauses: split at ，。；、：！？ and line ends, but not inside “…”, 《…》 or (…); headings are their own. */
    static List<Clause> clauses(ReportText report) {
        String text = report.normalised();
        List<Clause> clauses = new ArrayList<>();
        int start = 0;
        int quoteDepth = 0;
        int bracketDepth = 0;
        int parenDepth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '“' -> quoteDepth++;
                case '”' -> quoteDepth = Math.max(0, quoteDepth - 1);
                case '《' -> bracketDepth++;
                case '》' -> bracketDepth = Math.max(0, bracketDepth - 1);
                case '(' -> parenDepth++;
                case ')' -> parenDepth = Math.max(0, parenDepth - 1);
                default -> {
                }
            }
            boolean hard = c == '。' || c == '\n' || c == '!' || c == '?' || c == '！' || c == '？';
            if (hard) {
                quoteDepth = 0;
                bracketDepth = 0;
                parenDepth = 0;
            }
            boolean headingEnd = false;
            for (ReportText.Heading h : report.headings()) {
                if (h.end() == i + 1) {
                    headingEnd = true;
                    break;
                }
            }
            if (hard || headingEnd || SEPARATORS.indexOf(c) >= 0 && quoteDepth == 0 && bracketDepth == 0 && parenDepth == 0) {
                int end = headingEnd && !hard ? i + 1 : i;
                add(clauses, text, start, end);
                start = i + 1;
            }
        }
        add(clauses, text, start, text.length());
        return clauses;
    }

    private static void add(List<Clause> clauses, String text, int start, int end) {
        while (start < end && isTrim(text.charAt(start))) {
            start++;
        }
        while (end > start && isTrim(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            clauses.add(new Clause(start, end));
        }
    }

    private static boolean isTrim(char c) {
        return Character.isWhitespace(c) || c == '*' || c == '#' || c == '\u3000';
    }

    /** The clause before this one in the same sentence, or "". */
    private static String previousClause(String text, List<Clause> clauses, Clause clause) {
        int i = clauses.indexOf(clause);
        if (i <= 0) {
            return "";
        }
        Clause previous = clauses.get(i - 1);
        String between = text.substring(previous.end(), clause.start());
        return between.contains("。") || between.contains("\n") ? "" : text.substring(previous.start(), previous.end());
    }

    private static Clause clauseAt(List<Clause> clauses, int position) {
        for (Clause c : clauses) {
            if (position >= c.start() && position < c.end()) {
                return c;
            }
        }
        return new Clause(position, position);
    }

    /**
     * Passages printed twice: runs of at least two equal clauses, 40 characters or more, widened character by
     * character to where the two copies part.
     */
    static List<RepeatedPassage> repeatedPassages(ReportText report, List<Clause> clauses) {
        String text = report.normalised();
        List<String> keys = clauses.stream().map(c -> text.substring(c.start(), c.end())).toList();
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            positions.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(i);
        }
        List<RepeatedPassage> passages = new ArrayList<>();
        int coveredUntil = -1;
        for (int j = 0; j < keys.size(); j++) {
            if (j <= coveredUntil || keys.get(j).length() < 4) {
                continue;
            }
            for (int i : positions.get(keys.get(j))) {
                if (i >= j) {
                    break;
                }
                int k = 0;
                while (j + k < keys.size() && i + k < j && keys.get(i + k).equals(keys.get(j + k))) {
                    k++;
                }
                int s1 = clauses.get(i).start();
                int e1 = clauses.get(i + k - 1).end();
                int s2 = clauses.get(j).start();
                int e2 = clauses.get(j + k - 1).end();
                if (k < 2 || e1 - s1 < 40) {
                    continue;
                }
                while (s1 > 0 && s2 > e1 && text.charAt(s1 - 1) == text.charAt(s2 - 1)) {
                    s1--;
                    s2--;
                }
                while (e2 < text.length() && e1 < s2 && text.charAt(e1) == text.charAt(e2)) {
                    e1++;
                    e2++;
                }
                while (e2 > s2 && (Character.isWhitespace(text.charAt(e2 - 1)) || text.charAt(e2 - 1) == '*' || text.charAt(e2 - 1) == '#')) {
                    e1--;
                    e2--;
                }
                passages.add(new RepeatedPassage(s1, e1, report.sectionAt(s1), s2, e2, report.sectionAt(s2),
                        report.printed().substring(s2, e2)));
                coveredUntil = j + k - 1;
                break;
            }
        }
        return List.copyOf(passages);
    }
}
