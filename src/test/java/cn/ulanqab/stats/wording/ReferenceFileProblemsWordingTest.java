package cn.ulanqab.stats.wording;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.published.ClaimKind;
import cn.ulanqab.stats.published.PrintedFigureParser;
import cn.ulanqab.stats.published.UnreadableFigure;
import cn.ulanqab.stats.submission.FileKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What an operator reads when a reference file, the published figures or the targets are broken: a Chinese sentence
 * (the default) or the English one, from the keys under "configuration: catalog, published figures, targets, …".
 */
class ReferenceFileProblemsWordingTest {

    private static final String SECTION = "# ---- configuration: catalog, published figures, targets, reviews, submission folder (reference files)";

    /** What may stay ASCII in a Chinese sentence: placeholders, options, settings, paths, column names, codes and enum words. */
    private static final Pattern KEPT_AS_IS = Pattern.compile("\\{\\d+}|--[a-z-]+(=\\S*)?|reconciliation\\.[a-z.-]+(=[\\w/.]+)?"
            + "|[\\w.<>{}-]*/[\\w./<>{}-]*|\\w*_\\w*|\\b[A-Z][A-Z0-9]*\\b|\\b(rm|city|zh|en|period|section|quote)\\b");
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{2,}");

    @TempDir
    Path folder;

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReferenceFileProblemsWordingTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The keys of this section, in file order. */
    private static List<String> sectionKeys(String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/main/resources", name), StandardCharsets.UTF_8);
        int start = lines.indexOf(SECTION);
        assertThat(start).as(SECTION + " in " + name).isNotNegative();
        List<String> keys = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("# ----")) {
                break;
            }
            if (!line.isBlank() && !line.startsWith("#")) {
                keys.add(line.substring(0, line.indexOf('=')));
            }
        }
        return keys;
    }

    private static void assertNoEnglishWords(String chinese) {
        assertThat(ENGLISH_WORD.matcher(KEPT_AS_IS.matcher(chinese).replaceAll(" ")).results().map(java.util.regex.MatchResult::group).toList())
                .as("English words in: " + chinese).isEmpty();
    }

    @Test
    void everySentenceOfTheSectionIsInBothLanguagesAndTheChineseOneHasNoEnglishWords() throws IOException {
        List<String> zh = sectionKeys("messages.properties");
        assertThat(zh).hasSizeGreaterThan(100);
        assertThat(sectionKeys("messages_en.properties")).containsExactlyElementsOf(zh);
        assertThat(zh).allMatch(k -> k.startsWith("config.") || k.startsWith("fix."));
        Properties chinese = bundle("messages.properties");
        for (String key : zh) {
            assertNoEnglishWords(chinese.getProperty(key));
        }
    }

    @Test
    void everyConfigurationKeyTheCodeNamesIsInBothBundles() throws IOException {
        Properties zh = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        Pattern key = Pattern.compile("\"((?:config|fix)\\.[A-Za-z0-9_.]+)\"");
        Set<String> used = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            Matcher m = key.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (m.find()) {
                if (!m.group(1).endsWith(".")) {
                    used.add(m.group(1));
                }
            }
        }
        // keys the code puts together: a kind of claim, a kind of file, a Chinese numeral's fault
        for (ClaimKind kind : ClaimKind.values()) {
            used.add("config.claim.kind." + kind.name());
        }
        for (FileKind kind : FileKind.values()) {
            used.add("file.kind." + kind.name());
        }
        Matcher why = Pattern.compile("bad\\(\"([a-z.]+)\"").matcher(
                Files.readString(Path.of("src/main/java/cn/ulanqab/stats/published/ChineseNumeral.java")));
        while (why.find()) {
            used.add("config.numeral." + why.group(1));
        }
        assertThat(used).hasSizeGreaterThan(100).contains("config.at", "config.indicator.twice", "config.numeral.yi.twice");
        assertThat(used).allMatch(zh::containsKey, "in messages.properties").allMatch(en::containsKey, "in messages_en.properties");
    }

    @Test
    void aDuplicateIndicatorIsWordedInChineseWithItsFileLineAndFixAndInEnglishAsBefore() throws IOException {
        Files.copy(Path.of("input/reference/counties.csv"), folder.resolve("counties.csv"));
        Path indicators = folder.resolve("indicators.csv");
        Files.copy(Path.of("input/reference/indicators.csv"), indicators);
        Files.writeString(indicators, "TECH_INCUBATORS,科技企业孵化器,again,家,INTEGER,COUNTY,SUM,\n", StandardOpenOption.APPEND);
        long line = Files.readAllLines(indicators).size();

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> ReferenceData.load(folder));

        assertThat(e.worded(Locale.CHINESE)).isEqualTo(indicators + "，第 " + line + " 行：指标 TECH_INCUBATORS 重复出现（首次出现在第 2 行）。"
                + "修正方法：每个指标只保留一行");
        assertThat(e.worded(Locale.ENGLISH)).isEqualTo(e.getMessage()).isEqualTo(indicators + ", line " + line
                + ": indicator TECH_INCUBATORS appears twice (first on line 2). Fix: keep one row per indicator");
        assertThat(e.problem()).isEqualTo(Detail.of("config.indicator.twice", "TECH_INCUBATORS", "2"));
    }

    @Test
    void aTextThePrintedFigureParserCannotReadIsWordedInsideTheProblemInTheSameLanguage() {
        UnreadableFigure reason = catchThrowableOfType(UnreadableFigure.class, () -> PrintedFigureParser.parse("好几家"));
        ConfigurationException e = ConfigurationException.at("published/2023.csv", 2,
                Detail.of("config.published.unreadable", "好几家", "TECH_INCUBATORS", reason.reason()),
                Detail.of("fix.published.unreadable"));

        assertThat(e.worded(Locale.CHINESE)).isEqualTo("published/2023.csv，第 2 行：指标 TECH_INCUBATORS 的公布数字“好几家”无法识别："
                + "“好几家”中没有数字（应为数字处是“好几家”）；应写成 [近|超|超过|逾|破|约|不少于] 数字 [万|亿] [余|多] [单位] "
                + "[以上|不少于|左右|以下|以内]，如 1.38万户、近千家、超95%、6%以上。修正方法：请按政府工作报告原文照录数字，"
                + "如 1.38万户、近千家、超95%、增长33.4%、提高23.4个百分点");
        assertThat(e.getMessage()).isEqualTo("published/2023.csv, line 2: the published_text '好几家' of TECH_INCUBATORS cannot be read: "
                + reason.getMessage() + ". Fix: write the figure exactly as printed, e.g. 1.38万户, 近千家, 超95%, 增长33.4%, 提高23.4个百分点");
        assertThat(Detail.fromStored(e.problem().stored())).as("kept whole through its stored form").isEqualTo(e.problem());
    }

    @Test
    void everyRefusalOfThePrintedFigureParserSaysWhyInChineseAndInItsEnglishWords() throws IOException {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("", "config.printed.blank");
        refused.put("增长", "config.printed.verb.alone");
        refused.put("减少3个百分点", "config.printed.points.verb");
        refused.put("增长500户", "config.printed.change.unit");
        refused.put("增长1万%", "config.printed.change.magnitude");
        refused.put("约", "config.printed.no.number");
        refused.put("好几家", "config.printed.no.number.found");
        refused.put("1,203户", "config.printed.separator");
        refused.put("1.38万户2", "config.printed.two.numbers");
        refused.put("3千", "config.printed.mixed.numeral");
        refused.put("5户以上人", "config.printed.qualifier.in.unit");
        refused.put("近3万人以上", "config.printed.qualifiers.disagree");
        refused.put("三零", "config.numeral.zero.after.digit");
        refused.put("五五", "config.numeral.two.digits");
        refused.put("百百", "config.numeral.place.order");
        refused.put("三千百", "config.numeral.no.digit");
        refused.put("一万二万", "config.numeral.wan.twice");
        refused.put("零万", "config.numeral.nothing.before.wan");
        refused.put("一亿二亿", "config.numeral.yi.twice");
        refused.put("零亿", "config.numeral.nothing.before.yi");
        refused.put("一百零", "config.numeral.ends.with.zero");
        for (Map.Entry<String, String> r : refused.entrySet()) {
            UnreadableFigure e = catchThrowableOfType(UnreadableFigure.class, () -> PrintedFigureParser.parse(r.getKey()));
            assertThat(e).as(r.getKey()).isNotNull();
            assertThat(e.reason().key()).as(r.getKey()).isEqualTo(r.getValue());
            assertThat(Bundles.text(Locale.ENGLISH, e.reason())).isEqualTo(e.getMessage());
            String chinese = Bundles.text(Locale.CHINESE, e.reason());
            assertThat(chinese).as(r.getKey()).doesNotContain("{").contains(r.getKey().isEmpty() ? "数字为空" : "“" + r.getKey() + "”");
            assertNoEnglishWords(chinese);
        }
        // 'x' is not a Chinese numeral cannot come from the parser: it hands ChineseNumeral numeral characters only
        Set<String> reasons = new TreeSet<>(sectionKeys("messages.properties").stream()
                .filter(k -> k.startsWith("config.printed.") || k.startsWith("config.numeral.")).toList());
        reasons.removeAll(refused.values());
        assertThat(reasons).containsExactly("config.numeral.not.numeral");
        assertThat(PrintedFigureParser.parse("三千五百人").number()).isEqualByComparingTo("3500");
    }

    @Test
    void aLanguageThatIsNotOfTheReportsIsAConfigurationErrorInChineseAndEnglish() {
        assertThatThrownBy(() -> Bundles.locale("de")).isInstanceOfSatisfying(ConfigurationException.class, e -> {
            assertThat(e.worded(Locale.CHINESE))
                    .isEqualTo("reconciliation.language=de 不是报表可用的语言：请填写 reconciliation.language=zh（中文，默认）或 en");
            assertThat(e.getMessage()).isEqualTo("reconciliation.language=de is not a language of the reports: write"
                    + " reconciliation.language=zh (Chinese, the default) or en");
        });
        assertThat(Bundles.locale(" en ")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theKindsOfClaimAreWordedInEnglishAsBeforeAndInChineseAndAFileKindInTheSentenceNamingIt() {
        for (ClaimKind kind : ClaimKind.values()) {
            assertThat(Bundles.text(Locale.ENGLISH, Detail.of("config.claim.kind." + kind.name()))).isEqualTo(kind.code());
            assertNoEnglishWords(Bundles.text(Locale.CHINESE, Detail.of("config.claim.kind." + kind.name())));
        }
        assertThat(Bundles.text(Locale.CHINESE, Detail.of("config.output.own.path", FileKind.SYMBOLIC_LINK.words())))
                .startsWith("作业在此存放输出结果，但此处是符号链接（");
        assertThat(Bundles.text(Locale.ENGLISH, Detail.of("config.output.own.path", FileKind.SYMBOLIC_LINK.words())))
                .startsWith("the job keeps its outputs here, but it is a symbolic link (");
    }
}
