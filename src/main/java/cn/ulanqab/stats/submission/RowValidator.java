package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
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
            return RowOutcome.rejected(row, RowReason.UNKNOWN_COUNTY, Detail.of("unknown.county", shown(county)));
        }
        if (!county.equals(row.fileCountyCode())) {
            return RowOutcome.rejected(row, RowReason.COUNTY_MISMATCH, Detail.of("county.mismatch", county, row.fileCountyCode()));
        }
        String code = Blanks.trim(row.indicatorCode());
        Optional<Indicator> found = catalog.find(code);
        if (found.isEmpty()) {
            return RowOutcome.rejected(row, RowReason.UNKNOWN_INDICATOR, Detail.of("unknown.indicator", shown(code)));
        }
        Indicator indicator = found.get();
        Detail levelProblem = levelProblem(indicator, county);
        if (levelProblem != null) {
            return RowOutcome.rejected(row, RowReason.WRONG_LEVEL, levelProblem);
        }
        String rowPeriod = Blanks.trim(row.period());
        if (!rowPeriod.equals(period)) {
            return RowOutcome.rejected(row, RowReason.PERIOD_MISMATCH, Detail.of("period.mismatch", shown(rowPeriod), period));
        }
        if (SubmittedNumber.isMissing(row.value())) {
            return RowOutcome.rejected(row, RowReason.MISSING_VALUE, Detail.NONE);
        }
        String value = Blanks.trim(row.value());
        if (SubmittedNumber.tooLong(value)) {
            return RowOutcome.rejected(row, RowReason.NOT_A_NUMBER,
                    Detail.of("value.too.long", shown(value), SubmittedNumber.MAX_LENGTH, value.length()));
        }
        Optional<BigDecimal> number = SubmittedNumber.parse(value);
        if (number.isEmpty()) {
            return RowOutcome.rejected(row, RowReason.NOT_A_NUMBER, Detail.of("not.a.number", value));
        }
        String unit = Blanks.trim(row.unit());
        Optional<BigDecimal> factor = Units.factor(unit, indicator.unit());
        if (factor.isEmpty()) {
            return RowOutcome.rejected(row, RowReason.UNKNOWN_UNIT, Detail.of("unknown.unit", shown(unit), indicator.unit()));
        }
        BigDecimal converted = number.get().multiply(factor.get());
        if (converted.signum() < 0) {
            return RowOutcome.rejected(row, RowReason.NEGATIVE_VALUE, Detail.of("negative", converted.toPlainString(), indicator.unit()));
        }
        if (indicator.valueType() == ValueType.INTEGER && converted.stripTrailingZeros().scale() > 0) {
            return RowOutcome.rejected(row, RowReason.NOT_AN_INTEGER,
                    Detail.of("not.an.integer", indicator.code(), indicator.unit(), converted.toPlainString()));
        }
        return RowOutcome.accepted(row, converted);
    }

    /** A text read from the row, cut to 100 characters for a message (the row itself keeps it whole). */
    private static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 1) + "…";
    }

    private static final int SHOWN = 100;

    private Detail levelProblem(Indicator indicator, String county) {
        if (indicator.isRatio()) {
            return Detail.of("level.ratio", indicator.code(), indicator.formula());
        }
        // a CITY indicator only in a city's file; a COUNTY indicator only in a county-level unit's (a leaf's) file
        boolean cityFile = registry.isCity(county);
        boolean leafFile = registry.isLeaf(county);
        if (indicator.level() == Level.CITY && !cityFile) {
            return Detail.of("level.city", indicator.code());
        }
        if (indicator.level() == Level.COUNTY && !leafFile) {
            return cityFile ? Detail.of("level.county.in.city.file", indicator.code())
                    : Detail.of("level.county.in.region.file", indicator.code(), county);
        }
        return null;
    }
}
