package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.wording.Detail;
import java.util.ArrayList;
import org.assertj.core.groups.Tuple;
import cn.ulanqab.stats.ReconciliationApplication;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.published.PublishedFigure;
import cn.ulanqab.stats.published.PublishedFigures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The published file against the report, through report-phrases.csv; and the published file regenerated from the report. */
class PublishedCheckTest {

    static ReferenceData reference;
    static ReportPhrases phrases;
    static FigureExtractor.Extraction extraction;
    static Map<String, PublishedFigure> shipped;

    @BeforeAll
    static void readTheShippedInput() {
        reference = ReferenceData.load(Path.of("input/reference"));
        phrases = ReportPhrases.load(Path.of("input/reference/report-phrases.csv"), reference.catalog());
        extraction = FigureExtractor.extract(ReportText.read(FigureExtractorTest.REPORT));
        shipped = PublishedFigures.load(Path.of("input/published/2023.csv"), "2023", reference.catalog(), ClaimSettings.defaults());
    }

    @Test
    void theShippedPublishedFileAgreesWithTheReport() {
        List<PublishedCheck.Line> lines = PublishedCheck.check(reference.catalog(), shipped, phrases, extraction, "2023");
        // the 64 published figures, and the two indicators of the 2024 targets that the 2023 review prints nothing for
        assertThat(lines).hasSize(66).allMatch(l -> l.status() == PublishedCheck.Status.AGREES);
        assertThat(lines).filteredOn(l -> l.publishedText().isEmpty()).extracting(PublishedCheck.Line::indicatorCode)
                .containsExactly("VOCATIONAL_TRAINING", "RETAIL_SALES");
        PublishedCheck.Line recipients = lines.stream().filter(l -> l.indicatorCode().equals("WELFARE_SUBSIDY_RECIPIENTS")).findFirst().orElseThrow();
        assertThat(recipients.reportText()).isEqualTo("17.4万人");
        assertThat(recipients.message()).isEqualTo(Detail.of("check.unit.implied", "17.4万", "人"));
    }

    @Test
    void aPublishedTextTheReportDoesNotPrintIsAFindingWithBothTextsAndTheQuote() {
        Map<String, PublishedFigure> changed = new LinkedHashMap<>(shipped);
        PublishedFigure households = shipped.get("MONITORED_HOUSEHOLDS");
        changed.put("MONITORED_HOUSEHOLDS", new PublishedFigure(households.indicatorCode(), "2023", "1.39万户", households.section(),
                households.quote(), households.figure(), households.claim()));
        changed.remove("URBAN_NEW_JOBS");
        List<PublishedCheck.Line> lines = PublishedCheck.check(reference.catalog(), changed, phrases, extraction, "2023");
        List<PublishedCheck.Line> findings = lines.stream().filter(l -> l.status().isFinding()).toList();
        assertThat(findings).extracting(PublishedCheck.Line::indicatorCode, PublishedCheck.Line::status).containsExactly(
                Tuple.tuple("MONITORED_HOUSEHOLDS", PublishedCheck.Status.PUBLISHED_DISAGREES),
                Tuple.tuple("URBAN_NEW_JOBS", PublishedCheck.Status.NOT_PUBLISHED));
        PublishedCheck.Line disagrees = findings.get(0);
        assertThat(disagrees.publishedText()).isEqualTo("1.39万户");
        assertThat(disagrees.reportText()).isEqualTo("1.38万户");
        assertThat(disagrees.quote()).isEqualTo("1.38万动态监测户实现“应纳尽纳、应帮尽帮”");
        assertThat(disagrees.message().args()).contains("1.39万户", "1.38万户", "一(五)");
        assertThat(PublishedCheck.findings(lines)).isEqualTo(2);
    }

    /** The unit rule: 17.4万 for 人, 1.8亿 for 万元 and 1.38万 for 户 say what the report prints with its unit. */
    @Test
    void aPublishedTextWithoutAUnitAgreesWithThePrintedFigureInTheCatalogUnit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("2023.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("input/published/2023.csv")));
        lines.replaceAll(l -> l.replace(",1.38万户,", ",1.38万,").replace(",1.8亿元,", ",1.8亿,").replace(",8685人,", ",8685,")
                .replace(",5.2亿元,", ",52000,"));
        Files.write(file, lines);
        Map<String, PublishedFigure> bare = PublishedFigures.load(file, "2023", reference.catalog(), ClaimSettings.defaults());

        List<PublishedCheck.Line> check = PublishedCheck.check(reference.catalog(), bare, phrases, extraction, "2023");

        Map<String, PublishedCheck.Status> status = new LinkedHashMap<>();
        check.forEach(l -> status.put(l.indicatorCode(), l.status()));
        assertThat(status).containsEntry("MONITORED_HOUSEHOLDS", PublishedCheck.Status.AGREES)
                .containsEntry("WELFARE_SUBSIDY_AMOUNT", PublishedCheck.Status.AGREES)
                .containsEntry("URBAN_NEW_JOBS", PublishedCheck.Status.AGREES)
                // the same amount, but not the figure the report prints (52000 against 5.2亿元)
                .containsEntry("BEIJING_COOPERATION_FUNDS", PublishedCheck.Status.PUBLISHED_DISAGREES);
        assertThat(PublishedCheck.findings(check)).isEqualTo(1);
    }

    @Test
    void aPhraseFindsTheFigureWhoseUnitFitsTheCatalog() {
        ReportPhrases.Link link = phrases.link("WELFARE_SUBSIDY_AMOUNT", "万元", "2023", extraction.figures());
        assertThat(link.figure().printedText()).isEqualTo("1.8亿元");
        assertThat(phrases.link("WELFARE_SUBSIDY_RECIPIENTS", "人", "2023", extraction.figures()).figure().printedText()).isEqualTo("17.4万");
        // 2024 prints 改造农村户厕5651个, but the 2023 figure is 6293个
        assertThat(phrases.link("RURAL_TOILETS_RENOVATED", "个", "2023", extraction.figures()).figure().printedText()).isEqualTo("6293个");
    }

    /**
     * Regenerating published/2023.csv from the report reproduces every shipped published_text and section. The
     * quotes are the shortest clauses (split at ，。；、 too); 14 shipped quotes were cut by hand to a longer list
     * (66条河流、11个湖泊开展健康评价) or a shorter part of a clause, and each contains the clause or is contained in it.
     */
    @Test
    void regeneratingThePublishedFileFromTheReportReproducesTheShippedFigures(@TempDir Path work) throws IOException {
        Path input = copy(Path.of("input"), work.resolve("input"));
        String console = ExtractCommandTest.capture(() -> assertThat(ReconciliationApplication.run("--extract=" + FigureExtractorTest.REPORT,
                "--write-published", "--input=" + input, "--output=" + work.resolve("output"))).isZero());
        assertThat(console).contains("  未写入：RETAIL_SALES，关键词“社会消费品零售总额”找不到 2023 年的数字",
                "  公布数字：2023 年 64 个，已写入 " + input.resolve("published/2023.csv").toAbsolutePath().normalize());
        Map<String, PublishedFigure> regenerated = PublishedFigures.load(input.resolve("published/2023.csv"), "2023",
                reference.catalog(), ClaimSettings.defaults());
        assertThat(regenerated.keySet()).containsExactlyElementsOf(shipped.keySet());
        int differentQuotes = 0;
        for (PublishedFigure s : shipped.values()) {
            PublishedFigure r = regenerated.get(s.indicatorCode());
            assertThat(r.text()).as(s.indicatorCode()).isEqualTo(s.text());
            assertThat(r.section()).as(s.indicatorCode()).isEqualTo(s.section());
            assertThat(r.quote().contains(s.quote()) || s.quote().contains(r.quote())).as(s.indicatorCode() + ": " + r.quote()).isTrue();
            if (!r.quote().equals(s.quote())) {
                differentQuotes++;
            }
        }
        assertThat(differentQuotes).isEqualTo(14);
    }

    static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return target;
    }
}
