package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.published.PrintedFigure;
import cn.ulanqab.stats.published.PrintedFigureParser;
import cn.ulanqab.stats.published.Qualifier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds every figure printed in a report: Arabic numbers with their magnitude word, unit and qualifier
 * ({@code 1.38万}, {@code 5.2亿元}, {@code 6%以上}, {@code 20余项}), Chinese numerals with a qualifier
 * ({@code 近千家}, {@code 破百万}, {@code 千余名}) and ranks ({@code 居全区第2}).
 * <p>
 * Not figures: years ({@code 2024年}), months ({@code 6月底}), anniversaries ({@code 75周年}), ordinal words
 * ({@code 一是}, {@code 第十届}), and names that contain digits: {@code 12345热线}, {@code 5G}, {@code 3C级},
 * {@code PM2.5}, {@code 2.0版}, {@code 国道335线}, {@code “2121”工程}.
 * <p>
 * The print repeats some passages by accident ({@link RepeatedPassage}); a figure printed again inside a
 * repeated passage is the same figure, counted in {@link ExtractedFigure#occurrences()}.
 */
public final class FigureExtractor {

    /** Units, longest first so that 个百分点 wins over 个 and 平方公里 over 公里. */
    private static final List<String> UNITS = List.of("微克/立方米", "个百分点", "百分点", "平方公里", "平方米", "立方米",
            "千瓦时", "千瓦", "公里", "千米", "公顷", "人次", "%", "元", "人", "户", "亩", "吨", "家", "项", "个", "件", "所",
            "张", "套", "处", "条", "台", "座", "名", "位", "列", "部", "场", "次", "批", "辆", "种", "首", "间", "栋", "倍",
            "米", "天");
    private static final String UNIT_ALTERNATION = UNITS.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    private static final String SUFFIX = "(?<suf>以上|不少于|左右|以下|以内)?";

    private static final Pattern ARABIC = Pattern.compile("(?<pre>超过|不少于|近|超|逾|破|约)?(?<num>[0-9]+(?:\\.[0-9]+)?)"
            + "(?<mag>万亿|亿|万)?(?<inner>余|多)?(?:(?<unit>" + UNIT_ALTERNATION + ")(?<paren>\\([^()]{1,2}\\))?)?" + SUFFIX);
    private static final Pattern CHINESE = Pattern.compile("(?:(?<pre>超过|近|超|逾|破|约)(?<num>[一二三四五六七八九两]?[十百千万亿]+)"
            + "(?<inner>余|多)?|(?<num2>[一二三四五六七八九两]?[十百千万]+)(?<inner2>余|多))(?<unit>" + UNIT_ALTERNATION + ")?" + SUFFIX);
    private static final Pattern RANK = Pattern.compile("第(?<num>[0-9]+)(?![0-9届版次批期章条季轮])");

    private static final Set<String> COUNTING_UNITS = Set.of("人", "户", "家", "项", "个", "件", "所", "张", "套", "处", "条", "台",
            "座", "名", "位", "列", "部", "场", "次", "人次", "批", "辆", "种", "首", "间", "栋");
    private static final Pattern CHANGE = Pattern.compile("增长|提高|提升|下降|降低|压减|减少|增加|增幅|降幅");
    private static final Pattern PER = Pattern.compile("每千|每万|每百|每周|每人|人均|平均每");
    private static final String SEPARATORS = "，,。；;、：:！!？?\n";
    /** Words that introduce what is counted; the subject is what follows the last of them in the clause. */
    private static final List<String> VERBS = List.of("建成", "实施", "开展", "完成", "登记", "办理", "受理", "创建", "培育",
            "认定", "投入", "种植", "治理", "消化盘活", "清缴", "推出", "举办", "筹集", "发放", "招聘", "开行", "引进", "新建",
            "改造", "调取", "汇集", "压减", "化解", "打造", "再开工", "推动");
    /** Words that end a subject without being part of it: 草原植被盖度提升4.5个百分点, 办结率均超95%. */
    private static final List<String> TRAILING = List.of("分别提高", "分别", "提高", "提升", "增长", "下降", "均超", "均保持",
            "保持", "稳定在", "达到", "均为", "均", "达", "为", "共", "约", "超", "居全区同类型监管区", "居全区", "全区", "居");
    /** Words that open a clause without being part of its subject. */
    private static final List<String> LEADING = List.of("力争", "新开工", "生产", "累计", "全市", "提升", "建设", "为", "对");
    private static final Pattern AFTER_VERBS = Pattern.compile("实现|开展|完成|全部|列入|入选|获|喜圆|落地|揭牌|通过|达到|发放|在|水质|取得|建设");

    private FigureExtractor() {
    }

    /** What a report prints: its figures, the passages it repeats, and the subjects printed with two values. */
    public record Extraction(ReportText report, List<ExtractedFigure> figures, List<RepeatedPassage> repeatedPassages,
                             List<String> conflicts) {
    }

    private record Clause(int start, int end) {
    }

    private record Found(int start, int end, String printed, String normalisedText, boolean rank, boolean unitPrinted,
                         boolean chinese) {
    }

    public static Extraction extract(ReportText report) {
        String text = report.normalised();
        List<Clause> clauses = clauses(report);
        List<RepeatedPassage> passages = repeatedPassages(report, clauses);
        List<Found> found = find(report);

        Map<Integer, ExtractedFigure> byPosition = new LinkedHashMap<>();
        List<ExtractedFigure> figures = new ArrayList<>();
        FigureKind previousKind = null;
        String previousSubject = null;
        int previousEnd = -1;
        for (Found f : found) {
            RepeatedPassage passage = passages.stream().filter(p -> p.containsAgain(f.start())).findFirst().orElse(null);
            if (passage != null) {
                int original = f.start() - passage.againStart() + passage.firstStart();
                ExtractedFigure first = byPosition.get(original);
                if (first != null && first.printedText().equals(f.printed())) {
                    ExtractedFigure counted = first.withOccurrences(first.occurrences() + 1);
                    byPosition.put(original, counted);
                    figures.set(figures.indexOf(first), counted);
                    continue;
                }
            }
            Clause clause = clauseAt(clauses, f.start());
            String before = text.substring(clause.start(), f.start());
            String after = text.substring(f.end(), clause.end());
            boolean listContinues = clause.start() > 0 && text.charAt(clause.start() - 1) == '、' && previousEnd >= clause.start() - 60;
            boolean near = previousEnd >= clause.start() - 60;
            ExtractedFigure figure = build(report, f, clause, before, after, listContinues ? previousKind : null,
                    listContinues || clause.start() < previousEnd || f.rank() && near ? previousSubject : null,
                    previousClause(text, clauses, clause));
            byPosition.put(f.start(), figure);
            figures.add(figure);
            previousKind = figure.kind();
            previousSubject = figure.subject();
            previousEnd = f.end();
        }
        List<String> conflicts = new ArrayList<>();
        figures = numberAndFlag(figures, conflicts);
        return new Extraction(report, List.copyOf(figures), passages, List.copyOf(conflicts));
    }

    private static ExtractedFigure build(ReportText report, Found f, Clause clause, String before, String after,
                                         FigureKind listKind, String previousSubject, String previousClause) {
        String quote = report.printed().substring(clause.start(), clause.end());
        String section = report.sectionAt(f.start());
        String period = report.periodAt(f.start());
        if (f.rank()) {
            BigDecimal value = new BigDecimal(f.normalisedText().substring(1));
            return new ExtractedFigure(null, section, period, subject(before, "", false, previousSubject), f.printed(), value, "", false,
                    Qualifier.EXACT, FigureKind.RANK, 1, quote, "", f.start(), null);
        }
        PrintedFigure parsed = PrintedFigureParser.parse(f.normalisedText());
        String unit = parsed.unit();
        boolean unitPrinted = !unit.isEmpty();
        if (!unitPrinted) {
            unit = impliedUnit(after);
        }
        boolean nounFollows = COUNTING_UNITS.contains(unit) || !unitPrinted;
        String subject = subject(before, after, nounFollows, previousSubject);
        if (subject.isEmpty() && !clean(before).isEmpty()) {
            subject = clean(previousClause); // 京蒙协作和中央单位定点帮扶扎实推进,投入5.2亿元
        }
        FigureKind kind = kind(unit, before, subject, listKind);
        return new ExtractedFigure(null, section, period, subject, f.printed(), plain(parsed.value()), unit, unitPrinted,
                parsed.qualifier(), kind, 1, quote, "", f.start(), parsed);
    }

    private static List<Found> find(ReportText report) {
        String text = report.normalised();
        String printed = report.printed();
        TreeMap<Integer, Found> found = new TreeMap<>();
        Matcher rank = RANK.matcher(text);
        while (rank.find()) {
            if (!inHeading(report, rank.start())) {
                found.put(rank.start(), new Found(rank.start(), rank.end(), printed.substring(rank.start(), rank.end()),
                        rank.group(), true, false, false));
            }
        }
        Matcher m = ARABIC.matcher(text);
        while (m.find()) {
            int numStart = m.start("num");
            int numEnd = m.end("num");
            if (inHeading(report, m.start()) || (numStart > 0 && text.charAt(numStart - 1) == '第') || notAFigure(text, m)) {
                continue;
            }
            found.put(m.start(), new Found(m.start(), m.end(), printed.substring(m.start(), m.end()), m.group(), false,
                    m.group("unit") != null, false));
        }
        Matcher c = CHINESE.matcher(text);
        while (c.find()) {
            Map.Entry<Integer, Found> overlapping = found.floorEntry(c.end() - 1);
            if (!inHeading(report, c.start()) && (overlapping == null || overlapping.getValue().end() <= c.start())) {
                found.put(c.start(), new Found(c.start(), c.end(), printed.substring(c.start(), c.end()), c.group(), false,
                        c.group("unit") != null, true));
            }
        }
        return List.copyOf(found.values());
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Years, months, anniversaries and names with digits in them. */
    private static boolean notAFigure(String text, Matcher m) {
        String num = m.group("num");
        int numStart = m.start("num");
        int numEnd = m.end("num");
        boolean bare = m.group("pre") == null && m.group("mag") == null && m.group("inner") == null;
        char next = numEnd < text.length() ? text.charAt(numEnd) : ' ';
        char previous = numStart > 0 ? text.charAt(numStart - 1) : ' ';
        String rest = text.substring(numEnd, Math.min(text.length(), numEnd + 3));
        if (bare && num.matches("(19|20)[0-9]{2}") && next == '年') {
            return true; // a year: 2024年
        }
        if (bare && (next == '月' || next == '日')) {
            return true; // a date: 6月底前
        }
        if (rest.startsWith("周年")) {
            return true; // an anniversary: 成立75周年
        }
        if (isLatin(next)) {
            return true; // 5G, 3C级
        }
        if (bare && m.group("unit") == null && isLatin(previous)) {
            return true; // PM2.5 (PVA2条产业链 is two chains: a unit follows)
        }
        if (bare && m.group("unit") == null && (rest.startsWith("热线") || rest.startsWith("线") || rest.startsWith("版")
                || rest.startsWith("型") || rest.startsWith("号") || next == '.' && m.group("unit") == null)) {
            return true; // 12345热线, 国道335线, 2.0版
        }
        if ((previous == '“' || previous == '"') && (next == '”' || next == '"')) {
            return true; // a name in quotes: “2121”工程
        }
        return bare && m.group("unit") == null && m.group("suf") == null && num.length() >= 5 && !num.contains(".");
    }

    private static boolean isLatin(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean inHeading(ReportText report, int position) {
        return report.headings().stream().anyMatch(h -> position >= h.start() && position < h.end());
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
        if (noun.matches(".*(群众|群体|人员|人口|孤老|居民|农民|职工|学生|人才).*")) {
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

    private static FigureKind kind(String unit, String before, String subject, FigureKind listKind) {
        if (unit.equals("个百分点") || unit.equals("百分点")) {
            return FigureKind.PP_CHANGE;
        }
        if (unit.equals("%")) {
            if (CHANGE.matcher(before).find()) {
                return FigureKind.GROWTH_RATE;
            }
            return listKind == FigureKind.GROWTH_RATE && !before.contains("达") ? FigureKind.GROWTH_RATE : FigureKind.RATE;
        }
        if (unit.contains("/") || PER.matcher(before).find()) {
            return FigureKind.RATIO;
        }
        if (unit.endsWith("元")) {
            return FigureKind.AMOUNT;
        }
        if (unit.equals("亩") || unit.equals("平方公里") || unit.equals("平方米") || unit.equals("公顷")) {
            return FigureKind.AREA;
        }
        if (unit.equals("公里") || unit.equals("千米") || unit.equals("米")) {
            return FigureKind.LENGTH;
        }
        if (COUNTING_UNITS.contains(unit) || unit.matches("[部个]\\(.+\\)")) {
            return FigureKind.COUNT;
        }
        if (unit.isEmpty() && subject.matches(".*(量|数|件|次)$")) {
            return FigureKind.COUNT;
        }
        return FigureKind.OTHER;
    }

    /** Ids in print order, and a note on every figure whose subject the same period prints with another value. */
    private static List<ExtractedFigure> numberAndFlag(List<ExtractedFigure> figures, List<String> conflicts) {
        // the same subject of the same kind (four characters or more: 乡镇, 幼儿园 or 产业链 name nothing in
        // particular), or the same
        // clause with another figure in it, printed twice in one period with different values
        Map<String, List<ExtractedFigure>> groups = new LinkedHashMap<>();
        for (ExtractedFigure f : figures) {
            if (f.kind() == FigureKind.RANK) {
                continue;
            }
            if (f.subject().length() >= 4) {
                groups.computeIfAbsent(f.period() + "|" + f.kind() + "|subject|" + f.subject(), k -> new ArrayList<>()).add(f);
            }
            String frame = ReportText.normalise(f.quote()).replace(ReportText.normalise(f.printedText()), "#");
            groups.computeIfAbsent(f.period() + "|clause|" + frame, k -> new ArrayList<>()).add(f);
        }
        Map<ExtractedFigure, String> notes = new HashMap<>();
        for (List<ExtractedFigure> same : groups.values()) {
            long values = same.stream().map(f -> f.value().stripTrailingZeros().toPlainString() + f.unit()).distinct().count();
            if (values > 1) {
                String all = same.stream().map(f -> f.printedText() + " (" + f.section() + ")").collect(Collectors.joining(", "));
                String conflict = same.get(0).period() + " " + same.get(0).subject() + ": " + all;
                if (!conflicts.contains(conflict)) {
                    conflicts.add(conflict);
                }
                for (ExtractedFigure f : same) {
                    notes.put(f, "subject printed with different values: " + all);
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
