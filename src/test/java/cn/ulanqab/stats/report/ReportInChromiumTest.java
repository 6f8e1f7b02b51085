package cn.ulanqab.stats.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static cn.ulanqab.stats.report.ReportFixture.LINES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html as a reviewer sees it: rendered by headless Chromium with CJK fonts into a screenshot (kept in
 * target/screenshots/ for a person to look at) and a PDF (the page prints). Runs when Chromium is installed
 * ({@code apt-get install -y chromium fonts-noto-cjk}); otherwise it is skipped and says why, unless
 * {@code -Dchromium.required=true}, when a missing browser or font fails it.
 */
class ReportInChromiumTest {

    @TempDir
    Path work;

    @Test
    void theReportRendersInChromiumWithChineseFontsAndPrints() throws Exception {
        Optional<Path> chromium = Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
        boolean required = Boolean.getBoolean("chromium.required");
        if (chromium.isEmpty()) {
            String why = "Chromium is not installed, report.html was not rendered: apt-get install -y chromium fonts-noto-cjk";
            System.out.println(why);
            assertThat(required).as(why).isFalse();
            Assumptions.abort(why);
        }
        String cjkFonts = run(List.of("fc-list", ":lang=zh", "family"), 30);
        if (cjkFonts.isBlank()) {
            String why = "no CJK font is installed (fc-list :lang=zh is empty): apt-get install -y fonts-noto-cjk";
            System.out.println(why);
            assertThat(required).as(why).isFalse();
            Assumptions.abort(why);
        }

        Path page = work.resolve("report.html");
        Files.writeString(page, new HtmlReport().render(HtmlReportTest.night(LINES, "zh")), StandardCharsets.UTF_8);
        Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
        Path png = screenshots.resolve("report.png");
        Path pdf = work.resolve("report.pdf");
        Files.deleteIfExists(png);
        List<String> headless = List.of(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + work.resolve("profile"));
        run(concat(headless, "--window-size=1280,2400", "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()), 120);
        run(concat(headless, "--print-to-pdf=" + pdf, page.toUri().toString()), 120);
        String dom = run(concat(headless, "--dump-dom", page.toUri().toString()), 120);

        assertThat(dom).as("the DOM Chromium built").contains("需核查的指标", "单位换算错误？商都县 (150923)", "市本级文件没有报送此指标");
        byte[] image = Files.readAllBytes(png);
        assertThat(image).startsWith(0x89, 'P', 'N', 'G');
        ByteBuffer header = ByteBuffer.wrap(image, 16, 8);
        assertThat(header.getInt()).as("width").isEqualTo(1280);
        assertThat(header.getInt()).as("height").isEqualTo(2400);
        assertThat(image.length).as("a page with text and charts, not a blank screen").isGreaterThan(100_000);
        assertThat(Files.readAllBytes(pdf)).startsWith('%', 'P', 'D', 'F');
        System.out.println("report.html rendered by " + chromium.get() + " with " + cjkFonts.lines().findFirst().orElse("")
                + ": " + png.toAbsolutePath());
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
