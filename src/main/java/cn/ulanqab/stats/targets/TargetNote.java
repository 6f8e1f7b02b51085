package cn.ulanqab.stats.targets;

import java.math.BigDecimal;

/**
 * Why a target's line says what it says, as data; each output words it in its own language.
 *
 * @param period  NO_BASE: the base period without a row; NOT_CUMULATIVE: the earlier period compared with
 * @param county  NOT_CUMULATIVE: the county whose figure went down
 * @param earlier NOT_CUMULATIVE: the county's figure in the earlier run
 * @param now     NOT_CUMULATIVE: its figure tonight
 */
public record TargetNote(Kind kind, String period, String county, BigDecimal earlier, BigDecimal now) {

    public enum Kind {
        /** nobody reported the indicator (or none of a ratio's components) */
        NO_DATA,
        /** the base file of the same period of last year has no row for a growth target */
        NO_BASE,
        /** the base of a growth target is 0 */
        BASE_ZERO,
        /** counties still missing, and what they reported does not decide the target yet */
        INCOMPLETE,
        /** a county's cumulative figure is below its figure of an earlier period of the same year */
        NOT_CUMULATIVE
    }

    static TargetNote of(Kind kind) {
        return new TargetNote(kind, null, null, null, null);
    }

    static TargetNote noBase(String period) {
        return new TargetNote(Kind.NO_BASE, period, null, null, null);
    }

    static TargetNote notCumulative(String period, String county, BigDecimal earlier, BigDecimal now) {
        return new TargetNote(Kind.NOT_CUMULATIVE, period, county, earlier, now);
    }
}
