package cn.ulanqab.stats.submission;

import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackedRowsTest {

    @Test
    void givesBackEveryFieldOfEveryRowInOrder() {
        PackedRows.Packer packer = new PackedRows.Packer();
        packer.add(2, "URBAN_NEW_JOBS", " 712 ", "人", "", "712");
        packer.add(7, "CO2_REDUCTION", "12.6", "万吨", null, "126000.0");
        packer.add(9, "GDP", "1,234.5", null, "含\"引号\",逗号\n换行", "1234.5");

        List<PackedRows.Row> rows = PackedRows.unpack(packer.bytes(), packer.count());

        assertThat(packer.firstLine()).isEqualTo(2);
        assertThat(packer.lastLine()).isEqualTo(9);
        assertThat(rows).containsExactly(
                new PackedRows.Row(2, "URBAN_NEW_JOBS", " 712 ", "人", "", "712"),
                new PackedRows.Row(7, "CO2_REDUCTION", "12.6", "万吨", null, "126000.0"),
                new PackedRows.Row(9, "GDP", "1,234.5", null, "含\"引号\",逗号\n换行", "1234.5"));
    }

    @Test
    void keepsAFieldLongerThanSixtyFourKilobytes() {
        String remark = "备注".repeat(100_000);
        PackedRows.Packer packer = new PackedRows.Packer();
        packer.add(3, "GDP", "1", "亿元", remark, "1");

        assertThat(PackedRows.unpack(packer.bytes(), 1).get(0).remark()).isEqualTo(remark);
    }

    @Test
    void refusesARecordThatHoldsAnotherNumberOfRowsThanStoredBesideIt() {
        PackedRows.Packer packer = new PackedRows.Packer();
        packer.add(2, "GDP", "1", "亿元", "", "1");
        packer.add(3, "GDP", "1", "亿元", "", "1");

        assertThatThrownBy(() -> PackedRows.unpack(packer.bytes(), 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a record of 3 rows holds 2");
    }

    @Test
    void refusesACutRecord() {
        PackedRows.Packer packer = new PackedRows.Packer();
        packer.add(2, "GDP", "1", "亿元", "", "1");
        byte[] whole = packer.bytes();
        byte[] cut = Arrays.copyOf(whole, whole.length - 3);

        assertThatThrownBy(() -> PackedRows.unpack(cut, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
    }

    @Test
    void givesTheIndicatorAndValueOfEveryRowWithoutTheOtherFields() {
        PackedRows.Packer packer = new PackedRows.Packer();
        packer.add(2, "URBAN_NEW_JOBS", " 712 ", "人", "备注", "712");
        packer.add(7, "CO2_REDUCTION", "12.6", null, null, "126000.0");
        List<String> seen = new ArrayList<>();

        PackedRows.values(packer.bytes(), 2, (indicator, value) -> seen.add(indicator + "=" + value));

        assertThat(seen).containsExactly("URBAN_NEW_JOBS=712", "CO2_REDUCTION=126000.0");
        assertThatThrownBy(() -> PackedRows.values(packer.bytes(), 1, (indicator, value) -> { }))
                .hasMessageContaining("a record of 1 rows holds 2");
    }

    @Test
    void givesTheRowsOfChosenIndicatorsOnlyAndStillCountsEveryRow() {
        PackedRows.Packer packer = new PackedRows.Packer();
        packer.add(2, "URBAN_NEW_JOBS", "712", "人", "", "712");
        packer.add(3, "CO2_REDUCTION", "12.6", "万吨", "备注", "126000.0");
        packer.add(4, "指标甲", "5", null, null, "5");
        packer.add(5, "URBAN_NEW_JOBS_X", "1", "人", null, "1");
        List<String> seen = new ArrayList<>();

        PackedRows.values(packer.bytes(), 4, new PackedRows.Indicators(List.of("URBAN_NEW_JOBS", "指标甲", "GDP")),
                (indicator, value) -> seen.add(indicator + "=" + value));

        assertThat(seen).containsExactly("URBAN_NEW_JOBS=712", "指标甲=5");
        assertThatThrownBy(() -> PackedRows.values(packer.bytes(), 3, new PackedRows.Indicators(List.of("GDP")), (i, v) -> { }))
                .hasMessageContaining("a record of 3 rows holds 4");
    }
}
