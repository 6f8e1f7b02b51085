package cn.ulanqab.stats.catalog;

import cn.ulanqab.stats.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaseTotalsTest {

    private static final ReferenceData SHIPPED = ReferenceData.load(Path.of("input/reference"));
    private static final Period Y2022 = Period.parse("2022");

    @TempDir
    Path input;

    private Path write(String period, String... lines) throws IOException {
        Path file = input.resolve("base").resolve(period + ".csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsTotalsByIndicatorAndRegionWithTheirDigits() throws IOException {
        write("2022", "indicator_code,region_code,total", "TECH_INCUBATORS,150900,12", "TECH_INCUBATORS,150902,3.50");
        BaseTotals base = BaseTotals.read(input, Y2022, SHIPPED);
        assertThat(base.total("TECH_INCUBATORS", "150900")).contains(new BigDecimal("12"));
        assertThat(base.total("TECH_INCUBATORS", "150902").orElseThrow().toPlainString()).isEqualTo("3.50");
        assertThat(base.total("TECH_INCUBATORS", "150921")).isEmpty();
        assertThat(base.period()).isEqualTo(Y2022);
        assertThat(base.totals()).hasSize(2);
    }

    @Test
    void aBlankRegionIsTheCityOfAOneCityRegistry() throws IOException {
        write("2022", "\uFEFFindicator_code,region_code,total", "TECH_INCUBATORS,,12");
        assertThat(BaseTotals.read(input, Y2022, SHIPPED).total("TECH_INCUBATORS", "150900")).contains(new BigDecimal("12"));
    }

    @Test
    void aBlankRegionWithSeveralCitiesStopsTheRun() throws IOException {
        Registry twoCities = new Registry(List.of(
                new County("150900", "乌兰察布市", "乌兰察布", "Ulanqab", "city", "150000"),
                new County("150902", "集宁区", "集宁", "Jining", "county", "150900"),
                new County("150200", "包头市", "包头", "Baotou", "city", "150000"),
                new County("150202", "东河区", "东河", "Donghe", "county", "150200")));
        Path file = write("2022", "indicator_code,region_code,total", "TECH_INCUBATORS,,12");
        assertThatThrownBy(() -> BaseTotals.read(file, Y2022, twoCities, SHIPPED.catalog()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file + ", line 2: the region_code of TECH_INCUBATORS is blank but the registry has 2 cities");
    }

    @Test
    void anAbsentFileIsABaseWithoutRows() {
        BaseTotals base = BaseTotals.read(input, Y2022, SHIPPED);
        assertThat(base.isEmpty()).isTrue();
        assertThat(base.total("TECH_INCUBATORS", "150900")).isEmpty();
        assertThat(base.file()).isEqualTo(input.resolve("base/2022.csv"));
    }

    @Test
    void theFileOfAMonthIsNamedByItsPeriod() {
        assertThat(BaseTotals.fileOf(input, Period.parse("2024-06").previous())).isEqualTo(input.resolve("base/2023-06.csv"));
    }

    @Test
    void rejectsANegativeBaseNamingFileAndLine() throws IOException {
        Path file = write("2022", "indicator_code,region_code,total", "TECH_INCUBATORS,150900,12", "TECH_INCUBATORS,150902,-1");
        assertThatThrownBy(() -> BaseTotals.read(input, Y2022, SHIPPED)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ", line 3: the total -1 of TECH_INCUBATORS is negative").hasMessageContaining("Fix: ");
    }

    @Test
    void rejectsARegionNotInTheRegistry() throws IOException {
        Path file = write("2022", "indicator_code,region_code,total", "TECH_INCUBATORS,150999,12");
        assertThatThrownBy(() -> BaseTotals.read(input, Y2022, SHIPPED))
                .hasMessageStartingWith(file + ", line 2: region 150999 of TECH_INCUBATORS is not in the registry");
    }

    @Test
    void rejectsAnIndicatorNotInTheCatalog() throws IOException {
        Path file = write("2022", "indicator_code,region_code,total", "TECH_INCUBATORS,150900,12", "", "NO_SUCH,150900,1");
        assertThatThrownBy(() -> BaseTotals.read(input, Y2022, SHIPPED))
                .hasMessageStartingWith(file + ", line 4: indicator NO_SUCH is not in the catalog");
    }

    @Test
    void rejectsConflictingDuplicatesAndTheBlankCityAsTheCity() throws IOException {
        Path file = write("2022", "indicator_code,region_code,total", "TECH_INCUBATORS,150900,12", "TECH_INCUBATORS,,12");
        assertThatThrownBy(() -> BaseTotals.read(input, Y2022, SHIPPED))
                .hasMessageStartingWith(file + ", line 3: indicator TECH_INCUBATORS for region 150900 appears twice (first on line 2)");
    }

    @Test
    void rejectsATotalThatIsNotANumber() throws IOException {
        Path file = write("2022", "indicator_code,region_code,total", "TECH_INCUBATORS,150900,1.2万");
        assertThatThrownBy(() -> BaseTotals.read(input, Y2022, SHIPPED))
                .hasMessageStartingWith(file + ", line 2: the total '1.2万' of TECH_INCUBATORS is not a number");
    }

    @Test
    void rejectsAHeaderWithoutTheTotal() throws IOException {
        Path file = write("2022", "indicator_code,region_code,value", "TECH_INCUBATORS,150900,12");
        assertThatThrownBy(() -> BaseTotals.read(input, Y2022, SHIPPED))
                .hasMessageStartingWith(file + ", line 1: the header has no column 'total'");
    }

    @Test
    void theTotalsCannotBeChanged() throws IOException {
        write("2022", "indicator_code,region_code,total", "TECH_INCUBATORS,150900,12");
        BaseTotals base = BaseTotals.read(input, Y2022, SHIPPED);
        assertThatThrownBy(() -> base.totals().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
