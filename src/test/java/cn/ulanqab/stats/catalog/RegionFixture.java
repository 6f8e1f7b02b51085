package cn.ulanqab.stats.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small region tree for tests: the country 100000 (parent 000000, the top marker), provinces 110000 and 120000,
 * cities 110100 and 110200 (in 110000) and 120100 (in 120000), two counties under each city. Indicators: A (SUM,
 * INTEGER), B (SUM, DECIMAL), R = A / B * 100 (RATIO) and C (CITY).
 */
public final class RegionFixture {

    public static final String COUNTIES = """
            code,name_zh,short_name_zh,name_en,type,parent_code
            100000,合成国,合成国,Country,country,000000
            110000,甲省,甲省,Province A,province,100000
            120000,乙省,乙省,Province B,province,100000
            110100,甲一市,甲一,City A1,city,110000
            110200,甲二市,甲二,City A2,city,110000
            120100,乙一市,乙一,City B1,city,120000
            110101,甲一一县,甲一一,County A11,county,110100
            110102,甲一二县,甲一二,County A12,county,110100
            110201,甲二一县,甲二一,County A21,county,110200
            110202,甲二二县,甲二二,County A22,county,110200
            120101,乙一一县,乙一一,County B11,county,120100
            120102,乙一二县,乙一二,County B12,county,120100
            """;

    public static final String INDICATORS = """
            code,name_zh,name_en,unit,value_type,level,aggregation,formula
            A,甲指标,Indicator A,个,INTEGER,COUNTY,SUM,
            B,乙指标,Indicator B,吨,DECIMAL,COUNTY,SUM,
            R,比率,Ratio A per B,%,DECIMAL,COUNTY,RATIO,A / B * 100
            C,市级指标,City indicator,件,INTEGER,CITY,CITY,
            """;

    private RegionFixture() {
    }

    /** Writes {@code reference/counties.csv} and {@code reference/indicators.csv} under {@code input} and returns the folder. */
    public static Path write(Path input) {
        try {
            Path reference = Files.createDirectories(input.resolve("reference"));
            Files.writeString(reference.resolve("counties.csv"), COUNTIES);
            Files.writeString(reference.resolve("indicators.csv"), INDICATORS);
            return reference;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReferenceData load(Path input) {
        return ReferenceData.load(write(input));
    }
}
