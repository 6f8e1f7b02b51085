package cn.ulanqab.stats.report;

import cn.ulanqab.stats.files.CsvOutput;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;

/**
 * reconciliation.csv: one line per figure (a level, or a change with last year's base and the change computed from it);
 * the hint in the wording's language, every other column a token or a number.
 */
final class ReconciliationCsv {

    static final String FILE = "reconciliation.csv";
    static final List<String> COLUMNS = List.of("indicator_code", "name_zh", "unit", "published_text",
            "published_value", "city_total", "as_printed", "difference", "relative_difference", "status",
            "counties_reported", "missing_counties", "hint", "section", "quote",
            "disposition", "disposition_note", "reviewer", "review_date", "review_status", "region_code",
            "claim_kind", "base_total", "computed_change");

    private ReconciliationCsv() {
    }

    static void write(Path folder, OutputWriter.NightReport night) {
        CauseWords words = night.words();
        CsvOutput.write(folder.resolve(FILE), COLUMNS, out -> night.lines().forEach(l -> out.accept(List.of(
                l.indicatorCode(), l.nameZh(), l.unit(), text(l.publishedText()), Numbers.plain(l.publishedValue()),
                Numbers.plain(l.cityTotal()), text(l.asPrinted()), Numbers.plain(l.difference()),
                Numbers.fraction(l.relativeDifference()), l.status().name(), String.valueOf(l.countiesReported()),
                String.join(";", l.missingCounties()), words.hint(l), text(l.section()), text(l.quote()),
                l.review() == null ? "" : l.review().disposition().name(), l.review() == null ? "" : text(l.review().note()),
                l.review() == null ? "" : text(l.review().reviewer()), l.review() == null ? "" : l.review().date().toString(),
                l.reviewStatus(), text(l.regionCode()), l.claimKind().code(), Numbers.plain(l.baseTotal()),
                sixDecimals(l.computedChange())))));
    }

    /** A computed change in percent or points, six decimals (33.412698). */
    static String sixDecimals(BigDecimal value) {
        return value == null ? "" : value.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    static String text(String value) {
        return value == null ? "" : value;
    }
}
