package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.wording.Detail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a published report (UTF-8 plain text or Markdown) as printed, a normalised twin of it for
 * matching, its sections and the period each passage is about.
 * <p>
 * The normalised text has the same length as the print, character for character: full-width digits and
 * ASCII-able punctuation become ASCII, and the traditional characters a print slips in (電, 縛, 創 …) become
 * simplified. A position found in the normalised text therefore cuts the same passage out of the print,
 * which is what quotes keep.
 * <p>
 * Sections: a part heading {@code 二、…} and a subsection heading {@code (三) …}, either in Markdown markup
 * ({@code **…**}, {@code # …}) or on a short line of its own; a subsection heading that runs on into its
 * paragraph ({@code （一）着力扩大内需。正文…}) up to its first {@code 。}. A run-in subsection lasts until the
 * next heading, except the last of a part, which covers its own paragraph only: what follows it is in the
 * part. In a report with no numbered part, the marked headings other than the title
 * ({@code **“十四五”时期工作回顾**}) are its parts, numbered by their order; beside numbered parts, a marked
 * heading after the first part is an appendix, its own section with no period ({@code 名词解释}). Text before the first part
 * heading belongs to the part before it (a print that starts in the middle of part 一).
 * <p>
 * Periods: the plan year comes from the first part heading that names a year ({@code 二、2024年总体要求…} →
 * 2024; a year in a review heading such as {@code 一、2025年工作回顾…} is the year under review, so the plan
 * year is the next), else from the title. A part is about the year its heading names, or the span of the
 * five-year plan it names ({@code “十四五”时期工作回顾} → 2021-2025, {@code “十五五”时期主要目标任务} →
 * 2026-2030), or, naming neither, the year under review for a review part (回顾, 总结, or part 一) and the
 * plan year for the others. Inside a review part a paragraph that opens on the five years ({@code 这五年},
 * {@code 五年来}, {@code 过去五年}, {@code “十四五”时期是…的五年}) turns to the five-year span, and one that
 * opens on the year ({@code 过去一年}, {@code 一年来}, {@code 刚刚过去的2025年}, {@code 2025年是…}) back to
 * the year under review, until the part ends.
 */
public final class ReportText {

    private static final String NUMERALS = "一二三四五六七八九十";
    private static final Pattern PART = Pattern.compile("^([" + NUMERALS + "]{1,3})、(.*)$");
    private static final Pattern SUBSECTION = Pattern.compile("^\\(([" + NUMERALS + "]{1,3})\\)(.*)$");
    private static final Pattern RUN_IN_SUBSECTION = Pattern.compile("^\\(([" + NUMERALS + "]{1,3})\\)([^。\\n]{2,80}。)");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)[0-9]{2})年");
    /** A five-year plan named by its number: “十四五” is 2021-2025. */
    private static final Pattern FIVE_YEAR_PLAN = Pattern.compile("十([一二三四五六七八九])五");
    private static final Pattern REVIEW_WORDS = Pattern.compile("回顾|总结|成就|成绩");
    private static final Pattern OPENS_ON_FIVE_YEARS = Pattern.compile("这五年|五年来|过去五年|过去的五年|五年间|的五年");
    private static final Pattern OPENS_ON_THE_YEAR = Pattern.compile("^[^，。,]{0,6}?(过去一年|过去的一年|一年来|(?:19|20)[0-9]{2}年)");

    /** Traditional → simplified for the characters that slip into prints; one char for one char. */
    private static final Map<Character, Character> SIMPLIFIED = Map.ofEntries(
            Map.entry('電', '电'), Map.entry('縛', '缚'), Map.entry('創', '创'), Map.entry('萬', '万'),
            Map.entry('億', '亿'), Map.entry('兩', '两'), Map.entry('餘', '余'), Map.entry('約', '约'),
            Map.entry('過', '过'), Map.entry('內', '内'), Map.entry('業', '业'), Map.entry('產', '产'),
            Map.entry('區', '区'), Map.entry('農', '农'), Map.entry('發', '发'), Map.entry('經', '经'),
            Map.entry('濟', '济'), Map.entry('國', '国'), Map.entry('會', '会'), Map.entry('實', '实'),
            Map.entry('現', '现'), Map.entry('項', '项'), Map.entry('個', '个'), Map.entry('萊', '莱'),
            Map.entry('戶', '户'), Map.entry('畝', '亩'), Map.entry('噸', '吨'),
            Map.entry('點', '点'), Map.entry('達', '达'), Map.entry('為', '为'), Map.entry('長', '长'),
            Map.entry('場', '场'), Map.entry('務', '务'), Map.entry('護', '护'), Map.entry('環', '环'),
            Map.entry('體', '体'), Map.entry('數', '数'), Map.entry('與', '与'),
            Map.entry('鄉', '乡'), Map.entry('鎮', '镇'), Map.entry('縣', '县'), Map.entry('設', '设'),
            Map.entry('類', '类'), Map.entry('級', '级'), Map.entry('處', '处'), Map.entry('張', '张'),
            Map.entry('條', '条'), Map.entry('臺', '台'), Map.entry('檯', '台'), Map.entry('間', '间'));

    /**
     * A heading of the print: where it starts and ends, and the section it opens; {@code runIn} for a subsection
     * heading that shares its line with the paragraph it opens.
     */
    public record Heading(int start, int end, String section, String part, String title, boolean runIn) {

        boolean isPart() {
            return section.equals(part);
        }
    }

    private final Path file;
    private final String printed;
    private final String normalised;
    private final List<Heading> headings;
    private final int planYear;
    private final int reviewYear;
    /** Where a section starts, and its path. */
    private final TreeMap<Integer, String> sections = new TreeMap<>();
    /** Where a period starts, and its label: 2025, 2021-2025, n/a. */
    private final TreeMap<Integer, String> periods = new TreeMap<>();
    /** Where a part starts, and the span of the five-year plan it reviews ("" when it reviews none). */
    private final TreeMap<Integer, String> reviewedPlans = new TreeMap<>();

    private ReportText(Path file, String printed) {
        this.file = file;
        this.printed = printed;
        this.normalised = normalise(printed);
        this.headings = findHeadings(normalised);
        this.planYear = planYear(headings, normalised);
        this.reviewYear = planYear < 0 ? -1 : planYear - 1;
        labelSectionsAndPeriods();
    }

    private static int planYear(List<Heading> headings, String text) {
        for (Heading h : headings) {
            Matcher m = YEAR.matcher(h.title());
            if (h.isPart() && m.find()) {
                int year = Integer.parseInt(m.group(1));
                // a year named in a review heading (一、2025年工作回顾…) is the year under review
                return isReview(h) ? year + 1 : year;
            }
        }
        Matcher title = Pattern.compile("^[#*\\s]*((?:19|20)[0-9]{2})年[^\\n]{0,30}工作报告").matcher(text.strip());
        return title.find() ? Integer.parseInt(title.group(1)) : -1;
    }

    private static boolean isReview(Heading part) {
        return part.part().equals("一") || REVIEW_WORDS.matcher(part.title()).find();
    }

    /** The years of the five-year plan a heading names (十四五 → 2021-2025), or null. */
    private static String planSpan(String title) {
        Matcher m = FIVE_YEAR_PLAN.matcher(title);
        if (!m.find()) {
            return null;
        }
        int first = 1981 + 5 * ("一二三四五六七八九".indexOf(m.group(1)) + 1 + 10 - 6);
        return first + "-" + (first + 4);
    }

    private void labelSectionsAndPeriods() {
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            sections.put(h.start(), h.section());
            Heading next = i + 1 < headings.size() ? headings.get(i + 1) : null;
            if (h.runIn() && (next == null || next.isPart())) {
                // the last run-in subsection of a part covers its own paragraph: what follows is in the part
                int paragraphEnd = normalised.indexOf('\n', h.start());
                if (paragraphEnd >= 0 && (next == null || paragraphEnd + 1 < next.start())) {
                    sections.put(paragraphEnd + 1, h.part());
                }
            }
        }
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            if (!h.isPart() && i > 0) {
                continue;
            }
            // a part heading, or the first subsection of a print that starts inside a part
            int end = normalised.length();
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j).isPart()) {
                    end = headings.get(j).start();
                    break;
                }
            }
            labelPart(h, end);
        }
    }

    private void labelPart(Heading h, int end) {
        String title = h.isPart() ? h.title() : "";
        if (h.isPart() && !h.part().matches("[" + NUMERALS + "]+")) {
            periods.put(h.start(), "n/a"); // an appendix after the parts: 名词解释
            reviewedPlans.put(h.start(), "");
            return;
        }
        Matcher year = YEAR.matcher(title);
        String plan = planSpan(title);
        boolean review = isReview(h);
        String label;
        if (year.find()) {
            label = year.group(1);
        } else if (plan != null) {
            label = plan;
        } else if (planYear < 0) {
            label = "n/a";
        } else {
            label = String.valueOf(review ? reviewYear : planYear);
        }
        periods.put(h.start(), label);
        reviewedPlans.put(h.start(), review && plan != null ? plan : "");
        if (!review || planYear < 0) {
            return;
        }
        String fiveYears = plan != null ? plan : (reviewYear - 4) + "-" + reviewYear;
        String current = label;
        int lineStart = normalised.indexOf('\n', h.end());
        while (lineStart >= 0 && lineStart + 1 < end) {
            lineStart++;
            String opening = normalised.substring(lineStart, Math.min(end, lineStart + 40)).replaceAll("^[—\\-“\"*#\\s]+", "");
            int cut = opening.indexOf('\n');
            opening = cut >= 0 ? opening.substring(0, cut) : opening;
            Matcher theYear = OPENS_ON_THE_YEAR.matcher(opening);
            String switched = null;
            if (OPENS_ON_FIVE_YEARS.matcher(opening).find()) {
                switched = fiveYears;
            } else if (theYear.find() && (theYear.group(1).endsWith("年") && theYear.group(1).length() == 5
                    ? theYear.group(1).equals(reviewYear + "年") : true)) {
                switched = String.valueOf(reviewYear);
            }
            if (switched != null && !switched.equals(current)) {
                periods.put(lineStart, switched);
                current = switched;
            }
            lineStart = normalised.indexOf('\n', lineStart);
        }
    }

    /**
     * Reads a report: UTF-8 (a BOM is skipped), plain text or Markdown.
     *
     * @throws ConfigurationException naming the file and the fix when it is missing, not UTF-8 text or empty
     */
    public static ReportText read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw ConfigurationException.of(file.toString(), Detail.of("config.report.missing"),
                    Detail.of("fix.report.path", "input/reports/ulanqab-2024-government-work-report.txt"));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw ConfigurationException.of(file.toString(), Detail.of("config.report.cannot.read", e.getMessage()),
                    Detail.of("fix.report.readable"));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ConfigurationException.of(file.toString(), Detail.of("config.report.not.utf8"), Detail.of("fix.report.save.utf8"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw ConfigurationException.of(file.toString(), Detail.of("config.report.binary"), Detail.of("fix.report.save.utf8"));
        }
        if (text.isBlank()) {
            throw ConfigurationException.of(file.toString(), Detail.of("config.report.empty"), Detail.of("fix.report.full.text"));
        }
        return new ReportText(file, text);
    }

    /** A report from text in memory (for tests). */
    public static ReportText of(String text) {
        return new ReportText(Path.of("report.txt"), text);
    }

    public Path file() {
        return file;
    }

    /** The text as printed. */
    public String printed() {
        return printed;
    }

    /** The text normalised for matching, position for position the same as {@link #printed()}. */
    public String normalised() {
        return normalised;
    }

    public List<Heading> headings() {
        return headings;
    }

    /** The year the report plans for (2024 in the 2024 report), -1 when no heading names a year. */
    public int planYear() {
        return planYear;
    }

    /** The year under review (2023 in the 2024 report), -1 when unknown. */
    public int reviewYear() {
        return reviewYear;
    }

    /** The section path at a position: {@code 一(三)}, {@code 二}, {@code 三(六)}, or "" before any heading. */
    public String sectionAt(int position) {
        Map.Entry<Integer, String> e = sections.floorEntry(position);
        return e == null ? "" : e.getValue();
    }

    /**
     * The period a passage is about: the year under review, the plan year, a plan's five years ({@code 2021-2025})
     * or the year a part's heading names, turned by paragraphs that open on the five years or on the year; n/a
     * before any heading or when no heading names a year.
     */
    public String periodAt(int position) {
        Map.Entry<Integer, String> e = periods.floorEntry(position);
        return e == null ? "n/a" : e.getValue();
    }

    /** The five years of the plan that the part at a position reviews ({@code 2021-2025}), or "" when it reviews none. */
    public String reviewedPlanAt(int position) {
        Map.Entry<Integer, String> e = reviewedPlans.floorEntry(position);
        return e == null ? "" : e.getValue();
    }

    /** Full-width forms to ASCII and traditional characters to simplified, one char for one char. */
    public static String normalise(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E' && c != '，' && c != '：' && c != '；' && c != '！' && c != '？') {
                chars[i] = (char) (c - '\uFF01' + '!');
            } else if (c == '\u3000') {
                chars[i] = ' ';
            } else {
                Character s = SIMPLIFIED.get(c);
                if (s != null) {
                    chars[i] = s;
                }
            }
        }
        return new String(chars);
    }

    private static List<Heading> findHeadings(String text) {
        record Raw(int start, int end, String kind, String numeral, String title) {
        }
        List<Raw> raws = new ArrayList<>();
        List<Raw> unnumbered = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            String stripped = line.strip();
            int indent = line.indexOf(stripped);
            boolean marked = false;
            String candidate = stripped;
            int headingEnd = lineEnd;
            if (stripped.startsWith("#")) {
                marked = true;
                candidate = stripped.replaceFirst("^#+", "").strip();
            } else if (stripped.startsWith("**")) {
                int close = stripped.indexOf("**", 2);
                if (close > 0) {
                    marked = true;
                    candidate = stripped.substring(2, close).strip();
                    headingEnd = lineStart + indent + close + 2;
                }
            }
            Matcher part = PART.matcher(candidate);
            Matcher sub = SUBSECTION.matcher(candidate);
            Matcher runIn = RUN_IN_SUBSECTION.matcher(stripped);
            boolean runsOn = !marked && runIn.lookingAt() && !stripped.substring(runIn.end()).isBlank();
            if ((marked || candidate.length() <= 50) && part.matches()) {
                raws.add(new Raw(lineStart, headingEnd, "part", part.group(1), part.group(2).strip()));
            } else if (runsOn) {
                raws.add(new Raw(lineStart, lineStart + indent + runIn.end(), "run-in", runIn.group(1), runIn.group(2).strip()));
            } else if ((marked || candidate.length() <= 50) && sub.matches()) {
                raws.add(new Raw(lineStart, headingEnd, "sub", sub.group(1), sub.group(2).strip()));
            } else if (marked && !candidate.isEmpty() && !candidate.contains("工作报告") && candidate.length() <= 50) {
                unnumbered.add(new Raw(lineStart, headingEnd, "part", "", candidate));
            }
            lineStart = lineEnd + 1;
        }
        if (raws.stream().noneMatch(r -> r.kind().equals("part")) && !unnumbered.isEmpty()) {
            // parts without numerals (**“十四五”时期工作回顾**) are numbered by their order
            for (int i = 0; i < unnumbered.size() && i < NUMERALS.length(); i++) {
                Raw u = unnumbered.get(i);
                raws.add(new Raw(u.start(), u.end(), "part", String.valueOf(NUMERALS.charAt(i)), u.title()));
            }
            raws.sort((x, y) -> Integer.compare(x.start(), y.start()));
        } else {
            // beside numbered parts, a marked heading after the first of them is an appendix (**名词解释**)
            raws.stream().filter(r -> r.kind().equals("part")).findFirst().ifPresent(first -> unnumbered.stream()
                    .filter(u -> u.start() > first.start()).forEach(u -> raws.add(new Raw(u.start(), u.end(), "appendix", u.title(), u.title()))));
            raws.sort((x, y) -> Integer.compare(x.start(), y.start()));
        }
        // the part before the first part heading (a print that starts in the middle of part 一)
        String part = "";
        for (Raw r : raws) {
            if (r.kind().equals("part")) {
                int index = NUMERALS.indexOf(r.numeral());
                part = r.numeral().length() == 1 && index > 0 ? String.valueOf(NUMERALS.charAt(index - 1)) : "";
                break;
            }
        }
        List<Heading> headings = new ArrayList<>();
        for (Raw r : raws) {
            if (r.kind().equals("part") || r.kind().equals("appendix")) {
                part = r.numeral();
                headings.add(new Heading(r.start(), r.end(), part, part, r.title(), false));
            } else {
                headings.add(new Heading(r.start(), r.end(), part + "(" + r.numeral() + ")", part, r.title(), r.kind().equals("run-in")));
            }
        }
        return List.copyOf(headings);
    }
}
