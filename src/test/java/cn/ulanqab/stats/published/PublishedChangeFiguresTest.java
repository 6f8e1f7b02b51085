package cn.ulanqab.stats.published;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published file keyed by (indicator, region, claim kind): a level and a change of one indicator side by side. */
class PublishedChangeFiguresTest {

    private static final ReferenceData REFERENCE = ReferenceData.load(Path.of("input/reference"));
    private static final String HEADER = "indicator_code,period,published_text,section,quote\n";

    @TempDir
    Path folder;

    private Path write(String rows) throws IOException {
        Path file = folder.resolve("2023.csv");
        Files.writeString(file, HEADER + rows, StandardCharsets.UTF_8);
        return file;
    }

    private Map<FigureKey, PublishedFigure> load(Path file) {
        return PublishedFigures.load(file, "2023", REFERENCE.registry(), REFERENCE.catalog(), ClaimSettings.defaults());
    }

    @Test
    void oneIndicatorMayHaveALevelAndAChange() throws IOException {
        Map<FigureKey, PublishedFigure> figures = load(write("""
                MONITORED_HOUSEHOLDS,2023,1.38万户,一(五),监测户1.38万户
                MONITORED_HOUSEHOLDS,2023,增长5%,一(五),监测户增长5%
                HOTLINE_RESOLUTION_RATE,2023,提高1.5个百分点,一(七),解决率提高1.5个百分点
                """));
        assertThat(figures).hasSize(3);
        assertThat(figures.get(new FigureKey("MONITORED_HOUSEHOLDS", "150900")).text()).isEqualTo("1.38万户");
        PublishedFigure growth = figures.get(new FigureKey("MONITORED_HOUSEHOLDS", "150900", ClaimKind.GROWTH));
        assertThat(growth.text()).isEqualTo("增长5%");
        assertThat(growth.claim().value()).isEqualByComparingTo("5");
        assertThat(growth.key().kind()).isEqualTo(ClaimKind.GROWTH);
        assertThat(figures.get(new FigureKey("HOTLINE_RESOLUTION_RATE", "150900", ClaimKind.POINT_CHANGE))).isNotNull();
        // the report check compares levels only
        assertThat(PublishedFigures.ofRegion(figures, "150900")).containsOnlyKeys("MONITORED_HOUSEHOLDS")
                .extractingByKey("MONITORED_HOUSEHOLDS").extracting(PublishedFigure::text).isEqualTo("1.38万户");
    }

    @Test
    void twoFiguresOfOneClaimKindStopTheRunNamingTheLine() throws IOException {
        Path file = write("""
                MONITORED_HOUSEHOLDS,2023,增长5%,一(五),监测户增长5%
                MONITORED_HOUSEHOLDS,2023,1.38万户,一(五),监测户1.38万户
                MONITORED_HOUSEHOLDS,2023,提高6%,一(五),监测户提高6%
                """);
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ", line 4: indicator MONITORED_HOUSEHOLDS (a growth figure) appears twice (first on line 2)");
    }

    @Test
    void aPointChangeOfAnIndicatorNotInPercentStopsTheRun() throws IOException {
        Path file = write("MONITORED_HOUSEHOLDS,2023,提高2个百分点,一(五),监测户提高2个百分点\n");
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ", line 2: the published_text '提高2个百分点' of MONITORED_HOUSEHOLDS is a change in 个百分点")
                .hasMessageContaining("is in '户', not %");
    }

    @Test
    void aChangeInAnotherUnitCannotBeRead() throws IOException {
        Path file = write("MONITORED_HOUSEHOLDS,2023,增长500户,一(五),监测户增长500户\n");
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ", line 2: the published_text '增长500户' of MONITORED_HOUSEHOLDS cannot be read");
    }
}
