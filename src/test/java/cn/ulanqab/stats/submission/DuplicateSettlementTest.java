package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.submission.DuplicateSettlement.AcceptedRow;
import cn.ulanqab.stats.submission.DuplicateSettlement.Verdict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DuplicateSettlementTest {

    private static AcceptedRow row(long line, String indicator, String value) {
        return new AcceptedRow(line, indicator, new BigDecimal(value));
    }

    @Test
    void keepsLowestLineOfEqualCopiesAndMarksOthersDuplicate() {
        List<Verdict> verdicts = DuplicateSettlement.settle(List.of(
                row(5, "URBAN_NEW_JOBS", "12.0"), row(3, "URBAN_NEW_JOBS", "12")));
        assertThat(verdicts).extracting(Verdict::line, Verdict::reason)
                .containsExactly(tuple(5L, RowReason.DUPLICATE));
        assertThat(verdicts.get(0).message()).isEqualTo(Detail.of("duplicate", 3));
    }

    @Test
    void marksEveryCopyOfDifferentValuesAsConflict() {
        List<Verdict> verdicts = DuplicateSettlement.settle(List.of(
                row(2, "MEAT_OUTPUT", "100"), row(9, "MEAT_OUTPUT", "101")));
        assertThat(verdicts).extracting(Verdict::line, Verdict::reason).containsExactlyInAnyOrder(
                tuple(2L, RowReason.DUPLICATE_CONFLICT), tuple(9L, RowReason.DUPLICATE_CONFLICT));
        assertThat(verdicts.get(0).message().args()).anySatisfy(values -> assertThat(values).contains("100").contains("101"));
    }

    @Test
    void threeCopiesWithOneDifferentAreAllConflicts() {
        List<Verdict> verdicts = DuplicateSettlement.settle(List.of(
                row(2, "MEAT_OUTPUT", "100"), row(4, "MEAT_OUTPUT", "100.00"), row(6, "MEAT_OUTPUT", "7")));
        assertThat(verdicts).extracting(Verdict::line, Verdict::reason).containsExactlyInAnyOrder(
                tuple(2L, RowReason.DUPLICATE_CONFLICT), tuple(4L, RowReason.DUPLICATE_CONFLICT),
                tuple(6L, RowReason.DUPLICATE_CONFLICT));
    }

    @Test
    void threeEqualCopiesKeepTheFirstAndRejectTwo() {
        List<Verdict> verdicts = DuplicateSettlement.settle(List.of(
                row(8, "MEAT_OUTPUT", "5"), row(2, "MEAT_OUTPUT", "5.0"), row(4, "MEAT_OUTPUT", "5.00")));
        assertThat(verdicts).extracting(Verdict::line, Verdict::reason).containsExactlyInAnyOrder(
                tuple(4L, RowReason.DUPLICATE), tuple(8L, RowReason.DUPLICATE));
    }

    @Test
    void leavesRowsOfDifferentIndicatorsUntouched() {
        List<Verdict> verdicts = DuplicateSettlement.settle(List.of(
                row(2, "MEAT_OUTPUT", "100"), row(3, "MILK_OUTPUT", "100"), row(4, "URBAN_NEW_JOBS", "5"),
                row(5, "MILK_OUTPUT", "100"), row(6, "URBAN_NEW_JOBS", "6")));
        assertThat(verdicts).extracting(Verdict::line, Verdict::reason).containsExactlyInAnyOrder(
                tuple(5L, RowReason.DUPLICATE),
                tuple(4L, RowReason.DUPLICATE_CONFLICT), tuple(6L, RowReason.DUPLICATE_CONFLICT));
    }

    @Test
    void noDuplicatesNoVerdicts() {
        assertThat(DuplicateSettlement.settle(List.of(row(2, "A", "1"), row(3, "B", "1")))).isEmpty();
        assertThat(DuplicateSettlement.settle(List.of())).isEmpty();
    }

    @Test
    void aConflictWithManyCopiesListsTheFirstAndCountsAll() {
        List<DuplicateSettlement.AcceptedRow> copies = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            copies.add(new DuplicateSettlement.AcceptedRow(i + 2, "TECH_INCUBATORS", BigDecimal.valueOf(i % 3)));
        }
        List<DuplicateSettlement.Verdict> verdicts = DuplicateSettlement.settle(copies);
        assertThat(verdicts).hasSize(100_000).allMatch(v -> v.reason() == RowReason.DUPLICATE_CONFLICT);
        Detail conflict = verdicts.get(0).message();
        assertThat(conflict.key()).isEqualTo("duplicate.conflict.more");
        assertThat(conflict.stored()).hasSizeLessThan(1000);
        assertThat(conflict.args().get(1)).startsWith("2, 3, 4");
        assertThat(conflict.args().get(3)).isEqualTo("100000");
    }

    @Test
    void fewCopiesKeepTheirFullMessage() {
        List<DuplicateSettlement.Verdict> verdicts = DuplicateSettlement.settle(List.of(
                new DuplicateSettlement.AcceptedRow(3, "X", new BigDecimal("12")),
                new DuplicateSettlement.AcceptedRow(7, "X", new BigDecimal("12.0")),
                new DuplicateSettlement.AcceptedRow(9, "Y", new BigDecimal("1")),
                new DuplicateSettlement.AcceptedRow(11, "Y", new BigDecimal("2"))));
        assertThat(verdicts).extracting(DuplicateSettlement.Verdict::message).containsExactly(
                Detail.of("duplicate", 3), Detail.of("duplicate.conflict", "Y", "9, 11", "1 / 2"),
                Detail.of("duplicate.conflict", "Y", "9, 11", "1 / 2"));
    }
}
