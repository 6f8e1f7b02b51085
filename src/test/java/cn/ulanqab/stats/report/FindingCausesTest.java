package cn.ulanqab.stats.report;

import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FindingCausesTest {

    private static ReconciliationLine line(Status status, String hint) {
        return new ReconciliationLine("X", "x", "x", "吨", "1万吨", null, null, null, null, null, null, status, 11, List.of(),
                hint, null, null, null);
    }

    @Test
    void namesTheKindOfEachPartOfTheHintOnceInOrder() {
        String hint = "the total 1712475.1 is outside what 184万吨 claims (1835000 ≤ t < 1845000)"
                + " | unit slip? 商都县 (150923) reported 171247.51 吨; ×10 closes the gap"
                + " | unit slip? 卓资县 (150921) reported 12.6 吨; ×10,000 closes the gap"
                + " | rounding edge: the total 1712475.1 is within one printed digit of what 184万吨 claims";
        assertThat(FindingCauses.kinds(line(Status.MISMATCH, hint))).containsExactly("OUTSIDE_CLAIM", "UNIT_SLIP", "ROUNDING_EDGE");
    }

    @Test
    void recognisesWaitingRejectedRowsAndTheReportCheck() {
        String hint = "PUBLISHED_DISAGREES: the report prints 26万吨 | partial total 796; waiting for 丰镇市 (150981)"
                + " | rejected: 丰镇市 150981.csv line 61 (DUPLICATE_CONFLICT) | and 3 more rejected rows in rejected-rows.csv"
                + " | would complete: 丰镇市 150981.csv line 61 (DUPLICATE_CONFLICT) holds '86'";
        assertThat(FindingCauses.kinds(line(Status.INCOMPLETE, hint)))
                .containsExactly("REPORT_CHECK", "WAITING", "REJECTED_ROW", "MORE_REJECTED", "WOULD_COMPLETE");
    }

    @Test
    void noHintNoCauseAndUnknownWordsAreLeftOut() {
        assertThat(FindingCauses.kinds(line(Status.NO_DATA, null))).isEmpty();
        assertThat(FindingCauses.kinds(line(Status.NO_DATA, "no county reported it | something new"))).containsExactly("NO_COUNTY_REPORTED");
    }
}
