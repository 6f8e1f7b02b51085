package cn.ulanqab.stats.report;

import java.nio.file.Path;
import cn.ulanqab.stats.reconciliation.Cause;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.ulanqab.stats.report.ReportFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    static final OffsetDateTime STARTED = OffsetDateTime.of(2026, 12, 2, 1, 30, 0, 0, ZoneOffset.UTC);

    static OutputWriter.NightReport night(List<ReconciliationLine> lines, String language) {
        Affects affects = new Affects(REFERENCE);
        ACCEPTED.forEach((indicator, values) -> values.keySet().forEach(unit -> affects.counted(unit, indicator)));
        return new OutputWriter.NightReport(RunSummary.of(42, "2023", LEDGER, lines), REFERENCE, Map.of(), lines, ACCEPTED,
                REJECTED, LEDGER, Optional.empty(), List.of(), STARTED, null,
                new CauseWords(Wording.of(language), REFERENCE), affects, Path.of("input/2023"));
    }

    /** A line of a catalog indicator (several lines may share one), told apart by its name. */
    private static ReconciliationLine line(String name, Status status, String total, String relative) {
        var indicators = REFERENCE.catalog().indicators();
        String code = indicators.get(Math.abs(name.hashCode()) % indicators.size()).code();
        List<Cause> causes = status == Status.MISMATCH
                ? List.of(new Cause(Cause.Kind.OUTSIDE_CLAIM, null, null, 0, null, null, null, new BigDecimal(total), null, null))
                : List.of();
        return new ReconciliationLine(code, "指标" + name, "Indicator " + name, "个", "100个", new BigDecimal("100"), "99.5 ≤ t < 100.5",
                new BigDecimal(total), total + "个", new BigDecimal(total).subtract(new BigDecimal("100")), new BigDecimal(relative),
                status, 11, List.of(), causes, "一(" + (name.hashCode() & 3) + ")", "引文" + name, null);
    }

    @Test
    void staysBoundedWhateverTheNumberOfFigures() {
        List<ReconciliationLine> lines = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            lines.add(line("M" + i, Status.MISMATCH, String.valueOf(200 + i), String.valueOf(1 + i / 100.0)));
        }
        for (int i = 0; i < 1000; i++) {
            lines.add(line("OK" + i, Status.MATCH, "100", "0"));
        }
        String html = new HtmlReport().render(night(lines, "zh"));

        assertThat(html.split("<div class=\"finding ", -1)).as("the 200 worst in full").hasSize(201);
        assertThat(html).contains("<span>指标M2499</span>", "<span>指标M2300</span>").doesNotContain("<span>指标M2299</span>");
        assertThat(html).contains(" 指标M2299</td>", " 指标M300</td>").doesNotContain(" 指标M299</td>");
        assertThat(html.split("<tr>\\s*<td><span class=\"status MISMATCH\">MISMATCH</span></td>", -1)).as("2,000 more, one line each")
                .hasSize(2001);
        assertThat(html).contains("共 2,500 项；此处详列最严重的 200 项，其后 2,000 项每项一行，另有 300 项未列出；全部明细见 reconciliation.csv 与 report.xlsx");
        assertThat(html.split("<span class=\"status MATCH\">MATCH</span>", -1)).as("300 MATCH figures listed, and the summary").hasSize(302);
        assertThat(html).contains("此处列出 1,000 项中的前 300 项").contains("MATCH 一致：1,000 项");
        assertThat(html.length()).isLessThan(3_000_000);
    }

    @Test
    void aCityFigureWithoutTheCitysValueSaysSoAndDoesNotCallTheCityMissing() {
        String html = new HtmlReport().render(night(LINES, "zh"));
        int card = html.indexOf("id=\"HOTLINE_APPEALS\"");
        String hotline = html.substring(card, html.indexOf("</dl>", card));
        assertThat(hotline).contains("市本级文件没有报送此指标").doesNotContain("缺报");
        int incomplete = html.indexOf("id=\"MONITORED_HOUSEHOLDS\"");
        assertThat(html.substring(incomplete, html.indexOf("</dl>", incomplete))).contains("缺报：四子王旗 (150929)");
    }

    @Test
    void quotesAreShownAsPrintedWithoutAddedQuotationMarks() {
        ReconciliationLine online = new ReconciliationLine("ONLINE_SERVICE_CASES", "“一网办”办件量", "Online cases", "件", "破百万",
                new BigDecimal("1000000"), "t > 1000000", null, null, null, null, Status.NO_DATA, 0, List.of("150900"),
                List.of(new Cause(Cause.Kind.CITY_FILE_LACKS, "150900", null, 0, null, null, null, null, null, null)),
                "一(三)", "“一网办”汇集办件量破百万", null);
        String html = new HtmlReport().render(night(List.of(online), "zh"));
        assertThat(html).contains("<span class=\"quote\">“一网办”汇集办件量破百万</span>").doesNotContain("““");
    }

    @Test
    void aTinyGapIsNotZeroPercentAndNumbersAreGrouped() {
        ReconciliationLine tiny = new ReconciliationLine("YELLOW_RIVER_WATER_DIVERTED", "岱海累计调取黄河水", "Water", "立方米",
                "2765.2万立方米", new BigDecimal("27652000"), "", new BigDecimal("27651999.9867"), "2765.2万立方米",
                new BigDecimal("-0.0133"), new BigDecimal("-0.00000048"), Status.MISMATCH, 1, List.of(),
                List.of(new Cause(Cause.Kind.UNEXPLAINED, null, null, 0, null, null, null, null, null, null)), "一(四)", "引文", null);
        String html = new HtmlReport().render(night(List.of(tiny), "zh"));
        assertThat(html).contains("−0.0133 立方米 (−0.000048%)").contains("27,651,999.9867 立方米").doesNotContain("(0%)");
    }

    @Test
    void speaksEnglishWhenAsked() {
        String html = new HtmlReport().render(night(LINES, "en"));
        assertThat(html).contains("<html lang=\"en\">", "Findings, most severe first (5)", "unit slip? 商都县 (150923) reported 171,247.51 吨")
                .contains("started 2026-12-02 09:30:00 (UTC+08:00)")
                .doesNotContain("需核查", "诊断");
    }
}
