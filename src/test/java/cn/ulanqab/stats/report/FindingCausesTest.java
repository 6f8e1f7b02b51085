package cn.ulanqab.stats.report;

import cn.ulanqab.stats.reconciliation.Cause;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FindingCausesTest {

    private static ReconciliationLine line(Status status, List<Cause> causes) {
        return new ReconciliationLine("X", "x", "x", "吨", "1万吨", null, null, null, null, null, null, status, 11, List.of(),
                causes, null, null, null, null);
    }

    private static Cause cause(Cause.Kind kind, String county) {
        return new Cause(kind, county, null, 0, null, null, null, BigDecimal.ONE, null, null);
    }

    @Test
    void namesTheKindOfEachCauseOnceInOrder() {
        List<Cause> causes = List.of(cause(Cause.Kind.OUTSIDE_CLAIM, null), cause(Cause.Kind.UNIT_SLIP, "150923"),
                cause(Cause.Kind.UNIT_SLIP, "150921"), cause(Cause.Kind.ROUNDING_EDGE, null));
        assertThat(FindingCauses.kinds(line(Status.MISMATCH, causes))).containsExactly("OUTSIDE_CLAIM", "UNIT_SLIP", "ROUNDING_EDGE");
    }

    @Test
    void namesTheReportCheckWaitingAndRejectedRows() {
        List<Cause> causes = List.of(Cause.reportCheck("PUBLISHED_DISAGREES", "26万吨", "27万吨"),
                cause(Cause.Kind.WAITING, null), cause(Cause.Kind.REJECTED_ROW, "150981"),
                cause(Cause.Kind.MORE_REJECTED, null), cause(Cause.Kind.WOULD_COMPLETE, "150981"));
        assertThat(FindingCauses.kinds(line(Status.INCOMPLETE, causes)))
                .containsExactly("REPORT_CHECK", "WAITING", "REJECTED_ROW", "MORE_REJECTED", "WOULD_COMPLETE");
    }

    @Test
    void aLineWithoutCausesHasNoKinds() {
        assertThat(FindingCauses.kinds(line(Status.NO_DATA, List.of()))).isEmpty();
    }
}
