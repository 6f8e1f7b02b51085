package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.Level;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.catalog.Units;
import cn.ulanqab.stats.catalog.ValueType;

import java.math.BigDecimal;
import java.util.Optional;

/** Checks 1 to 11 of the contract, in order; duplicates (check 12) need the whole file and are settled later. */
public class RowValidator {

    private final Registry registry;
    private final Catalog catalog;
    private final String period;

    public RowValidator(Registry registry, Catalog catalog, String period) {
        this.registry = registry;
        this.catalog = catalog;
        this.period = period;
    }

    public RowOutcome validate(SubmittedRow row) {
        if (row.malformed() != null) {
            return RowOutcome.rejected(row, RowReason.MALFORMED_ROW, row.malformed());
        }
        String county = Blanks.trim(row.countyCode());
        if (registry.find(county).isEmpty()) {
            return RowOutcome.rejected(row, RowReason.UNKNOWN_COUNTY,
                    "county code '" + shown(county) + "' is not in the registry");
        }
        if (!county.equals(row.fileCountyCode())) {
            return RowOutcome.rejected(row, RowReason.COUNTY_MISMATCH,
                    "county code " + county + " in the file of " + row.fileCountyCode());
        }
        String code = Blanks.trim(row.indicatorCode());
        Optional<Indicator> found = catalog.find(code);
        if (found.isEmpty()) {
            return RowOutcome.rejected(row, RowReason.UNKNOWN_INDICATOR,
                    "indicator code '" + shown(code) + "' is not in the catalog");
        }
        Indicator indicator = found.get();
        String levelProblem = levelProblem(indicator, county);
        if (levelProblem != null) {
            return RowOutcome.rejected(row, RowReason.WRONG_LEVEL, levelProblem);
        }
        String rowPeriod = Blanks.trim(row.period());
        if (!rowPeriod.equals(period)) {
            return RowOutcome.rejected(row, RowReason.PERIOD_MISMATCH,
                    "period '" + shown(rowPeriod) + "' in the folder of period " + period);
        }
        if (SubmittedNumber.isMissing(row.value())) {
            return RowOutcome.rejected(row, RowReason.MISSING_VALUE,
                    "no value (blank means not reported, never zero)");
        }
        String value = Blanks.trim(row.value());
        if (SubmittedNumber.tooLong(value)) {
            return RowOutcome.rejected(row, RowReason.NOT_A_NUMBER, "'" + shown(value) + "' is more than "
                    + SubmittedNumber.MAX_LENGTH + " characters (" + value.length() + "): write the number alone, e.g. 1203,"
                    + " and anything else in the remark");
        }
        Optional<BigDecimal> number = SubmittedNumber.parse(value);
        if (number.isEmpty()) {
            return RowOutcome.rejected(row, RowReason.NOT_A_NUMBER,
                    "'" + value + "' is not a number: write digits, e.g. 1203 or 1,203.5");
        }
        String unit = Blanks.trim(row.unit());
        Optional<BigDecimal> factor = Units.factor(unit, indicator.unit());
        if (factor.isEmpty()) {
            return RowOutcome.rejected(row, RowReason.UNKNOWN_UNIT,
                    "unit '" + shown(unit) + "' cannot be converted to " + indicator.unit());
        }
        BigDecimal converted = number.get().multiply(factor.get());
        if (converted.signum() < 0) {
            return RowOutcome.rejected(row, RowReason.NEGATIVE_VALUE, "negative value " + converted.toPlainString() + " " + indicator.unit());
        }
        if (indicator.valueType() == ValueType.INTEGER && converted.stripTrailingZeros().scale() > 0) {
            return RowOutcome.rejected(row, RowReason.NOT_AN_INTEGER,
                    indicator.code() + " counts whole " + indicator.unit() + " but the value is " + converted.toPlainString());
        }
        return RowOutcome.accepted(row, converted);
    }

    /** A text read from the row, cut to 100 characters for a message (the row itself keeps it whole). */
    private static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 1) + "…";
    }

    private static final int SHOWN = 100;

    private String levelProblem(Indicator indicator, String county) {
        if (indicator.isRatio()) {
            return indicator.code() + " is a ratio: it is computed from " + indicator.formula() + ", never submitted";
        }
        // a CITY indicator only in a city's file; a COUNTY indicator only in a county-level unit's (a leaf's) file
        boolean cityFile = registry.isCity(county);
        boolean leafFile = registry.isLeaf(county);
        if (indicator.level() == Level.CITY && !cityFile) {
            return indicator.code() + " is reported by the city bureau, not by a county";
        }
        if (indicator.level() == Level.COUNTY && !leafFile) {
            return cityFile ? indicator.code() + " is reported by the counties, not in the city file"
                    : indicator.code() + " is reported by the counties, not by " + county + ", a region above them";
        }
        return null;
    }
}
