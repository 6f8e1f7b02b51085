package cn.ulanqab.stats.targets;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.published.Qualifier;
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

class TargetFileTest {

    private static final ReferenceData REFERENCE = ReferenceData.load(Path.of("input/reference"));
    private static final String HEADER = "indicator_code,region_code,target_text,section,quote\n";

    @TempDir
    Path work;

    private List<Target> load(String rows) throws IOException {
        Path file = work.resolve("2024.csv");
        Files.writeString(file, HEADER + rows, StandardCharsets.UTF_8);
        return TargetFile.load(file, REFERENCE.registry(), REFERENCE.catalog(), ClaimSettings.defaults());
    }

    private void refused(String rows, String... words) {
        assertThatThrownBy(() -> load(rows)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(work.resolve("2024.csv").toString()).hasMessageContaining("Fix:")
                .hasMessageContaining(words[0]).satisfies(e -> assertThat(e.getMessage()).contains(words));
    }

    @Test
    void readsTheShippedTargetsOfTheYear() {
        List<Target> targets = TargetFile.load(Path.of("input/targets/2024.csv"), REFERENCE.registry(), REFERENCE.catalog(),
                ClaimSettings.defaults());
        assertThat(targets).hasSize(10);
        Target jobs = targets.stream().filter(t -> t.indicatorCode().equals("URBAN_NEW_JOBS")).findFirst().orElseThrow();
        assertThat(jobs.regionCode()).isEqualTo("150900");
        assertThat(jobs.growth()).isFalse();
        assertThat(jobs.figure().qualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(jobs.figure().value()).isEqualByComparingTo("5500");
        assertThat(jobs.line()).isEqualTo(7);
        Target sales = targets.get(9);
        assertThat(sales.growth()).isTrue();
        assertThat(sales.figure().value()).isEqualByComparingTo(new BigDecimal("6"));
        assertThat(sales.figure().qualifier()).isEqualTo(Qualifier.ABOUT);
    }

    @Test
    void anAbsentFileIsAYearWithoutTargets() {
        assertThat(TargetFile.load(work.resolve("none.csv"), REFERENCE.registry(), REFERENCE.catalog(), ClaimSettings.defaults()))
                .isEmpty();
    }

    @Test
    void aTextTheParserCannotReadNamesTheLine() {
        refused("URBAN_NEW_JOBS,,5500人以上,三(六),q\nRURAL_ROADS_BUILT,,若干公里,三(六),q\n", "line 3", "若干公里", "cannot be read");
    }

    @Test
    void aUnitThatDoesNotFitTheCatalogIsRefused() {
        refused("RURAL_ROADS_BUILT,,320个,三(六),q\n", "line 2", "does not fit the catalog unit '公里'");
    }

    @Test
    void aGrowthMustBeInPercent() {
        refused("RETAIL_SALES,,增长6亿元,二,q\n", "line 2", "is not in %");
    }

    @Test
    void anUnknownIndicatorOrRegionIsRefused() {
        refused("NO_SUCH,,5个,二,q\n", "line 2", "NO_SUCH is not in the catalog");
        refused("URBAN_NEW_JOBS,159999,5500人,二,q\n", "line 2", "region 159999");
        refused("URBAN_NEW_JOBS,150921,5500人,二,q\n", "line 2", "county-level unit");
    }

    @Test
    void theSameIndicatorAndRegionTwiceIsRefused() {
        refused("URBAN_NEW_JOBS,,5500人以上,三(六),q\nURBAN_NEW_JOBS,150900,5600人,三(六),q\n", "line 3", "line 2");
    }
}
