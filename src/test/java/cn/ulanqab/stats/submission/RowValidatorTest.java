package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.catalog.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RowValidatorTest {

    private static final ReferenceData REFERENCE = ReferenceData.load(Path.of("input/reference"));
    private static final String COUNTY = "150921";
    private static final String CITY = "150900";

    private final RowValidator validator = new RowValidator(REFERENCE.registry(), REFERENCE.catalog(), "2023");

    private static SubmittedRow row(String fileCounty, String county, String indicator, String period, String value, String unit) {
        return new SubmittedRow(fileCounty + ".csv", fileCounty, 2, county, indicator, period, value, unit, "", null);
    }

    private static SubmittedRow countyRow(String indicator, String value, String unit) {
        return row(COUNTY, COUNTY, indicator, "2023", value, unit);
    }

    private RowOutcome validate(SubmittedRow row) {
        return validator.validate(row);
    }

    private void assertRejected(SubmittedRow row, RowReason reason) {
        RowOutcome outcome = validate(row);
        assertThat(outcome.isAccepted()).as("accepted %s", row).isFalse();
        assertThat(outcome.reason()).isEqualTo(reason);
        assertThat(outcome.value()).isNull();
        assertThat(outcome.message().isNone()).isEqualTo(outcome.reason() == RowReason.MISSING_VALUE);
    }

    private BigDecimal accepted(SubmittedRow row) {
        RowOutcome outcome = validate(row);
        assertThat(outcome.isAccepted()).as("rejected: %s %s", outcome.reason(), outcome.message()).isTrue();
        return outcome.value();
    }

    // --- one test per reason, 1 to 11 ---

    @Test
    void rejectsMalformedRowWithItsReadersExplanation() {
        SubmittedRow malformed = SubmittedRow.malformed("150921.csv", COUNTY, 7, "a,b,c", Detail.of("field.count", 3, 6));
        RowOutcome outcome = validate(malformed);
        assertThat(outcome.reason()).isEqualTo(RowReason.MALFORMED_ROW);
        assertThat(outcome.message()).isEqualTo(Detail.of("field.count", 3, 6));
    }

    @Test
    void rejectsUnknownCounty() {
        assertRejected(row(COUNTY, "150999", "URBAN_NEW_JOBS", "2023", "12", ""), RowReason.UNKNOWN_COUNTY);
    }

    @Test
    void rejectsCountyCodeOfAnotherUnit() {
        assertRejected(row(COUNTY, "150922", "URBAN_NEW_JOBS", "2023", "12", ""), RowReason.COUNTY_MISMATCH);
    }

    @Test
    void rejectsCityCodeInCountyFileAsCountyMismatch() {
        assertRejected(row(COUNTY, CITY, "HOTLINE_APPEALS", "2023", "12", ""), RowReason.COUNTY_MISMATCH);
    }

    @Test
    void rejectsUnknownIndicator() {
        assertRejected(countyRow("NO_SUCH_INDICATOR", "12", ""), RowReason.UNKNOWN_INDICATOR);
    }

    @Test
    void rejectsCityIndicatorInCountyFileAsWrongLevel() {
        assertRejected(countyRow("HOTLINE_APPEALS", "12", ""), RowReason.WRONG_LEVEL);
    }

    @Test
    void rejectsCountyIndicatorInCityFileAsWrongLevel() {
        assertRejected(row(CITY, CITY, "URBAN_NEW_JOBS", "2023", "12", ""), RowReason.WRONG_LEVEL);
    }

    @Test
    void rejectsAnyRatioRowAsWrongLevel() {
        assertRejected(countyRow("CHILDCARE_SLOTS_PER_1000", "3.5", ""), RowReason.WRONG_LEVEL);
        assertRejected(row(CITY, CITY, "CHILDCARE_SLOTS_PER_1000", "2023", "3.5", ""), RowReason.WRONG_LEVEL);
        assertThat(validate(countyRow("PETITION_RESOLUTION_RATE", "98", "")).message().key()).isEqualTo("level.ratio");
    }

    @Test
    void acceptsCityIndicatorInCityFile() {
        assertThat(accepted(row(CITY, CITY, "HOTLINE_APPEALS", "2023", "41,250", ""))).isEqualByComparingTo("41250");
    }

    @Test
    void rejectsOtherPeriod() {
        assertRejected(row(COUNTY, COUNTY, "URBAN_NEW_JOBS", "2022", "12", ""), RowReason.PERIOD_MISMATCH);
    }

    @ParameterizedTest(name = "''{0}'' is missing")
    @CsvSource(value = {"''", "'   '", "-", "—", "/"}, emptyValue = "")
    void rejectsBlankAndPlaceholdersAsMissingValue(String value) {
        assertRejected(countyRow("URBAN_NEW_JOBS", value, ""), RowReason.MISSING_VALUE);
    }

    @ParameterizedTest(name = "''{0}'' is not a number")
    @CsvSource(value = {"一百", "1E3", "+5", "5%", "'1,20'", "abc"})
    void rejectsNonNumbers(String value) {
        assertRejected(countyRow("URBAN_NEW_JOBS", value, ""), RowReason.NOT_A_NUMBER);
    }

    @Test
    void rejectsUnitOutsideTheTable() {
        assertRejected(countyRow("URBAN_NEW_JOBS", "12", "千人"), RowReason.UNKNOWN_UNIT);
    }

    @Test
    void rejectsJinAgainstTonAsUnknownUnit() {
        assertRejected(countyRow("MEAT_OUTPUT", "2000", "斤"), RowReason.UNKNOWN_UNIT);
    }

    @Test
    void rejectsUnitOfAnotherIndicator() {
        // 万亩 converts to 亩, not to 吨
        assertRejected(countyRow("MEAT_OUTPUT", "2", "万亩"), RowReason.UNKNOWN_UNIT);
    }

    @Test
    void rejectsNegativeValue() {
        assertRejected(countyRow("MEAT_OUTPUT", "-3", ""), RowReason.NEGATIVE_VALUE);
    }

    @Test
    void rejectsNegativeValueAfterConversion() {
        RowOutcome outcome = validate(countyRow("MEAT_OUTPUT", "－1.5", "万吨"));
        assertThat(outcome.reason()).isEqualTo(RowReason.NEGATIVE_VALUE);
        assertThat(outcome.message()).isEqualTo(Detail.of("negative", "-15000.0", "吨"));
    }

    @Test
    void rejectsFractionForIntegerIndicator() {
        assertRejected(countyRow("URBAN_NEW_JOBS", "12.5", ""), RowReason.NOT_AN_INTEGER);
    }

    @Test
    void judgesWholenessAfterConversion() {
        assertThat(accepted(countyRow("URBAN_NEW_JOBS", "1.5", "万人"))).isEqualByComparingTo("15000");
        assertRejected(countyRow("URBAN_NEW_JOBS", "0.00015", "万人"), RowReason.NOT_AN_INTEGER);
    }

    @Test
    void acceptsWholeValueWrittenWithDecimalZeros() {
        assertThat(accepted(countyRow("URBAN_NEW_JOBS", "12.00", ""))).isEqualByComparingTo("12");
    }

    @Test
    void acceptsFractionForDecimalIndicator() {
        assertThat(accepted(countyRow("MEAT_OUTPUT", "12.5", ""))).isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void acceptsZero() {
        assertThat(accepted(countyRow("URBAN_NEW_JOBS", "0", ""))).isEqualByComparingTo("0");
    }

    // --- the first failing check wins ---

    @Test
    void unknownCountyWinsOverBadNumber() {
        assertRejected(row(COUNTY, "150999", "URBAN_NEW_JOBS", "2023", "一百", ""), RowReason.UNKNOWN_COUNTY);
    }

    @Test
    void periodMismatchWinsOverBlankValue() {
        assertRejected(row(COUNTY, COUNTY, "URBAN_NEW_JOBS", "2022", "", ""), RowReason.PERIOD_MISMATCH);
    }

    @Test
    void malformedWinsOverEverything() {
        SubmittedRow broken = new SubmittedRow("150921.csv", COUNTY, 3, "150999", "NOPE", "1999", "", "斤", "", Detail.of("broken.quoting"));
        assertRejected(broken, RowReason.MALFORMED_ROW);
    }

    @Test
    void countyMismatchWinsOverUnknownIndicator() {
        assertRejected(row(COUNTY, "150922", "NOPE", "2023", "12", ""), RowReason.COUNTY_MISMATCH);
    }

    @Test
    void unknownIndicatorWinsOverPeriodAndValue() {
        assertRejected(row(COUNTY, COUNTY, "NOPE", "2022", "", ""), RowReason.UNKNOWN_INDICATOR);
    }

    @Test
    void wrongLevelWinsOverPeriodMismatch() {
        assertRejected(row(COUNTY, COUNTY, "CHILDCARE_SLOTS_PER_1000", "2022", "x", ""), RowReason.WRONG_LEVEL);
    }

    @Test
    void missingValueWinsOverUnknownUnit() {
        assertRejected(countyRow("MEAT_OUTPUT", "-", "斤"), RowReason.MISSING_VALUE);
    }

    @Test
    void notANumberWinsOverUnknownUnit() {
        assertRejected(countyRow("MEAT_OUTPUT", "1E3", "斤"), RowReason.NOT_A_NUMBER);
    }

    @Test
    void unknownUnitWinsOverNegative() {
        assertRejected(countyRow("MEAT_OUTPUT", "-3", "斤"), RowReason.UNKNOWN_UNIT);
    }

    @Test
    void negativeWinsOverNotAnInteger() {
        assertRejected(countyRow("URBAN_NEW_JOBS", "-2.5", ""), RowReason.NEGATIVE_VALUE);
    }

    // --- units of the spec table ---

    @ParameterizedTest(name = "{1} {2} of {0} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            IDLE_FUNDS_RECOVERED       | 12345     | 元       | 1.2345
            IDLE_FUNDS_RECOVERED       | 1.8       | 亿元     | 18000
            IDLE_FUNDS_RECOVERED       | 250.5     | 万元     | 250.5
            IDLE_FUNDS_RECOVERED       | 250.5     |          | 250.5
            HIGH_STANDARD_FARMLAND     | 12.5      | 万亩     | 125000
            MEAT_OUTPUT                | 12.6      | 万吨     | 126000
            URBAN_NEW_JOBS             | 1.5       | 万人     | 15000
            MONITORED_HOUSEHOLDS       | 0.12      | 万户     | 1200
            POCKET_PARKS               | 0.0012    | 万个     | 12
            PETITION_CASES_ASSIGNED    | 0.03      | 万件     | 300
            RURAL_ROADS_BUILT          | 123.4     | 千米     | 123.4
            MINE_ENV_REMEDIATION_AREA  | 3.25      | 平方千米 | 3.25
            RURAL_ROADS_BUILT          | 123.4     | 公里     | 123.4
            """)
    void convertsUnitsOfTheTable(String indicator, String value, String unit, BigDecimal expected) {
        assertThat(accepted(countyRow(indicator, value, unit == null ? "" : unit))).isEqualByComparingTo(expected);
    }

    @Test
    void convertsTenThousandCubicMetresInTheCityFile() {
        assertThat(accepted(row(CITY, CITY, "YELLOW_RIVER_WATER_DIVERTED", "2023", "2,800", "万立方米")))
                .isEqualByComparingTo("28000000");
    }

    @Test
    void convertsYuanToTenThousandYuanExactly() {
        assertThat(accepted(countyRow("IDLE_FUNDS_RECOVERED", "1", "元"))).isEqualTo(new BigDecimal("0.0001"));
    }

    @Test
    void ignoresBlanksAroundTheUnit() {
        assertThat(accepted(countyRow("MEAT_OUTPUT", "1", " 万吨 "))).isEqualByComparingTo("10000");
    }

    @Test
    void keepsAcceptedValuesExactAsBigDecimal() {
        assertThat(accepted(countyRow("MEAT_OUTPUT", "41,250.125", ""))).isEqualTo(new BigDecimal("41250.125"));
        assertThat(accepted(countyRow("IDLE_FUNDS_RECOVERED", "0.1", "元"))).isEqualByComparingTo("0.00001");
        assertThat(accepted(countyRow("URBAN_NEW_JOBS", "１，２０３", ""))).isEqualTo(new BigDecimal("1203"));
    }

    @Test
    void trimsBlanksAroundCodesAndPeriod() {
        SubmittedRow padded = row(COUNTY, " 150921 ", " URBAN_NEW_JOBS ", " 2023 ", " 12 ", "");
        assertThat(accepted(padded)).isEqualByComparingTo("12");
    }
}
