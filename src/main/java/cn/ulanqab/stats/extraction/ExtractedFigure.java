package cn.ulanqab.stats.extraction;

import cn.ulanqab.stats.published.PrintedFigure;
import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.published.Qualifier;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * One distinct figure printed in the report.
 *
 * @param id          F001, F002 … in print order
 * @param section     the heading path: 一(三), 二, 三(六)
 * @param period      the year the figure is about (review year in part 一, plan year after), or n/a
 * @param subject     the words the figure measures, from its clause
 * @param printedText the figure exactly as printed ({@code 1.38万}, {@code 5.2亿元}, {@code 近千家}, {@code 6%以上})
 * @param value       the number it denotes in the base unit (13800; 520000000 for 5.2亿元; percent stays percent)
 * @param unit        the unit without 万/亿 (户, 元, %, 个百分点); for a figure printed without one, the unit its
 *                    noun implies (1.38万动态监测户 → 户), or "" when none
 * @param unitPrinted whether the unit is part of the printed text
 * @param qualifier   the qualifier of the print
 * @param kind        what the figure measures
 * @param occurrences how often the print has it: 2 when a repeated passage prints it again
 * @param quote       the shortest clause containing the figure, as printed
 * @param note        the values the same subject is printed with in other sentences, for reviewers
 *                    ({@code 8600人 (一(二)), 8685人 (二)}), or ""
 * @param position    where the figure starts in the report text (its first occurrence)
 * @param figure      the printed figure taken apart by the parser (null for a rank)
 * @param doubt       why a reviewer should check the figure (a measure word the units do not know, a duration, a
 *                    qualifier carried over from a list, a bound of a range: a {@code figures.check.*} key of the
 *                    bundles), or {@link Detail#NONE} when the extractor is sure
 */
public record ExtractedFigure(String id, String section, String period, String subject, String printedText,
                              BigDecimal value, String unit, boolean unitPrinted, Qualifier qualifier, FigureKind kind,
                              int occurrences, String quote, String note, int position, PrintedFigure figure,
                              Detail doubt) {

    /** {@code high}, or {@code check} when the figure has a {@link #doubt()}. */
    public String confidence() {
        return doubt.isNone() ? "high" : "check";
    }

    public String qualifierLabel() {
        return qualifier.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The figure as the published file writes it: the printed text, with the unit its noun implies when the
     * print has none ({@code 1.38万} + 户 → {@code 1.38万户}).
     */
    public String publishedText() {
        return unitPrinted || unit.isEmpty() || kind == FigureKind.RANK ? printedText : printedText + unit;
    }

    ExtractedFigure withOccurrences(int n) {
        return new ExtractedFigure(id, section, period, subject, printedText, value, unit, unitPrinted, qualifier, kind, n,
                quote, note, position, figure, doubt);
    }

    ExtractedFigure withIdAndNote(String newId, String newNote) {
        return new ExtractedFigure(newId, section, period, subject, printedText, value, unit, unitPrinted, qualifier, kind,
                occurrences, quote, newNote, position, figure, doubt);
    }
}
