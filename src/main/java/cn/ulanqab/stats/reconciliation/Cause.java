package cn.ulanqab.stats.reconciliation;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One cause or note of a reconciliation line, as data: what kind it is and the facts it rests on. Each output words
 * it in its own language from these fields; no output reads another's text.
 *
 * @param county  the unit the cause names (a county, or the city for its own file), or null
 * @param file    the file of the row or of the earlier version, or null
 * @param line    the line of that row, 0 when none
 * @param code    a token: a row's rejection reason, the report check's status
 * @param raw     text as it was written: a rejected row's raw value, the published text of the report check
 * @param remark  further text as written: a rejected row's remark, the report's text of the report check
 * @param value   the number the cause is about: the county's value, the (partial) total, a count of rows
 * @param factor  the power of ten of a unit slip or of the printed figure's unit
 * @param closing the value that would close the gap: the county's corrected value, the earlier value, the total
 *                a rejected row would complete
 */
public record Cause(Kind kind, String county, String file, long line, String code, String raw, String remark,
                   BigDecimal value, BigDecimal factor, BigDecimal closing) {

    public enum Kind {
        /** the printed figure's report check found a problem (code: the check's status). */
        REPORT_CHECK,
        /** the complete total is outside the claim (value: the total). */
        OUTSIDE_CLAIM,
        /** the total × factor fits the claim: the printed figure's unit is probably wrong, no county is blamed. */
        PUBLISHED_UNIT,
        UNIT_SLIP,
        DIGITS_SWAPPED,
        COUNTED_TWICE,
        RESUBMISSION,
        ROUNDING_EDGE,
        UNEXPLAINED,
        NOT_PRINTED,
        NO_COUNTY_REPORTED,
        RATIO_NO_DATA,
        RATIO_INCOMPLETE,
        RATIO_ZERO_DENOMINATOR,
        NOT_A_CITY,
        CITY_FILE_LACKS,
        /** an incomplete sum that the missing counties may still complete (value: the partial total). */
        WAITING,
        /** an incomplete sum already above the claim (value: the partial total). */
        EXCEEDED_BEFORE_COMPLETE,
        REJECTED_ROW,
        /** more rejected rows than are noted one by one (value: how many). */
        MORE_REJECTED,
        /** a rejected row whose value would complete the total to what is printed (closing: that total). */
        WOULD_COMPLETE,
        /** a change figure with no base row (raw: last year's period, file: the base file). */
        NO_BASE,
        /** a change figure whose base is 0: no relative change exists (raw: last year's period). */
        BASE_ZERO,
        /** the change computed from the complete total is outside the claim (value: the change, closing: the base). */
        CHANGE_OUTSIDE_CLAIM,
        /** this year's total explains a change's gap (value: the total, closing: the total the printed change needs). */
        CHANGE_FROM_TOTAL,
        /**
         * the base explains a change's gap (value: the base, closing: the base that fits; code: UNIT_SLIP with factor,
         * DIGITS_SWAPPED, or LEVEL_MATCHES when this year's total fits its own printed level; file: the base file).
         */
        CHANGE_FROM_BASE,
        /** neither explains a change's gap alone (value: the total the change needs, closing: the base it needs). */
        CHANGE_UNEXPLAINED
    }

    /** The codes of {@link Kind#CHANGE_FROM_BASE}: why the base is suspected. */
    public static final String BASE_UNIT_SLIP = "UNIT_SLIP";
    public static final String BASE_DIGITS_SWAPPED = "DIGITS_SWAPPED";
    public static final String BASE_LEVEL_MATCHES = "LEVEL_MATCHES";
    public static final List<String> BASE_CODES = List.of(BASE_UNIT_SLIP, BASE_DIGITS_SWAPPED, BASE_LEVEL_MATCHES);

    /** The kinds that blame a county's value for the gap: the diagnosis names that county. */
    private static final Set<Kind> DIAGNOSES = EnumSet.of(Kind.UNIT_SLIP, Kind.DIGITS_SWAPPED, Kind.COUNTED_TWICE,
            Kind.RESUBMISSION);

    public boolean namesCounty() {
        return DIAGNOSES.contains(kind) && county != null;
    }

    static Cause of(Kind kind) {
        return new Cause(kind, null, null, 0, null, null, null, null, null, null);
    }

    static Cause about(Kind kind, BigDecimal value) {
        return new Cause(kind, null, null, 0, null, null, null, value, null, null);
    }

    static Cause ofCounty(Kind kind, String county, BigDecimal value, BigDecimal factor, BigDecimal closing) {
        return new Cause(kind, county, null, 0, null, null, null, value, factor, closing);
    }

    public static Cause reportCheck(String status, String publishedText, String reportText) {
        return new Cause(Kind.REPORT_CHECK, null, null, 0, status, publishedText, reportText, null, null, null);
    }
}
