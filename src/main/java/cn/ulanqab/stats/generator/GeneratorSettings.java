package cn.ulanqab.stats.generator;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.wording.Detail;

/**
 * What the synthetic input generator writes.
 *
 * @param counties       how many county-level units (spread over the cities)
 * @param indicators     how many catalog indicators in all, RATIO indicators included
 * @param period         the period (folder name and {@code period} column)
 * @param seed           the seed of the {@link java.util.SplittableRandom} that draws every value
 * @param printShare     each city prints one indicator in {@code printShare} (1 = every indicator)
 * @param mismatchStride every {@code mismatchStride}-th printed figure (counted over the whole published
 *                       file, from 1) is printed a few units of its last digit too high
 */
public record GeneratorSettings(int counties, int indicators, String period, long seed, int printShare, int mismatchStride) {

    /** The national workload: {@code --counties=2844 --indicators=2000}. */
    public static final int NATIONAL_COUNTIES = 2844;
    public static final int NATIONAL_INDICATORS = 2000;
    public static final long DEFAULT_SEED = 20230101L;
    public static final int DEFAULT_PRINT_SHARE = 10;
    public static final int DEFAULT_MISMATCH_STRIDE = 997;
    /** Two-digit county suffixes 01..99 under each city code. */
    public static final int MAX_COUNTIES = RegionTree.MAX_CITIES * 99;
    /** Indicator codes carry four digits. */
    public static final int MAX_INDICATORS = 9999;

    public GeneratorSettings {
        if (counties < 1 || counties > MAX_COUNTIES) {
            throw ConfigurationException.of(null, Detail.of("config.generate.out.of.range", "--counties", counties),
                    Detail.of("fix.generate.counties", MAX_COUNTIES, RegionTree.MAX_CITIES));
        }
        if (indicators < 1 || indicators > MAX_INDICATORS) {
            throw ConfigurationException.of(null, Detail.of("config.generate.out.of.range", "--indicators", indicators),
                    Detail.of("fix.generate.indicators", MAX_INDICATORS));
        }
        if (period == null || !period.matches("[0-9]{4}")) {
            throw ConfigurationException.of(null, Detail.of("config.generate.period", "--period", period),
                    Detail.of("fix.generate.period", "--period=2023"));
        }
        if (printShare < 1 || mismatchStride < 1) {
            throw new IllegalArgumentException("printShare and mismatchStride must be at least 1");
        }
    }

    public static GeneratorSettings of(int counties, int indicators) {
        return new GeneratorSettings(counties, indicators, "2023", DEFAULT_SEED, DEFAULT_PRINT_SHARE, DEFAULT_MISMATCH_STRIDE);
    }

    /** How many of the indicators are RATIO indicators: M/400, at least 1 and at most 5, none when M &lt; 4. */
    public int ratioCount() {
        return indicators < 4 ? 0 : Math.max(1, Math.min(5, indicators / 400));
    }

    /** The indicators that counties submit (every one that is not a RATIO). */
    public int sumCount() {
        return indicators - ratioCount();
    }
}
