package cn.ulanqab.stats.published;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.RegionFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Printed figures for several regions: the optional last column region_code. */
class PublishedFiguresRegionsTest {

    private static final String HEADER = "indicator_code,period,published_text,section,quote,region_code\n";

    @TempDir
    Path input;

    private ReferenceData reference;
    private Path file;

    @BeforeEach
    void setUp() {
        reference = RegionFixture.load(input);
        file = input.resolve("2023.csv");
    }

    private Map<FigureKey, PublishedFigure> load(String rows) throws IOException {
        Files.writeString(file, HEADER + rows);
        return PublishedFigures.load(file, "2023", reference.registry(), reference.catalog(), ClaimSettings.defaults());
    }

    @Test
    void figuresOfACityAProvinceAndTheCountry() throws IOException {
        Map<FigureKey, PublishedFigure> figures = load("""
                A,2023,3个,一,城市,110100
                A,2023,33个,一,省,110000
                A,2023,333个,一,全国,100000
                R,2023,16.1%,二,全国比率,100000
                C,2023,7件,二,市级,120100
                """);
        assertThat(figures.keySet()).containsExactly(new FigureKey("A", "110100"), new FigureKey("A", "110000"),
                new FigureKey("A", "100000"), new FigureKey("R", "100000"), new FigureKey("C", "120100"));
        PublishedFigure country = figures.get(new FigureKey("A", "100000"));
        assertThat(country.regionCode()).isEqualTo("100000");
        assertThat(country.claim().value()).isEqualByComparingTo("333");
        assertThat(PublishedFigures.ofRegion(figures, "110000")).containsOnlyKeys("A");
    }

    @Test
    void aBlankRegionIsRefusedWithSeveralCities() {
        assertThatThrownBy(() -> load("A,2023,3个,一,城市,\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("2023.csv").hasMessageContaining("line 2")
                .hasMessageContaining("blank").hasMessageContaining("3 cities");
    }

    @Test
    void aRegionNotInTheRegistryIsRefused() {
        assertThatThrownBy(() -> load("A,2023,3个,一,城市,130000\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("line 2").hasMessageContaining("130000").hasMessageContaining("not in the registry");
    }

    @Test
    void aCountyLevelUnitIsRefused() {
        assertThatThrownBy(() -> load("A,2023,3个,一,县,110101\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("110101").hasMessageContaining("county-level unit");
    }

    @Test
    void aCityIndicatorForAProvinceIsRefused() {
        assertThatThrownBy(() -> load("C,2023,7件,二,省,110000\n"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CITY-level");
    }

    @Test
    void theSameIndicatorAndRegionTwiceIsRefused() {
        assertThatThrownBy(() -> load("A,2023,3个,一,城市,110100\nA,2023,33个,一,省,110000\nA,2023,4个,一,又,110100\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("line 4").hasMessageContaining("first on line 2").hasMessageContaining("110100");
    }

    @Test
    void withOneCityABlankRegionIsThatCityAndTheColumnIsOptional() throws IOException {
        ReferenceData shipped = ReferenceData.load(Path.of("input/reference"));
        Map<FigureKey, PublishedFigure> figures = PublishedFigures.load(Path.of("input/published/2023.csv"), "2023",
                shipped.registry(), shipped.catalog(), ClaimSettings.defaults());
        assertThat(figures).hasSize(68);
        assertThat(figures.keySet()).filteredOn(k -> k.kind() != ClaimKind.LEVEL).hasSize(4);
        assertThat(figures.values()).allMatch(f -> f.regionCode().equals("150900"));
        Files.writeString(file, HEADER + "TECH_INCUBATORS,2023,5家,一(三),建成科技企业孵化器5家,\n"
                + "TECH_INCUBATORS,2023,5家,一(三),again,150900\n");
        assertThatThrownBy(() -> PublishedFigures.load(file, "2023", shipped.registry(), shipped.catalog(), ClaimSettings.defaults()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("appears twice (first on line 2)");
    }
}
