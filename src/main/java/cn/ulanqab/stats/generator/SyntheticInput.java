package cn.ulanqab.stats.generator;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.catalog.RatioFormula;
import cn.ulanqab.stats.wording.Detail;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a complete synthetic input in the project's layout ({@code reference/counties.csv},
 * {@code reference/indicators.csv}, {@code <period>/<code>.csv} per county, {@code published/<period>.csv}),
 * plus {@code expected-mismatches.csv} (the printed figures planted wrong) and, last, {@code generator.properties}
 * (the settings and counts; its presence marks a complete folder).
 *
 * <p>Every value comes from one {@link SplittableRandom} seeded with {@link GeneratorSettings#seed()}, drawn
 * city by city, county by county, indicator by indicator, so the same settings give the same bytes. The work is
 * done one city at a time: its counties' files are streamed out while the city's totals are added up in
 * {@link BigDecimal}, then the city's printed figures are written, so memory stays at one city's totals.
 */
public final class SyntheticInput {

    public static final String EXPECTED_MISMATCHES_FILE = "expected-mismatches.csv";
    public static final String MANIFEST_FILE = "generator.properties";

    private static final String[] INTEGER_UNITS = {"个", "家", "项", "户", "人", "件", "台"};
    private static final String[] DECIMAL_UNITS = {"吨", "亩", "公里", "立方米"};
    private static final int INTEGER_BOUND = 5_000;
    /** DECIMAL values are drawn as hundredths below this: 0.00 … 99999.99. */
    private static final long DECIMAL_BOUND = 10_000_000L;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int BUFFER = 1 << 16;

    /** What was written. */
    public record Summary(int provinces, int cities, int counties, int indicators, int ratioIndicators,
                          long submissionRows, long printedFigures, long mismatches) {
    }

    private SyntheticInput() {
    }

    /** The catalog: SUM indicators {@code IND_0001 …} (every third DECIMAL), then the RATIO indicators {@code RATIO_0001 …}. */
    public static List<SyntheticIndicator> catalog(GeneratorSettings settings) {
        List<SyntheticIndicator> catalog = new ArrayList<>(settings.indicators());
        for (int i = 0; i < settings.sumCount(); i++) {
            String n = four(i + 1);
            boolean decimal = i % 3 == 2;
            String unit = decimal ? DECIMAL_UNITS[(i / 3) % DECIMAL_UNITS.length] : INTEGER_UNITS[i % INTEGER_UNITS.length];
            catalog.add(new SyntheticIndicator("IND_" + n, "合成指标" + n, "Synthetic indicator " + n, unit, decimal,
                    false, -1, -1, null));
        }
        for (int j = 0; j < settings.ratioCount(); j++) {
            String n = four(j + 1);
            catalog.add(new SyntheticIndicator("RATIO_" + n, "合成比率" + n, "Synthetic ratio " + n, "%", true,
                    true, 2 * j, 2 * j + 1, HUNDRED));
        }
        return catalog;
    }

    /**
     * Writes the input into {@code folder}, which must be new or empty.
     *
     * @throws ConfigurationException when the folder holds files already or is not a folder
     * @throws UncheckedIOException   when a file cannot be written
     */
    public static Summary generate(Path folder, GeneratorSettings settings) {
        checkFolder(folder);
        try {
            return write(folder, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic input into " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void checkFolder(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw ConfigurationException.of(null, Detail.of("config.generate.is.file", "--generate", folder),
                    Detail.of("fix.generate.new.folder"));
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw ConfigurationException.of(null, Detail.of("config.generate.not.empty", "--generate", folder),
                            Detail.of("fix.generate.not.mixed"));
                }
            } catch (IOException e) {
                throw ConfigurationException.of(null, Detail.of("config.generate.cannot.read", "--generate", folder, e.getMessage()),
                        Detail.NONE);
            }
        }
    }

    private static Summary write(Path folder, GeneratorSettings settings) throws IOException {
        RegionTree tree = new RegionTree(settings.counties());
        List<SyntheticIndicator> catalog = catalog(settings);
        Path reference = Files.createDirectories(folder.resolve("reference"));
        Path submissions = Files.createDirectories(folder.resolve(settings.period()));
        Path published = Files.createDirectories(folder.resolve("published"));

        try (BufferedWriter w = writer(reference.resolve("counties.csv"))) {
            w.write("code,name_zh,short_name_zh,name_en,type,parent_code\n");
            for (Region region : tree.all()) {
                w.write(region.csvLine());
                w.write('\n');
            }
        }
        try (BufferedWriter w = writer(reference.resolve("indicators.csv"))) {
            w.write("code,name_zh,name_en,unit,value_type,level,aggregation,formula\n");
            for (SyntheticIndicator indicator : catalog) {
                w.write(indicator.code() + ',' + indicator.nameZh() + ',' + indicator.nameEn() + ',' + indicator.unit() + ','
                        + indicator.valueType() + ",COUNTY," + (indicator.ratio() ? "RATIO," : "SUM,"));
                if (indicator.ratio()) {
                    w.write(catalog.get(indicator.numerator()).code() + " / " + catalog.get(indicator.denominator()).code()
                            + " * " + indicator.factor().toPlainString());
                }
                w.write('\n');
            }
        }

        boolean[] denominator = new boolean[settings.sumCount()];
        for (SyntheticIndicator indicator : catalog) {
            if (indicator.ratio()) {
                denominator[indicator.denominator()] = true;
            }
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        String period = settings.period();
        String rowMiddle = ',' + period + ',';
        BigDecimal[] totals = new BigDecimal[settings.sumCount()];
        long rows = 0;
        long printed = 0;
        long mismatches = 0;
        List<Region> cities = tree.cities();
        try (BufferedWriter pub = writer(published.resolve(period + ".csv"));
             BufferedWriter expected = writer(folder.resolve(EXPECTED_MISMATCHES_FILE))) {
            pub.write("indicator_code,period,published_text,section,quote,region_code\n");
            expected.write("indicator_code,region_code\n");
            for (int c = 0; c < cities.size(); c++) {
                Arrays.fill(totals, BigDecimal.ZERO);
                for (Region county : tree.countiesOf(c)) {
                    try (BufferedWriter w = writer(submissions.resolve(county.code() + ".csv"))) {
                        w.write("county_code,indicator_code,period,value,unit,remark\n");
                        for (int i = 0; i < totals.length; i++) {
                            SyntheticIndicator indicator = catalog.get(i);
                            int min = denominator[i] ? 1 : 0;
                            BigDecimal value = indicator.decimal()
                                    ? BigDecimal.valueOf(random.nextLong(min, DECIMAL_BOUND), 2)
                                    : BigDecimal.valueOf(random.nextInt(min, INTEGER_BOUND));
                            totals[i] = totals[i].add(value);
                            w.write(county.code());
                            w.write(',');
                            w.write(indicator.code());
                            w.write(rowMiddle);
                            w.write(indicator.decimal() ? value.stripTrailingZeros().toPlainString() : value.toPlainString());
                            w.write(',');
                            w.write(indicator.unit());
                            w.write(",\n");
                            rows++;
                        }
                    }
                }
                Region city = cities.get(c);
                for (int i = 0; i < catalog.size(); i++) {
                    if ((i + c) % settings.printShare() != 0) {
                        continue;
                    }
                    SyntheticIndicator indicator = catalog.get(i);
                    BigDecimal figure = printedFigure(indicator, i, totals);
                    printed++;
                    if (printed % settings.mismatchStride() == 0) {
                        // a few units of the last printed digit too high: outside the rounding of the true total
                        long units = 2 + (printed / settings.mismatchStride()) % 4;
                        figure = figure.add(BigDecimal.valueOf(units, figure.scale()));
                        mismatches++;
                        expected.write(indicator.code() + ',' + city.code() + '\n');
                    }
                    String text = figure.toPlainString() + indicator.unit();
                    pub.write(indicator.code() + ',' + period + ',' + text + ",合成," + city.nameZh() + " " + indicator.nameZh() + " " + text
                            + ',' + city.code() + '\n');
                }
            }
        }

        Summary summary = new Summary(tree.provinces().size(), cities.size(), settings.counties(), catalog.size(),
                settings.ratioCount(), rows, printed, mismatches);
        try (BufferedWriter w = writer(folder.resolve(MANIFEST_FILE))) {
            w.write("# written last by cn.ulanqab.stats.generator.SyntheticInput: the folder is complete\n");
            w.write("counties=" + settings.counties() + "\nindicators=" + settings.indicators() + "\nperiod=" + period
                    + "\nseed=" + settings.seed() + "\nprint_share=" + settings.printShare()
                    + "\nmismatch_stride=" + settings.mismatchStride() + "\nprovinces=" + summary.provinces()
                    + "\ncities=" + summary.cities() + "\nratio_indicators=" + summary.ratioIndicators()
                    + "\nsubmission_rows=" + rows + "\nprinted_figures=" + printed + "\nmismatches=" + mismatches + "\n");
        }
        return summary;
    }

    /**
     * The figure as the report would print it for the city's true total: an INTEGER total exactly, a DECIMAL
     * total with its two decimals, a RATIO (34 significant digits, multiplying before dividing) rounded half up
     * to two decimals.
     */
    static BigDecimal printedFigure(SyntheticIndicator indicator, int index, BigDecimal[] totals) {
        if (indicator.ratio()) {
            BigDecimal num = totals[indicator.numerator()];
            BigDecimal den = totals[indicator.denominator()];
            return num.multiply(indicator.factor(), RatioFormula.PRECISION)
                    .divide(den, RatioFormula.PRECISION)
                    .setScale(indicator.printedDecimals(), RoundingMode.HALF_UP);
        }
        return totals[index].setScale(indicator.printedDecimals(), RoundingMode.UNNECESSARY);
    }

    private static BufferedWriter writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER);
    }

    private static String four(int n) {
        String s = String.valueOf(n);
        return "0000".substring(s.length()) + s;
    }
}
