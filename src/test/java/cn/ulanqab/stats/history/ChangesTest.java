package cn.ulanqab.stats.history;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.review.Disposition;
import cn.ulanqab.stats.review.Review;
import cn.ulanqab.stats.submission.FileStatus;
import cn.ulanqab.stats.submission.SubmissionStore.LedgerLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangesTest {

    @Test
    void reportsNewAndResolvedFindingsMovedTotalsAndResubmittedFiles() {
        List<ReconciliationLine> before = List.of(line("A", Status.MATCH, "10"), line("B", Status.MISMATCH, "5"),
                line("C", Status.INCOMPLETE, "3"), line("D", Status.MATCH, "7"));
        List<ReconciliationLine> after = List.of(line("A", Status.MISMATCH, "12"), line("B", Status.MATCH, "6"),
                line("C", Status.MISMATCH, "3.0"), line("D", Status.MATCH, "7"));
        List<LedgerLine> oldFiles = List.of(file("150921.csv", "150921", "aa"), file("150922.csv", "150922", "bb"),
                file("150923.csv", "150923", "cc"));
        List<LedgerLine> newFiles = List.of(file("150921-v2.csv", "150921", "dd"), file("150922.csv", "150922", "ee"),
                file("150923.csv", "150923", "cc"));

        List<String> changes = Changes.between(before, oldFiles, after, newFiles).stream()
                .map(c -> c.kind() + ":" + c.subject() + ":" + c.before() + ":" + c.after()).toList();

        assertThat(changes).as("in the fixed order of kinds, then by indicator").containsExactly(
                "FILE_RESUBMITTED:150921:150921.csv:150921-v2.csv", "FILE_RESUBMITTED:150922:150922.csv:150922.csv",
                "NEW_FINDING:A:MATCH:MISMATCH", "STATUS_CHANGED:C:INCOMPLETE:MISMATCH", "RESOLVED:B:MISMATCH:MATCH",
                "TOTAL_CHANGED:A:10:12", "TOTAL_CHANGED:B:5:6");
    }

    @Test
    void nothingChangedMeansNoChanges() {
        List<ReconciliationLine> lines = List.of(line("A", Status.MISMATCH, "10"));
        List<LedgerLine> files = List.of(file("150921.csv", "150921", "aa"));
        assertThat(Changes.between(lines, files, lines, files)).isEmpty();
    }

    @Test
    void reportsAReviewAddedOneThatWentStaleAndOneTakenAway() {
        Review explained = new Review(2, "A", Disposition.EXPLAINED, "县里已说明", "王", LocalDate.of(2024, 3, 1), new BigDecimal("10"));
        Review willFix = new Review(3, "C", Disposition.WILL_FIX, "下月更正", "李", LocalDate.of(2024, 3, 1), null);
        List<ReconciliationLine> before = List.of(line("A", Status.MISMATCH, "10"), line("B", Status.MISMATCH, "5").withReview(
                new Review(2, "B", Disposition.ACCEPTED, "", "王", LocalDate.of(2024, 3, 1), null)), line("C", Status.MISMATCH, "3"));
        List<ReconciliationLine> after = List.of(line("A", Status.MISMATCH, "10").withReview(explained),
                line("B", Status.MISMATCH, "5"), line("C", Status.MISMATCH, "3").withReview(willFix));
        List<LedgerLine> files = List.of(file("150921.csv", "150921", "aa"));

        List<String> changes = Changes.between(before, files, after, files).stream()
                .map(c -> c.kind() + ":" + c.subject() + ":" + c.before() + ":" + c.after()).toList();

        assertThat(changes).containsExactly(
                "REVIEW_CHANGED:A::EXPLAINED (excused)",
                "REVIEW_CHANGED:B:ACCEPTED (excused):",
                "REVIEW_CHANGED:C::WILL_FIX (current)");

        List<ReconciliationLine> moved = List.of(line("A", Status.MISMATCH, "12").withReview(explained), after.get(1), after.get(2));
        assertThat(Changes.between(after, files, moved, files)).extracting(c -> c.kind() + ":" + c.before() + ":" + c.after())
                .containsExactly("REVIEW_STALE:EXPLAINED (excused):EXPLAINED (stale)", "TOTAL_CHANGED:10:12");
    }

    private static ReconciliationLine line(String code, Status status, String total) {
        return new ReconciliationLine(code, code, code, "个", "1个", BigDecimal.ONE, "", new BigDecimal(total), "", null, null,
                status, 11, List.of(), List.of(), "", "", null);
    }

    @Test
    void putsAnUnreadableResubmissionAndTheUnitItDroppedFirst() {
        List<ReconciliationLine> before = List.of(line("A", Status.MATCH, "10"));
        List<ReconciliationLine> after = List.of(line("A", Status.INCOMPLETE, "8"));
        List<LedgerLine> oldFiles = List.of(file("150922.csv", "150922", "bb"), file("150923.csv", "150923", "cc"));
        List<LedgerLine> newFiles = List.of(file("150922.csv", "150922", "bb"),
                new LedgerLine("150923.csv", "150923", 1, FileStatus.SUPERSEDED, "UTF-8", 0, 0, 0, "cc", null),
                new LedgerLine("150923-v2.csv", "150923", 2, FileStatus.UNREADABLE, null, 0, 0, 0, "dd", Detail.of("header.lacks.tabs", "county_code", "a\tb")));

        List<Change> changes = Changes.between(before, oldFiles, after, newFiles);

        assertThat(changes).extracting(c -> c.kind() + ":" + c.subject()).containsExactly(
                "FILE_UNREADABLE:150923-v2.csv", "COUNTY_DROPPED_OUT:150923", "FILE_RESUBMITTED:150923",
                "NEW_FINDING:A", "TOTAL_CHANGED:A");
        assertThat(changes.stream().filter(Change::tonight)).extracting(c -> c.kind().name())
                .containsExactly("FILE_UNREADABLE", "COUNTY_DROPPED_OUT", "FILE_RESUBMITTED");
        assertThat(Detail.fromStored(changes.get(0).detail())).isEqualTo(Detail.of("header.lacks.tabs", "county_code", "a\tb"));
    }

    private static LedgerLine file(String name, String county, String sha) {
        return new LedgerLine(name, county, 1, FileStatus.PROCESSED, "UTF-8", 1, 1, 0, sha, null);
    }
}
