package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.ConfigurationException;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a published report (UTF-8 plain text or Markdown) as printed, a normalised twin of it for
 * matching, and its sections.
 * <p>
 * The normalised text has the same length as the print, character for character: full-width digits and
 * ASCII-able punctuation become ASCII, and the traditional characters a print slips in (電, 縛, 創 …) become
 * simplified. A position found in the normalised text therefore cuts the same passage out of the print,
 * which is what quotes keep.
 * <p>
 * Sections: a part heading {@code 二、…} and a subsection heading {@code (三) …}, either in Markdown markup
 * ({@code **…**}, {@code # …}) or on a short line of its own. Text before the first part heading belongs to
 * the part before it (a print that starts in the middle of part 一). The year under review and the plan year
 * come from the first heading that names a year ({@code 二、2024年总体要求…} → plan year 2024, review year 2023).
 */
public final class ReportText {

    private static final String NUMERALS = "一二三四五六七八九十";
    private static final Pattern PART = Pattern.compile("^([" + NUMERALS + "]{1,3})、(.*)$");
    private static final Pattern SUBSECTION = Pattern.compile("^\\(([" + NUMERALS + "]{1,3})\\)(.*)$");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)[0-9]{2})年");

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

    /** A heading of the print: where it starts and ends, and the section it opens. */
    public record Heading(int start, int end, String section, String part, String title) {
    }

    private final Path file;
    private final String printed;
    private final String normalised;
    private final List<Heading> headings;
    private final int planYear;
    private final int reviewYear;

    private ReportText(Path file, String printed) {
        this.file = file;
        this.printed = printed;
        this.normalised = normalise(printed);
        this.headings = findHeadings(normalised);
        int plan = -1;
        for (Heading h : headings) {
            Matcher m = YEAR.matcher(h.title());
            if (m.find()) {
                plan = Integer.parseInt(m.group(1));
                // a year named in part 一's own heading is the year under review
                if (h.part().equals("一")) {
                    plan = plan + 1;
                }
                break;
            }
        }
        this.planYear = plan;
        this.reviewYear = plan < 0 ? -1 : plan - 1;
    }

    /**
     * Reads a report: UTF-8 (a BOM is skipped), plain text or Markdown.
     *
     * @throws ConfigurationException naming the file and the fix when it is missing, not UTF-8 text or empty
     */
    public static ReportText read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw ConfigurationException.of(file.toString(), "no such report file",
                    "give the path of the report as UTF-8 plain text or Markdown, e.g. input/reports/ulanqab-2024-government-work-report.txt");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw ConfigurationException.of(file.toString(), "cannot be read (" + e.getMessage() + ")", "check that the file is readable");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ConfigurationException.of(file.toString(), "is not UTF-8 text (a PDF, a Word file or GB18030 text?)",
                    "save the report as UTF-8 plain text (.txt) or Markdown (.md) and pass that file");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw ConfigurationException.of(file.toString(), "is a binary file, not text",
                    "save the report as UTF-8 plain text (.txt) or Markdown (.md) and pass that file");
        }
        if (text.isBlank()) {
            throw ConfigurationException.of(file.toString(), "is empty", "pass the report's full text");
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

    /** The heading that governs a position, or null before the first heading. */
    public Heading headingAt(int position) {
        Heading current = null;
        for (Heading h : headings) {
            if (h.start() <= position) {
                current = h;
            } else {
                break;
            }
        }
        return current;
    }

    /** The section path at a position: {@code 一(三)}, {@code 二}, {@code 三(六)}, or "" before any heading. */
    public String sectionAt(int position) {
        Heading h = headingAt(position);
        return h == null ? "" : h.section();
    }

    /** The period a figure at a position is about: the review year in part 一, the plan year in later parts. */
    public String periodAt(int position) {
        Heading h = headingAt(position);
        if (h == null || planYear < 0) {
            return "n/a";
        }
        return h.part().equals("一") ? String.valueOf(reviewYear) : String.valueOf(planYear);
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
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            String stripped = line.strip();
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
                    headingEnd = lineStart + line.indexOf(stripped) + close + 2;
                }
            }
            if (marked || candidate.length() <= 50) {
                Matcher part = PART.matcher(candidate);
                Matcher sub = SUBSECTION.matcher(candidate);
                if (part.matches()) {
                    raws.add(new Raw(lineStart, headingEnd, "part", part.group(1), part.group(2).strip()));
                } else if (sub.matches()) {
                    raws.add(new Raw(lineStart, headingEnd, "sub", sub.group(1), sub.group(2).strip()));
                }
            }
            lineStart = lineEnd + 1;
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
            if (r.kind().equals("part")) {
                part = r.numeral();
                headings.add(new Heading(r.start(), r.end(), part, part, r.title()));
            } else {
                headings.add(new Heading(r.start(), r.end(), part + "(" + r.numeral() + ")", part, r.title()));
            }
        }
        return List.copyOf(headings);
    }
}
