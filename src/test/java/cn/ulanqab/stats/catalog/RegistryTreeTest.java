package cn.ulanqab.stats.catalog;

import cn.ulanqab.stats.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry as a tree: leaves, ancestors, cities, and what ReferenceData refuses. */
class RegistryTreeTest {

    @TempDir
    Path input;

    private Registry registry() {
        return RegionFixture.load(input).registry();
    }

    @Test
    void leavesAreTheCountiesInCodeOrder() {
        Registry r = registry();
        assertThat(r.countyCodes()).containsExactly("110101", "110102", "110201", "110202", "120101", "120102");
        assertThat(r.aggregates()).extracting(County::code)
                .containsExactly("100000", "110000", "110100", "110200", "120000", "120100");
        assertThat(r.isLeaf("110101")).isTrue();
        assertThat(r.isLeaf("110100")).isFalse();
        assertThat(r.types()).containsExactly("country", "province", "city", "county");
    }

    @Test
    void citiesTopAndTitle() {
        Registry r = registry();
        assertThat(r.cities()).extracting(County::code).containsExactly("110100", "110200", "120100");
        assertThat(r.singleCity()).isFalse();
        assertThat(r.tops()).extracting(County::code).containsExactly("100000");
        assertThat(r.city().code()).as("with several cities, the top titles the report").isEqualTo("100000");
        assertThat(r.isCity("110200")).isTrue();
        assertThat(r.isCity("110000")).isFalse();
    }

    @Test
    void childrenLeavesAndAncestors() {
        Registry r = registry();
        assertThat(r.children("110000")).extracting(County::code).containsExactly("110100", "110200");
        assertThat(r.leafCodesOf("110000")).containsExactly("110101", "110102", "110201", "110202");
        assertThat(r.leafCodesOf("100000")).hasSize(6);
        assertThat(r.leafCodesOf("120100")).containsExactly("120101", "120102");
        assertThat(r.ancestors("110202")).extracting(County::code).containsExactly("110200", "110000", "100000");
        assertThat(r.ancestors("100000")).isEmpty();
        assertThat(r.cityOf("110202").orElseThrow().code()).isEqualTo("110200");
        assertThat(r.cityOf("110000")).isEmpty();
    }

    @Test
    void submittersAreTheLeavesAndTheCitiesWhenTheCatalogHasCityIndicators() throws IOException {
        assertThat(registry().submitters()).extracting(County::code).containsExactly(
                "110100", "110101", "110102", "110200", "110201", "110202", "120100", "120101", "120102");
        Path reference = input.resolve("reference");
        Files.writeString(reference.resolve("indicators.csv"), RegionFixture.INDICATORS.replace("C,市级指标,City indicator,件,INTEGER,CITY,CITY,\n", ""));
        assertThat(ReferenceData.load(reference).registry().submitters()).extracting(County::code)
                .containsExactly("110101", "110102", "110201", "110202", "120101", "120102");
    }

    @Test
    void theShippedRegistryIsOneCityOverElevenCounties() {
        Registry r = ReferenceData.load(Path.of("input/reference")).registry();
        assertThat(r.singleCity()).isTrue();
        assertThat(r.city().code()).isEqualTo("150900");
        assertThat(r.aggregates()).extracting(County::code).containsExactly("150900");
        assertThat(r.counties()).hasSize(11);
        assertThat(r.leafCodesOf("150900")).isEqualTo(r.countyCodes());
        assertThat(r.ancestors("150921")).extracting(County::code).containsExactly("150900");
    }

    @Test
    void aCycleIsRefused() throws IOException {
        RegionFixture.write(input);
        Path file = input.resolve("reference/counties.csv");
        Files.writeString(file, Files.readString(file).replace("100000,合成国,合成国,Country,country,000000",
                "100000,合成国,合成国,Country,country,110101"));
        assertThatThrownBy(() -> ReferenceData.load(input.resolve("reference")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("counties.csv").hasMessageContaining("cycle").hasMessageContaining("110101");
    }

    @Test
    void aRegionThatIsItsOwnParentIsRefused() throws IOException {
        RegionFixture.write(input);
        Path file = input.resolve("reference/counties.csv");
        Files.writeString(file, Files.readString(file).replace("120000,乙省,乙省,Province B,province,100000",
                "120000,乙省,乙省,Province B,province,120000"));
        assertThatThrownBy(() -> ReferenceData.load(input.resolve("reference")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("120000 is its own parent");
    }

    @Test
    void aParentThatIsNeitherARegionNorTheTopMarkerIsRefused() throws IOException {
        RegionFixture.write(input);
        Path file = input.resolve("reference/counties.csv");
        Files.writeString(file, Files.readString(file).replace("110202,甲二二县,甲二二,County A22,county,110200",
                "110202,甲二二县,甲二二,County A22,county,110300"));
        assertThatThrownBy(() -> ReferenceData.load(input.resolve("reference")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("110202").hasMessageContaining("110300").hasMessageContaining("top marker 000000");
    }

    @Test
    void aDuplicateCodeIsRefusedWithItsLines() throws IOException {
        RegionFixture.write(input);
        Path file = input.resolve("reference/counties.csv");
        Files.writeString(file, Files.readString(file) + "110000,又一省,又一,Again,province,100000\n");
        assertThatThrownBy(() -> ReferenceData.load(input.resolve("reference")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("110000").hasMessageContaining("first on line 3");
    }
}
