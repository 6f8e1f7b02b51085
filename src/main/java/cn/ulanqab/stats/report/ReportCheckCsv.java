package cn.ulanqab.stats.report;

import cn.ulanqab.stats.files.CsvOutput;
import cn.ulanqab.stats.extraction.PublishedCheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** report-check.csv: the published file against the report, only for a run with --report (else a stale one is removed). */
final class ReportCheckCsv {

    static final String FILE = "report-check.csv";

    private ReportCheckCsv() {
    }

    static void write(Path folder, OutputWriter.NightReport night) {
        Path target = folder.resolve(FILE);
        if (night.reportCheck() == null) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the stale " + target, e);
            }
            return;
        }
        CsvOutput.write(target, PublishedCheck.COLUMNS, night.reportCheck().stream().map(c -> List.of(c.indicatorCode(),
                c.status().name(), c.publishedText(), c.reportText(), c.publishedSection(), c.reportSection(), c.quote(),
                c.figureId(), night.words().words().detail(c.message()))).toList());
    }
}
