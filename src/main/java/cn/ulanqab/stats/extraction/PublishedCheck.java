package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.published.PrintedFigureParser;
import cn.ulanqab.stats.published.PublishedFigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the published file ({@code <input>/published/<period>.csv}) against the report itself: for every
 * catalog indicator, what the published file says is printed and what the report prints, found through its
 * {@link ReportPhrases phrase}.
 */
public final class PublishedCheck {

    /** The verdict on one indicator. Every status but AGREES is a finding. */
    public enum Status {
        /** the published text is what the report prints. */
        AGREES,
        /** the published file and the report print different texts. */
        PUBLISHED_DISAGREES,
        /** the published file has the indicator but its phrase finds no figure in the report. */
        NOT_IN_REPORT,
        /** the phrase finds several figures at the same distance: the phrase needs to be more specific. */
        AMBIGUOUS_PHRASE,
        /** the report prints a figure for the indicator but the published file has no row for it. */
        NOT_PUBLISHED,
        /** the published file has the indicator but report-phrases.csv has no phrase for it: not checked. */
        NO_PHRASE;

        public boolean isFinding() {
            return this != AGREES;
        }
    }

    /** One line of report-check.csv. */
    public record Line(String indicatorCode, Status status, String publishedText, String reportText, String publishedSection,
                       String reportSection, String quote, String figureId, Detail message) {
    }

    public static final List<String> COLUMNS = List.of("indicator_code", "status", "published_text", "report_text",
            "published_section", "report_section", "quote", "figure_id", "message");

    private PublishedCheck() {
    }

    /** One line per catalog indicator that is published or has a phrase, in catalog order. */
    public static List<Line> check(Catalog catalog, Map<String, PublishedFigure> published, ReportPhrases phrases,
                                   FigureExtractor.Extraction extraction, String period) {
        List<Line> lines = new ArrayList<>();
        for (Indicator indicator : catalog.indicators()) {
            String code = indicator.code();
            PublishedFigure pub = published.get(code);
            if (pub == null && !phrases.has(code)) {
                continue;
            }
            ReportPhrases.Link link = phrases.link(code, indicator.unit(), period, extraction.figures());
            ExtractedFigure f = link.figure();
            String pubText = pub == null ? "" : pub.text();
            String pubSection = pub == null ? "" : pub.section();
            if (link.phrase() == null) {
                lines.add(new Line(code, Status.NO_PHRASE, pubText, "", pubSection, "", "", "",
                        Detail.of("check.no.phrase", code, "reference/" + ReportPhrases.FILE)));
            } else if (link.ambiguous()) {
                lines.add(new Line(code, Status.AMBIGUOUS_PHRASE, pubText, "", pubSection, "", "", "",
                        Detail.of("check.ambiguous", link.phrase(), String.join(", ", link.candidates().stream()
                                .map(c -> c.printedText() + " (" + c.id() + ")").toList()))));
            } else if (f == null) {
                lines.add(new Line(code, pub == null ? Status.AGREES : Status.NOT_IN_REPORT, pubText, "", pubSection, "", "", "",
                        pub == null ? Detail.of("check.neither") : Detail.of("check.not.in.report", link.phrase(), period,
                                indicator.unit())));
            } else if (pub == null) {
                lines.add(new Line(code, Status.NOT_PUBLISHED, "", f.publishedText(), "", f.section(), f.quote(), f.id(),
                        Detail.of("check.not.published", f.publishedText(), "published/" + period + ".csv", code)));
            } else if (same(pubText, f.publishedText(), indicator.unit())) {
                lines.add(new Line(code, Status.AGREES, pubText, f.publishedText(), pubSection, f.section(), f.quote(), f.id(),
                        f.unitPrinted() || f.unit().isEmpty() ? Detail.NONE : Detail.of("check.unit.implied", f.printedText(), f.unit())));
            } else {
                lines.add(new Line(code, Status.PUBLISHED_DISAGREES, pubText, f.publishedText(), pubSection, f.section(), f.quote(), f.id(),
                        Detail.of("check.disagrees", "published/" + period + ".csv", pubText, f.publishedText(), f.section(),
                                f.quote())));
            }
        }
        return List.copyOf(lines);
    }

    /** The same text, or the same figure once the unit rule has supplied a unit the published text leaves out. */
    static boolean same(String published, String printed, String catalogUnit) {
        String a = ReportText.normalise(published).replaceAll("\\s", "");
        String b = ReportText.normalise(printed).replaceAll("\\s", "");
        if (a.equals(b)) {
            return true;
        }
        try {
            return PrintedFigureParser.parse(a).saysTheSameAs(PrintedFigureParser.parse(b), catalogUnit);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** The lines about a figure of the published file (not those of an indicator with a phrase that nothing prints). */
    public static long published(List<Line> lines) {
        return lines.stream().filter(l -> !l.publishedText().isEmpty()).count();
    }

    /** The published figures that agree with the report. */
    public static long agreeing(List<Line> lines) {
        return lines.stream().filter(l -> !l.publishedText().isEmpty() && l.status() == Status.AGREES).count();
    }

    public static long findings(List<Line> lines) {
        return lines.stream().filter(l -> l.status().isFinding()).count();
    }
}
