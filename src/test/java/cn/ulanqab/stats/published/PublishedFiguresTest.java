package cn.ulanqab.stats.published;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishedFiguresTest {

    private static final Path SHIPPED = Path.of("input/published/2023.csv");
    private static final String HEADER = "indicator_code,period,published_text,section,quote\n";

    private static Catalog catalog;
    private static Map<String, PublishedFigure> shipped;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadShippedFile() {
        catalog = ReferenceData.load(Path.of("input/reference")).catalog();
        shipped = PublishedFigures.load(SHIPPED, "2023", catalog, ClaimSettings.defaults());
    }

    /** Every figure of the shipped file: qualifier, v and h in the catalog unit, and the claim. */
    @ParameterizedTest(name = "{0}: {1} v={2} h={3} ({4})")
    @CsvSource(delimiter = ',', textBlock = """
TECH_INCUBATORS, EXACT, 5, 0.5, 4.5 ≤ t < 5.5
INDUSTRY_RESEARCH_INSTITUTES, EXACT, 7, 0.5, 6.5 ≤ t < 7.5
ENTERPRISE_RD_CENTERS, EXACT, 11, 0.5, 10.5 ≤ t < 11.5
OPEN_COMPETITION_PROJECTS, EXACT, 67, 0.5, 66.5 ≤ t < 67.5
REGISTERED_TECH_ACHIEVEMENTS, EXACT, 61, 0.5, 60.5 ≤ t < 61.5
SERVICE_CENTERS, EXACT, 1615, 0.5, 1614.5 ≤ t < 1615.5
ENTERPRISES_ASSISTED, NEARLY, 1000, 500, 900 ≤ t < 1000
ONLINE_SERVICE_CASES, MORE_THAN, 1000000, 500000, t > 1000000
HOTLINE_APPEALS, EXACT, 339000, 500, 338500 ≤ t < 339500
HOTLINE_RESOLUTION_RATE, MORE_THAN, 95, 0.5, t > 95
GOOD_AIR_DAYS_RATIO, EXACT, 92.4, 0.05, 92.35 ≤ t < 92.45
PM25_CONCENTRATION, EXACT, 23, 0.5, 22.5 ≤ t < 23.5
RIVERS_ASSESSED, EXACT, 66, 0.5, 65.5 ≤ t < 66.5
LAKES_ASSESSED, EXACT, 11, 0.5, 10.5 ≤ t < 11.5
YELLOW_RIVER_WATER_DIVERTED, NEARLY, 28000000, 5000, 25200000 ≤ t < 28000000
ECO_RESTORATION_AREA, EXACT, 889000, 500, 888500 ≤ t < 889500
CARAGANA_AREA, EXACT, 1000000, 5000, 995000 ≤ t < 1005000
MINE_ENV_REMEDIATION_AREA, EXACT, 5.9, 0.05, 5.85 ≤ t < 5.95
LAND_REVITALIZED, EXACT, 21000, 500, 20500 ≤ t < 21500
STALLED_PROJECTS_CLEARED, EXACT, 19, 0.5, 18.5 ≤ t < 19.5
IDLE_FUNDS_RECOVERED, EXACT, 8387, 0.5, 8386.5 ≤ t < 8387.5
LAND_RECLAIMED, EXACT, 6000, 500, 5500 ≤ t < 6500
ENERGY_WATER_SAVING_PROJECTS, EXACT, 39, 0.5, 38.5 ≤ t < 39.5
ALLOY_FURNACES_SEALED, EXACT, 24, 0.5, 23.5 ≤ t < 24.5
CO2_REDUCTION, EXACT, 1840000, 5000, 1835000 ≤ t < 1845000
GREEN_FACTORIES, EXACT, 8, 0.5, 7.5 ≤ t < 8.5
MONITORED_HOUSEHOLDS, EXACT, 13800, 50, 13750 ≤ t < 13850
HIGH_STANDARD_FARMLAND, EXACT, 10000, 5000, 5000 ≤ t < 15000
SEED_BREEDING_BASE_AREA, EXACT, 430000, 5000, 425000 ≤ t < 435000
MEAT_OUTPUT, EXACT, 299000, 500, 298500 ≤ t < 299500
MILK_OUTPUT, EXACT, 433000, 500, 432500 ≤ t < 433500
NEW_GREEN_ORGANIC_PRODUCTS, EXACT, 21, 0.5, 20.5 ≤ t < 21.5
BRAND_LICENSED_ENTERPRISES, EXACT, 108, 0.5, 107.5 ≤ t < 108.5
RENTAL_HOUSING_STARTS, EXACT, 1642, 0.5, 1641.5 ≤ t < 1642.5
SHANTYTOWN_RENOVATION, EXACT, 717, 0.5, 716.5 ≤ t < 717.5
OLD_COMMUNITIES_RENOVATED, EXACT, 182, 0.5, 181.5 ≤ t < 182.5
RURAL_DILAPIDATED_HOUSES, EXACT, 1083, 0.5, 1082.5 ≤ t < 1083.5
HEATING_GAS_PIPELINES, EXACT, 729.2, 0.05, 729.15 ≤ t < 729.25
CLEAN_HEATING_HOUSEHOLDS, EXACT, 100000, 5000, 95000 ≤ t < 105000
POCKET_PARKS, EXACT, 7, 0.5, 6.5 ≤ t < 7.5
PUBLIC_CHARGING_PILES, EXACT, 449, 0.5, 448.5 ≤ t < 449.5
RURAL_TOILETS_RENOVATED, EXACT, 6293, 0.5, 6292.5 ≤ t < 6293.5
WATER_SUPPLY_PROJECTS, EXACT, 54, 0.5, 53.5 ≤ t < 54.5
RURAL_ROADS_BUILT, EXACT, 355.8, 0.05, 355.75 ≤ t < 355.85
BEIJING_COOPERATION_FUNDS, EXACT, 52000, 500, 51500 ≤ t < 52500
BEIJING_COOPERATION_PROJECTS, EXACT, 172, 0.5, 171.5 ≤ t < 172.5
CONSUMPTION_ASSISTANCE, EXACT, 347000, 500, 346500 ≤ t < 347500
URBAN_NEW_JOBS, EXACT, 8685, 0.5, 8684.5 ≤ t < 8685.5
SOCIAL_ASSISTANCE_RECIPIENTS, EXACT, 453000, 500, 452500 ≤ t < 453500
WELFARE_SUBSIDY_RECIPIENTS, EXACT, 174000, 500, 173500 ≤ t < 174500
WELFARE_SUBSIDY_AMOUNT, EXACT, 18000, 500, 17500 ≤ t < 18500
ELDERLY_HOME_ADAPTATIONS, EXACT, 14000, 500, 13500 ≤ t < 14500
ELDERLY_CARE_CENTERS, EXACT, 240, 0.5, 239.5 ≤ t < 240.5
MUTUAL_AID_HOMES, EXACT, 40, 0.5, 39.5 ≤ t < 40.5
CHILDCARE_SLOTS_PER_1000, EXACT, 3.56, 0.005, 3.555 ≤ t < 3.565
FUNERAL_HOMES, EXACT, 5, 0.5, 4.5 ≤ t < 5.5
PETITION_CASES_RESOLVED, EXACT, 465, 0.5, 464.5 ≤ t < 465.5
PETITION_RESOLUTION_RATE, EXACT, 99.6, 0.05, 99.55 ≤ t < 99.65
NEW_KINDERGARTENS, EXACT, 8, 0.5, 7.5 ≤ t < 8.5
NEW_PRIMARY_SCHOOLS, EXACT, 1, 0.5, 0.5 ≤ t < 1.5
NEW_SCHOOL_PLACES, EXACT, 2070, 0.5, 2069.5 ≤ t < 2070.5
NEW_HOSPITAL_BEDS, EXACT, 882, 0.5, 881.5 ≤ t < 882.5
CULTURAL_VENUES_UPGRADED, EXACT, 16, 0.5, 15.5 ≤ t < 16.5
SAFETY_HAZARDS_ELIMINATED, EXACT, 24000, 500, 23500 ≤ t < 24500
            """)
    void readsEveryShippedFigureIntoItsClaimInTheCatalogUnit(String code, Qualifier qualifier, BigDecimal value,
                                                             BigDecimal halfUnit, String range) {
        PublishedFigure published = shipped.get(code);

        assertThat(published).as(code).isNotNull();
        assertThat(published.claim().qualifier()).isEqualTo(qualifier);
        assertThat(published.claim().value()).isEqualByComparingTo(value);
        assertThat(published.claim().halfUnit()).isEqualByComparingTo(halfUnit);
        assertThat(published.claim().describe()).isEqualTo(range);
    }

    @Test
    void keepsEveryShippedRowInFileOrder() throws IOException {
        List<String> rows = Files.readAllLines(SHIPPED, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank()).toList();
        // the levels, by indicator code: the four change figures (增长33.4% …) are not levels
        List<String> levelCodes = rows.stream().filter(l -> !l.split(",")[2].matches("(增长|提高|提升|下降|减少|压减).*"))
                .map(l -> l.substring(0, l.indexOf(','))).toList();

        assertThat(rows).hasSize(68);
        assertThat(levelCodes).hasSize(64);
        assertThat(shipped.keySet()).containsExactlyElementsOf(levelCodes);
    }

    @Test
    void keepsTheRowTextSectionAndQuote() {
        PublishedFigure households = shipped.get("MONITORED_HOUSEHOLDS");

        assertThat(households.period()).isEqualTo("2023");
        assertThat(households.text()).isEqualTo("1.38万户");
        assertThat(households.section()).isEqualTo("一(五)");
        assertThat(households.quote()).isEqualTo("1.38万动态监测户实现“应纳尽纳、应帮尽帮”");
        assertThat(households.figure().magnitudeWord()).isEqualTo("万");
        assertThat(households.figure().unit()).isEqualTo("户");
    }

    @Test
    void appliesTheClaimSettings() {
        ClaimSettings wide = new ClaimSettings(new BigDecimal("0.20"), new BigDecimal("0.05"));

        Map<String, PublishedFigure> figures = PublishedFigures.load(SHIPPED, "2023", catalog, wide);

        assertThat(figures.get("ENTERPRISES_ASSISTED").claim().describe()).isEqualTo("800 ≤ t < 1000");
    }

    @Test
    void readsAFileWithAByteOrderMark() throws IOException {
        Path file = write("\uFEFF" + HEADER + "URBAN_NEW_JOBS,2023,8685人,一(六),城镇新增就业8685人\n");

        Map<String, PublishedFigure> figures = PublishedFigures.load(file, "2023", catalog, ClaimSettings.defaults());

        assertThat(figures).containsOnlyKeys("URBAN_NEW_JOBS");
        assertThat(figures.get("URBAN_NEW_JOBS").claim().value()).isEqualByComparingTo("8685");
    }

    @Test
    void rejectsAMissingFile() {
        Path missing = dir.resolve("published/2023.csv");

        assertThatThrownBy(() -> PublishedFigures.load(missing, "2023", catalog, ClaimSettings.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(missing + ": ")
                .hasMessageContaining("missing");
    }

    @Test
    void rejectsAFileWithoutTheQuoteColumn() throws IOException {
        Path file = write("indicator_code,period,published_text,section\nURBAN_NEW_JOBS,2023,8685人,一(六)\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ", line 1: ")
                .hasMessageContaining("no column 'quote'");
    }

    @Test
    void rejectsAnIndicatorNotInTheCatalog() throws IOException {
        Path file = write(HEADER + "URBAN_NEW_JOBS,2023,8685人,一(六),q\nGDP_GROWTH,2023,5.5%,一(一),q\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ", line 3: ")
                .hasMessageContaining("GDP_GROWTH is not in the catalog");
    }

    @Test
    void rejectsARowForAnotherPeriod() throws IOException {
        Path file = write(HEADER + "URBAN_NEW_JOBS,2022,8685人,一(六),q\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ", line 2: ")
                .hasMessageContaining("'2022'")
                .hasMessageContaining("2023");
    }

    @Test
    void rejectsTheSameIndicatorTwice() throws IOException {
        Path file = write(HEADER + "URBAN_NEW_JOBS,2023,8685人,一(六),q\nPOCKET_PARKS,2023,7个,一(五),q\n"
                + "URBAN_NEW_JOBS,2023,8686人,一(六),q\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ", line 4: ")
                .hasMessageContaining("URBAN_NEW_JOBS appears twice (first on line 2)");
    }

    @Test
    void rejectsATextThatCannotBeReadNamingTheTextAndWhy() throws IOException {
        Path file = write(HEADER + "URBAN_NEW_JOBS,2023,数千人,一(六),q\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ", line 2: ")
                .hasMessageContaining("'数千人'")
                .hasMessageContaining("no number");
    }

    @Test
    void rejectsAUnitThatDoesNotFitTheCatalogUnitNamingBoth() throws IOException {
        Path file = write(HEADER + "CO2_REDUCTION,2023,184万斤,一(四),q\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ", line 2: ")
                .hasMessageContaining("'斤'")
                .hasMessageContaining("'吨'");
    }

    private Map<String, PublishedFigure> load(Path file) {
        return PublishedFigures.load(file, "2023", catalog, ClaimSettings.defaults());
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("2023.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
