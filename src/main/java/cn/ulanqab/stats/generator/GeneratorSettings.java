package cn.ulanqab.stats.generator;

import cn.ulanqab.stats.ConfigurationException;

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
            throw new ConfigurationException("--counties=" + counties + " is out of range. Fix: give 1 to " + MAX_COUNTIES
                    + " (at most 99 counties under each of " + RegionTree.MAX_CITIES + " cities)");
        }
        if (indicators < 1 || indicators > MAX_INDICATORS) {
            throw new ConfigurationException("--indicators=" + indicators + " is out of range. Fix: give 1 to " + MAX_INDICATORS);
        }
        if (period == null || !period.matches("[0-9]{4}")) {
            throw new ConfigurationException("--period=" + period + " is not a year. Fix: write four digits, e.g. --period=2023");
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
