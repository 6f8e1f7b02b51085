package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import java.math.BigDecimal;

/** A validated row: accepted with its value in the catalog unit, or rejected with one reason and a message. */
public record RowOutcome(SubmittedRow row, BigDecimal value, RowReason reason, Detail message) {

    public static RowOutcome accepted(SubmittedRow row, BigDecimal value) {
        return new RowOutcome(row, value, null, null);
    }

    public static RowOutcome rejected(SubmittedRow row, RowReason reason, Detail message) {
        return new RowOutcome(row, null, reason, message);
    }

    public boolean isAccepted() {
        return reason == null;
    }
}
