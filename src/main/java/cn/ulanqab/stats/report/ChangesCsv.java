package cn.ulanqab.stats.report;

import cn.ulanqab.stats.files.CsvOutput;
import cn.ulanqab.stats.history.Change;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** changes.csv: what changed since the previous run, in the fixed order of kinds (what needs attention first). */
final class ChangesCsv {

    static final String FILE = "changes.csv";
    static final List<String> COLUMNS = List.of("change", "subject", "name_zh", "before", "after", "note");

    private ChangesCsv() {
    }

    static void write(Path folder, OutputWriter.NightReport night) {
        boolean regional = !night.reference().registry().singleCity();
        List<String> columns = new ArrayList<>(COLUMNS);
        if (regional) {
            columns.add("region_code");
        }
        ChangeWords words = new ChangeWords(night.words());
        CsvOutput.write(folder.resolve(FILE), columns, night.changes().stream().map(c -> {
            List<String> row = new ArrayList<>(List.of(c.kind().name(), c.subject(), ReconciliationCsv.text(c.name()),
                    ReconciliationCsv.text(c.before()), ReconciliationCsv.text(c.after()), words.note(c)));
            if (regional) {
                row.add(ReconciliationCsv.text(c.regionCode()));
            }
            return row;
        }).toList());
    }
}
