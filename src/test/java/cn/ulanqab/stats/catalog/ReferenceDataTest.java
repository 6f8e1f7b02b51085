package cn.ulanqab.stats.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import cn.ulanqab.stats.ConfigurationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceDataTest {

    private static final Path SHIPPED = Path.of("input/reference");

    @TempDir
    Path folder;

    @BeforeEach
    void copyShippedFiles() throws IOException {
        Files.copy(SHIPPED.resolve("counties.csv"), folder.resolve("counties.csv"));
        Files.copy(SHIPPED.resolve("indicators.csv"), folder.resolve("indicators.csv"));
    }

    private void append(String file, String line) throws IOException {
        Files.writeString(folder.resolve(file), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path p = folder.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    private long lines(String file) throws IOException {
        return Files.readAllLines(folder.resolve(file)).size();
    }

    @Test
    void loadsTheShippedFiles() {
        ReferenceData data = ReferenceData.load(SHIPPED);
        assertThat(data.registry().city().code()).isEqualTo("150900");
        assertThat(data.registry().city().nameZh()).isEqualTo("乌兰察布市");
        assertThat(data.registry().countyCodes()).containsExactly("150902", "150921", "150922", "150923", "150924",
                "150925", "150926", "150927", "150928", "150929", "150981");
        assertThat(data.registry().find("150926").orElseThrow().shortNameZh()).isEqualTo("察右前旗");
        assertThat(data.registry().isCity("150900")).isTrue();
        assertThat(data.registry().isCity("150902")).isFalse();
        assertThat(data.registry().find("150000")).isEmpty();
        assertThat(data.catalog().indicators()).hasSize(75);
        assertThat(data.catalog().indicators().get(0).code()).isEqualTo("TECH_INCUBATORS");
        Indicator ratio = data.catalog().get("CHILDCARE_SLOTS_PER_1000");
        assertThat(ratio.aggregation()).isEqualTo(Aggregation.RATIO);
        assertThat(ratio.formula()).isEqualTo(new RatioFormula("CHILDCARE_SLOTS", "RESIDENT_POPULATION", new BigDecimal("1000")));
        Indicator hotline = data.catalog().get("HOTLINE_APPEALS");
        assertThat(hotline.level()).isEqualTo(Level.CITY);
        assertThat(hotline.formula()).isNull();
        assertThat(data.catalog().get("URBAN_NEW_JOBS").valueType()).isEqualTo(ValueType.INTEGER);
        assertThat(data.catalog().find("NOPE")).isEmpty();
    }

    @Test
    void sortsCountiesByCodeWhateverTheFileOrder() throws IOException {
        Path p = folder.resolve("counties.csv");
        List<String> all = Files.readAllLines(p);
        List<String> counties = new ArrayList<>(all.subList(2, all.size()));
        Collections.reverse(counties);
        List<String> reordered = new ArrayList<>(all.subList(0, 2));
        reordered.addAll(counties);
        Files.write(p, reordered);
        assertThat(ReferenceData.load(folder).registry().countyCodes()).isSorted().hasSize(11);
    }

    @Test
    void acceptsABom() throws IOException {
        Path p = folder.resolve("counties.csv");
        Files.writeString(p, "\uFEFF" + Files.readString(p));
        assertThat(ReferenceData.load(folder).registry().counties()).hasSize(11);
    }

    @Test
    void duplicateCountyCodeNamesFileAndLine() throws IOException {
        long line = lines("counties.csv") + 1;
        append("counties.csv", "150921,卓资县,卓资,Zhuozi County,county,150900");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("counties.csv")
                .hasMessageContaining("line " + line)
                .hasMessageContaining("150921")
                .hasMessageContaining("first on line 4");
    }

    @Test
    void duplicateIndicatorCodeNamesFileAndLine() throws IOException {
        long line = lines("indicators.csv") + 1;
        append("indicators.csv", "MEAT_OUTPUT,肉类产量,Meat output,吨,DECIMAL,COUNTY,SUM,");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("indicators.csv")
                .hasMessageContaining("line " + line)
                .hasMessageContaining("MEAT_OUTPUT");
    }

    @Test
    void ratioFormulaNamingAnUnknownIndicatorNamesFileAndIndicator() throws IOException {
        replace("indicators.csv", "CHILDCARE_SLOTS / RESIDENT_POPULATION * 1000", "CHILDCARE_SLOTS / POPULATION * 1000");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("indicators.csv")
                .hasMessageContaining("CHILDCARE_SLOTS_PER_1000")
                .hasMessageContaining("POPULATION");
    }

    @Test
    void unreadableRatioFormulaNamesFileAndLine() throws IOException {
        replace("indicators.csv", "CHILDCARE_SLOTS / RESIDENT_POPULATION * 1000", "CHILDCARE_SLOTS * 1000 / RESIDENT_POPULATION");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("indicators.csv, line 58");
    }

    @Test
    void ratioOfARatioIsRejected() throws IOException {
        append("indicators.csv", "DOUBLE_RATIO,x,x,%,DECIMAL,COUNTY,RATIO,CHILDCARE_SLOTS_PER_1000 / RESIDENT_POPULATION");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not a SUM indicator");
    }

    @Test
    void missingCountiesFileIsNamed() throws IOException {
        Files.delete(folder.resolve("counties.csv"));
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(folder.resolve("counties.csv").toString())
                .hasMessageContaining("missing");
    }

    @Test
    void missingIndicatorsFileIsNamed() throws IOException {
        Files.delete(folder.resolve("indicators.csv"));
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("indicators.csv")
                .hasMessageContaining("missing");
    }

    @Test
    void missingColumnNamesFileAndHeaderLine() throws IOException {
        replace("counties.csv", "code,name_zh,short_name_zh,name_en,type,parent_code", "code,name_zh,short_name_zh,name_en,type");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("counties.csv, line 1")
                .hasMessageContaining("parent_code");
    }

    @Test
    void rowWithTooManyFieldsNamesItsLine() throws IOException {
        long line = lines("indicators.csv") + 1;
        append("indicators.csv", "EXTRA,x,x,个,INTEGER,COUNTY,SUM,,surplus");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("indicators.csv, line " + line);
    }

    @Test
    void unknownEnumValueNamesTheLine() throws IOException {
        long line = lines("indicators.csv") + 1;
        append("indicators.csv", "EXTRA,x,x,个,WHOLE,COUNTY,SUM,");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("line " + line)
                .hasMessageContaining("WHOLE");
    }

    @Test
    void badCountyCodeNamesTheLine() throws IOException {
        replace("counties.csv", "150925,凉城县", "15925,凉城县");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("counties.csv, line 8")
                .hasMessageContaining("15925");
    }

    @Test
    void countyWithAnotherParentIsRejected() throws IOException {
        replace("counties.csv", "150981,丰镇市,丰镇,Fengzhen City,county-level city,150900",
                "150981,丰镇市,丰镇,Fengzhen City,county-level city,150100");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("150981").hasMessageContaining("150100");
    }

    @Test
    void blankLinesDoNotShiftReportedLineNumbers() throws IOException {
        Files.writeString(folder.resolve("indicators.csv"),
                "code,name_zh,name_en,unit,value_type,level,aggregation,formula\n"
                        + "\n"
                        + "A,a,a,个,INTEGER,COUNTY,SUM,\n"
                        + "A,a,a,个,INTEGER,COUNTY,SUM,\n");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("first on line 3");
    }
}
