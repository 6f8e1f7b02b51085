package cn.ulanqab.stats.submission;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Check 12's messages stay short whatever the number of copies (the database column holds 2,000 characters). */
class DuplicateSettlementTest {

    @Test
    void aConflictWithManyCopiesListsTheFirstAndCountsAll() {
        List<DuplicateSettlement.AcceptedRow> copies = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            copies.add(new DuplicateSettlement.AcceptedRow(i + 2, "TECH_INCUBATORS", BigDecimal.valueOf(i % 3)));
        }
        List<DuplicateSettlement.Verdict> verdicts = DuplicateSettlement.settle(copies);
        assertThat(verdicts).hasSize(100_000).allMatch(v -> v.reason() == RowReason.DUPLICATE_CONFLICT);
        assertThat(verdicts.get(0).message()).hasSizeLessThan(1000).contains("appears on lines 2, 3, 4")
                .contains("(100000 copies in all)").contains("none is counted");
    }

    @Test
    void fewCopiesKeepTheirFullMessage() {
        List<DuplicateSettlement.Verdict> verdicts = DuplicateSettlement.settle(List.of(
                new DuplicateSettlement.AcceptedRow(3, "X", new BigDecimal("12")),
                new DuplicateSettlement.AcceptedRow(7, "X", new BigDecimal("12.0")),
                new DuplicateSettlement.AcceptedRow(9, "Y", new BigDecimal("1")),
                new DuplicateSettlement.AcceptedRow(11, "Y", new BigDecimal("2"))));
        assertThat(verdicts).extracting(DuplicateSettlement.Verdict::message).containsExactly(
                "repeats line 3 with the same value; line 3 is kept",
                "Y appears on lines 9, 11 with different values (1 vs 2); none is counted until the county sends one",
                "Y appears on lines 9, 11 with different values (1 vs 2); none is counted until the county sends one");
    }
}
