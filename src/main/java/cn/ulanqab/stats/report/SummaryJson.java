package cn.ulanqab.stats.report;

import cn.ulanqab.stats.files.AtomicFiles;
import cn.ulanqab.stats.reconciliation.Status;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <output>/<period>/summary.json}: the night for a program (a scheduler, a dashboard, the history index).
 * The run, its input fingerprint, when it started (in the bureau's zone), its exit status, the figures counted by
 * status, and each finding with the kinds of its causes.
 */
public final class SummaryJson {

    public static final String FILE = "summary.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The document; its keys are the contract. */
    record Summary(String period, long run, String fingerprint, String started, @JsonProperty("exit_status") int exitStatus,
                   Map<String, Long> counts, List<Finding> findings) {
    }

    /**
     * One finding. {@code review_status}: blank (no review), {@code current}, {@code excused} (it no longer counts
     * for the exit status) or {@code stale}. {@code claim_kind}: level, growth, decline or point_change.
     */
    record Finding(@JsonProperty("indicator_code") String indicatorCode, @JsonProperty("region_code") String regionCode,
                   String status, @JsonProperty("review_status") String reviewStatus, List<String> causes,
                   @JsonProperty("claim_kind") String claimKind) {
    }

    private SummaryJson() {
    }

    /**
     * @param city        the region of a line that names none (the city of a one-city registry)
     * @param fingerprint the run's input fingerprint (SHA-256, hex)
     */
    public static void write(Path target, OutputWriter.NightReport night, String city, String fingerprint) {
        RunSummary summary = night.summary();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            counts.put(status.name(), summary.figures().getOrDefault(status, 0L));
        }
        List<Finding> findings = XlsxReport.findingsOrder(night.lines(), night.reference()).stream()
                .filter(l -> l.status().isFinding())
                .map(l -> new Finding(l.indicatorCode(), l.regionCode() == null ? city : l.regionCode(), l.status().name(),
                        XlsxReport.reviewStatus(l), FindingCauses.kinds(l), l.claimKind().code()))
                .toList();
        Summary document = new Summary(summary.period(), summary.runId(), fingerprint, started(night.runStarted()),
                summary.exitStatus(), counts, findings);
        byte[] bytes = JSON.writeValueAsBytes(document);
        AtomicFiles.write(target, out -> out.write(bytes));
    }

    /** When the run started, in the bureau's zone (the job hands the time over in it). */
    private static String started(OffsetDateTime runStarted) {
        return runStarted == null ? null : runStarted.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
