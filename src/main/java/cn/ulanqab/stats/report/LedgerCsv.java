package cn.ulanqab.stats.report;

import cn.ulanqab.stats.files.CsvOutput;
import java.nio.file.Path;
import java.util.List;

/** file-ledger.csv: every file found and every unit that sent nothing. */
final class LedgerCsv {

    static final String FILE = "file-ledger.csv";
    static final List<String> COLUMNS = List.of("file", "county_code", "version", "status", "encoding",
            "rows_read", "rows_accepted", "rows_rejected", "sha256", "reason");

    private LedgerCsv() {
    }

    static void write(Path folder, OutputWriter.NightReport night, Wording words) {
        CsvOutput.write(folder.resolve(FILE), COLUMNS, night.ledger().stream().map(f -> List.of(
                f.file(), ReconciliationCsv.text(f.countyCode()), f.version() == null ? "" : String.valueOf(f.version()),
                f.status().name(), ReconciliationCsv.text(f.encoding()), String.valueOf(f.rowsRead()),
                String.valueOf(f.rowsAccepted()), String.valueOf(f.rowsRejected()), ReconciliationCsv.text(f.sha256()),
                words.detail(f.reason()))).toList());
    }
}
