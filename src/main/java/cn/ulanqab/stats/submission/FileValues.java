package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.Registry;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values one file would contribute if it were read: used to tell whether a superseded version of a
 * county's file would have matched the printed figure. Small files only; it reads the file whole.
 */
public final class FileValues {

    private FileValues() {
    }

    /** Indicator code to accepted value, or empty when the file cannot be read. */
    public static Optional<Map<String, BigDecimal>> read(Path file, String countyCode, Registry registry, Catalog catalog, String period) {
        try {
            SubmissionEncoding.Detected encoding = SubmissionEncoding.detect(file);
            if (!encoding.readable()) {
                return Optional.empty();
            }
            RowValidator validator = new RowValidator(registry, catalog, period);
            List<RowOutcome> accepted = new ArrayList<>();
            try (SubmissionReader reader = new SubmissionReader(file, countyCode, encoding)) {
                reader.forEachRemaining(row -> {
                    RowOutcome outcome = validator.validate(row);
                    if (outcome.isAccepted()) {
                        accepted.add(outcome);
                    }
                });
            }
            Set<Long> duplicates = new HashSet<>();
            DuplicateSettlement.settle(accepted.stream().map(o -> new DuplicateSettlement.AcceptedRow(o.row().line(),
                    o.row().indicatorCode().strip(), o.value())).toList()).forEach(v -> duplicates.add(v.line()));
            Map<String, BigDecimal> values = new HashMap<>();
            accepted.stream().filter(o -> !duplicates.contains(o.row().line()))
                    .forEach(o -> values.put(o.row().indicatorCode().strip(), o.value()));
            return Optional.of(values);
        } catch (IOException | SubmissionReader.UnreadableHeader e) {
            return Optional.empty();
        }
    }
}
