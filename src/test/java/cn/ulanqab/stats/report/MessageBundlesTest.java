package cn.ulanqab.stats.report;

import cn.ulanqab.stats.extraction.PublishedCheck;
import cn.ulanqab.stats.history.Change;
import cn.ulanqab.stats.reconciliation.Cause;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.review.Disposition;
import cn.ulanqab.stats.submission.RowReason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothBundlesHaveEveryKey() throws IOException {
        Set<String> zh = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        assertThat(en).as("keys of messages_en.properties").containsExactlyElementsOf(zh);
    }

    @Test
    void everyKeyTheCodeAndThePageUseIsInTheBundles() throws IOException {
        Set<String> zh = load("messages.properties").stringPropertyNames();
        List<String> used = new ArrayList<>();
        Pattern literal = Pattern.compile("(?:get|m[0-4])\\(\\s*[\"']((?:cause|review|html|console|feedback|fix|reason|change|status|disposition|list)\\.[A-Za-z0-9_.]+)[\"']");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            sources = files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".html")).toList();
        }
        for (Path source : sources) {
            Matcher m = literal.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (m.find()) {
                if (!m.group(1).endsWith(".")) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("keys found in the sources").hasSizeGreaterThan(100);
        for (Status s : Status.values()) {
            used.add("status." + s.name());
        }
        for (Disposition d : Disposition.values()) {
            used.add("disposition." + d.name());
        }
        for (RowReason r : RowReason.values()) {
            used.add("reason." + r.name());
            used.add("fix." + r.name());
        }
        for (Change.Kind k : Change.Kind.values()) {
            used.add("change." + k.name());
        }
        for (Cause.Kind k : Cause.Kind.values()) {
            if (k != Cause.Kind.REPORT_CHECK && k != Cause.Kind.CHANGE_FROM_BASE) {
                used.add("cause." + k.name());
            }
        }
        Cause.BASE_CODES.forEach(code -> used.add("cause.CHANGE_FROM_BASE." + code));
        for (PublishedCheck.Status s : PublishedCheck.Status.values()) {
            if (s.isFinding()) {
                used.add("cause.REPORT_CHECK." + s.name());
            }
        }
        Stream.of("current", "excused", "stale").forEach(s -> used.add("review.state." + s));
        assertThat(zh).containsAll(used);
    }

    @Test
    void everyMessageIsAValidPatternAndKeepsItsWords() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                Object[] args = {1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L};
                String text = new MessageFormat(pattern, Locale.ROOT).format(args);
                assertThat(text).as(bundle + " " + key).isNotBlank().doesNotContain("{");
                assertThat(pattern.replace("''", "")).as(bundle + " " + key + ": a lone ASCII quote hides text").doesNotContain("'");
            }
        }
    }

    @Test
    void chineseUsesTheBureausWordsAndNoneOfTheWrongOnes() throws IOException {
        String all = String.join("\n", load("messages.properties").values().stream().map(Object::toString).toList());
        assertThat(all).contains("合计", "差额", "口径", "单位换算错误", "数字颠倒", "漏报", "重复报送", "已说明", "已认可", "待更正",
                "政府工作报告");
        assertThat(all).doesNotContain("公报印", "已核销", "此行无需再改", "如有误请更正");
    }
}
