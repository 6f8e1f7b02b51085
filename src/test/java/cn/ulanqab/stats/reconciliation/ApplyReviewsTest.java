package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.review.Disposition;
import cn.ulanqab.stats.review.Review;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** applyReviewerDispositions: each review beside its line, and the stored lines written again only when a review changes. */
class ApplyReviewsTest {

    private static final long RUN = 7;

    /** The run's stored lines in memory, counting how often they are written. */
    private static final class StoredLines extends ReconciliationStore {
        List<ReconciliationLine> lines;
        int writes;

        StoredLines(List<ReconciliationLine> lines) {
            super(null);
            this.lines = List.copyOf(lines);
        }

        @Override
        public List<ReconciliationLine> lines(long runId) {
            assertThat(runId).isEqualTo(RUN);
            // as the database gives them back: new objects of the same content
            return new ArrayList<>(lines.stream().map(l -> l.withReview(l.review())).toList());
        }

        @Override
        public void replace(long runId, List<ReconciliationLine> replacement) {
            assertThat(runId).isEqualTo(RUN);
            lines = List.copyOf(replacement);
            writes++;
        }
    }

    private static ReconciliationLine line(String indicator, String region, Status status, Review review) {
        return new ReconciliationLine(indicator, indicator, indicator, "吨", "12万吨", new BigDecimal("120000"), "exact",
                new BigDecimal("119000.5"), "11.9万吨", new BigDecimal("1000"), null, status, 8, List.of("150921"),
                List.of(new Cause(Cause.Kind.OUTSIDE_CLAIM, null, null, 0, null, null, null, new BigDecimal("1000"), null, null)),
                "一(三)", "全年减排12万吨", review, region);
    }

    private static Review review(String indicator, String region, Disposition disposition) {
        return new Review(2, indicator, disposition, "县里已说明", "王", LocalDate.of(2024, 3, 1), new BigDecimal("119000.5"), region);
    }

    private static ReconciliationService service(StoredLines store) {
        return new ReconciliationService(null, null, store);
    }

    @Test
    void aNightWithoutReviewsLeavesTheStoredLinesAsTheyAre() {
        StoredLines store = new StoredLines(List.of(line("CO2", "150900", Status.MISMATCH, null), line("WASTE", "150900", Status.MATCH, null)));

        service(store).applyReviews(RUN, List.of(), null);

        assertThat(store.writes).as("nothing changed, nothing written").isZero();
    }

    @Test
    void reviewsThatAreAlreadyBesideTheirLinesAreNotWrittenAgain() {
        Review explained = review("CO2", "150900", Disposition.EXPLAINED);
        StoredLines store = new StoredLines(List.of(line("CO2", "150900", Status.MISMATCH, explained), line("WASTE", "150900", Status.MATCH, null)));

        service(store).applyReviews(RUN, List.of(review("CO2", "150900", Disposition.EXPLAINED)), null);

        assertThat(store.writes).isZero();
        assertThat(store.lines.get(0).review()).isEqualTo(explained);
    }

    @Test
    void aNewReviewIsStoredBesideItsLineOnly() {
        StoredLines store = new StoredLines(List.of(line("CO2", "150900", Status.MISMATCH, null), line("CO2", "150200", Status.MISMATCH, null),
                line("WASTE", "150900", Status.MATCH, null)));
        Review explained = review("CO2", "150900", Disposition.EXPLAINED);

        service(store).applyReviews(RUN, List.of(explained), null);

        assertThat(store.writes).isEqualTo(1);
        assertThat(store.lines).extracting(ReconciliationLine::review).containsExactly(explained, null, null);
        assertThat(store.lines).extracting(ReconciliationLine::indicatorCode).containsExactly("CO2", "CO2", "WASTE");
    }

    @Test
    void aReviewWithdrawnFromTheFileIsTakenOffItsLine() {
        StoredLines store = new StoredLines(List.of(line("CO2", "150900", Status.MISMATCH, review("CO2", "150900", Disposition.WILL_FIX)),
                line("WASTE", "150900", Status.MATCH, null)));

        service(store).applyReviews(RUN, List.of(), null);

        assertThat(store.writes).isEqualTo(1);
        assertThat(store.lines).extracting(ReconciliationLine::review).containsOnlyNulls();
    }

    @Test
    void aReviewWhoseDispositionChangedIsStoredAgain() {
        StoredLines store = new StoredLines(List.of(line("CO2", "150900", Status.MISMATCH, review("CO2", "150900", Disposition.WILL_FIX))));
        Review accepted = review("CO2", "150900", Disposition.ACCEPTED);

        service(store).applyReviews(RUN, List.of(accepted), null);

        assertThat(store.writes).isEqualTo(1);
        assertThat(store.lines.get(0).review()).isEqualTo(accepted);
    }
}
