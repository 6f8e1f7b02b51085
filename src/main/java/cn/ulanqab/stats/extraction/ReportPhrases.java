package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.ReferenceCsv;
import cn.ulanqab.stats.published.Claim;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.published.PrintedFigureParser;
import cn.ulanqab.stats.wording.Detail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The link from catalog indicators to the report: {@code <input>/reference/report-phrases.csv}
 * ({@code indicator_code, phrase}) names, for each indicator the report prints a figure for, the words that
 * identify that figure's clause ({@code 科技企业孵化器}, {@code 孤老残幼}).
 * <p>
 * A phrase finds the figures of the period whose clause contains it (compared normalised) and whose unit fits
 * the catalog unit (so 孤老残幼 finds 17.4万 (人), not the 1.8亿元 in the same clause). When several remain, the
 * one printed closest to the phrase wins; two at the same distance are ambiguous.
 */
public final class ReportPhrases {

    public static final String FILE = "report-phrases.csv";
    public static final List<String> COLUMNS = List.of("indicator_code", "phrase");

    private final Map<String, String> phrases;

    public ReportPhrases(Map<String, String> phrases) {
        this.phrases = Map.copyOf(phrases);
    }

    /** What a phrase finds in the report. */
    public record Link(String indicatorCode, String phrase, ExtractedFigure figure, List<ExtractedFigure> candidates) {

        public boolean found() {
            return figure != null;
        }

        public boolean ambiguous() {
            return figure == null && candidates.size() > 1;
        }
    }

    /**
     * Reads the phrases, checking every code against the catalog.
     *
     * @throws cn.ulanqab.stats.ConfigurationException naming the file and line of a problem
     */
    public static ReportPhrases load(Path file, Catalog catalog) {
        Map<String, String> phrases = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        ReferenceCsv.read(file, COLUMNS, (row, i) -> {
            String code = row.get("indicator_code");
            catalog.find(code).orElseThrow(() -> ReportUnits.problem(row, Detail.of("config.phrases.unknown", code),
                    Detail.of("fix.phrases.unknown")));
            String phrase = row.get("phrase");
            if (phrase.isEmpty()) {
                throw ReportUnits.problem(row, Detail.of("config.phrases.blank", code), Detail.of("fix.phrases.blank"));
            }
            Long earlier = lines.putIfAbsent(code, row.line());
            if (earlier != null) {
                throw ReportUnits.problem(row, Detail.of("config.phrases.twice", code, earlier), Detail.of("fix.phrases.twice"));
            }
            phrases.put(code, phrase);
            return null;
        });
        return new ReportPhrases(phrases);
    }

    public Map<String, String> phrases() {
        return phrases;
    }

    public boolean has(String indicatorCode) {
        return phrases.containsKey(indicatorCode);
    }

    /** The figure of the period that a catalog indicator's phrase identifies. */
    public Link link(String indicatorCode, String catalogUnit, String period, List<ExtractedFigure> figures) {
        String phrase = phrases.get(indicatorCode);
        if (phrase == null) {
            return new Link(indicatorCode, null, null, List.of());
        }
        String key = ReportText.normalise(phrase);
        List<ExtractedFigure> candidates = new ArrayList<>();
        for (ExtractedFigure f : figures) {
            if (f.period().equals(period) && f.kind() != FigureKind.RANK
                    && ReportText.normalise(f.quote()).contains(key) && fits(f, catalogUnit)) {
                candidates.add(f);
            }
        }
        if (candidates.size() <= 1) {
            return new Link(indicatorCode, phrase, candidates.isEmpty() ? null : candidates.get(0), candidates);
        }
        ExtractedFigure best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (ExtractedFigure f : candidates) {
            String quote = ReportText.normalise(f.quote());
            int at = quote.indexOf(ReportText.normalise(f.printedText()));
            int p = quote.indexOf(key);
            int distance = p < at ? at - (p + key.length()) : p - (at + f.printedText().length());
            if (distance < bestDistance) {
                best = f;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        return new Link(indicatorCode, phrase, tie ? null : best, candidates);
    }

    private static boolean fits(ExtractedFigure f, String catalogUnit) {
        try {
            Claim.of(PrintedFigureParser.parse(ReportText.normalise(f.publishedText())), catalogUnit, ClaimSettings.defaults());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
