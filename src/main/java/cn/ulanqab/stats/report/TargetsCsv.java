package cn.ulanqab.stats.report;

import cn.ulanqab.stats.files.CsvOutput;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.targets.TargetResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** targets.csv: one line per target of the year, in the order of the targets file (no file for a year without targets). */
final class TargetsCsv {

    static final String FILE = "targets.csv";
    static final List<String> COLUMNS = List.of("indicator_code", "name_zh", "unit", "target_text", "target_value",
            "cumulative_total", "share_of_target", "cumulative_growth", "expected_share", "pace_basis", "status",
            "counties_reported", "missing_counties", "hint", "region_code");

    private TargetsCsv() {
    }

    static void write(Path folder, OutputWriter.NightReport night) {
        Path target = folder.resolve(FILE);
        if (night.targets().isEmpty()) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the stale " + target, e);
            }
            return;
        }
        TargetWords words = new TargetWords(night.words());
        CsvOutput.write(target, COLUMNS, night.targets().stream().map(r -> row(r, words)).toList());
    }

    static List<String> row(TargetResult r, TargetWords words) {
        return List.of(r.indicator().code(), r.indicator().nameZh(), r.indicator().unit(), r.target().targetText(),
                Numbers.plain(r.targetValue()), Numbers.plain(r.cumulativeTotal()), six(r.shareOfTarget()),
                six(r.cumulativeGrowth()), six(r.expectedShare()), r.paceBasis() == null ? "" : r.paceBasis().token(),
                r.status().name(), r.countiesReported() == null ? "" : String.valueOf(r.countiesReported()),
                r.missingCounties() == null ? "" : String.join(";", r.missingCounties()), words.hint(r),
                r.target().regionCode());
    }

    /** Six decimals, half-up: 0.500000. */
    static String six(BigDecimal value) {
        return value == null ? "" : value.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }
}
