package cn.ulanqab.stats.report;

import java.util.stream.IntStream;
import cn.ulanqab.stats.files.CsvOutput;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.reconciliation.Numbers;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * county-breakdown.csv. One city: wide, one row per indicator and one column per county and the city's own, the values
 * gathered as plain text while the rows are read (one cell per indicator and unit, however many indicators). Several
 * cities: long, one row per accepted value, written as the rows are read.
 */
final class BreakdownCsv {

    static final String FILE = "county-breakdown.csv";
    static final List<String> LONG_COLUMNS = List.of("indicator_code", "region_code", "county_code", "value");

    private BreakdownCsv() {
    }

    /** The wide form, filled while the accepted rows are read. */
    static final class Wide {
        private final ReferenceData reference;
        private final List<String> units = new ArrayList<>();
        private final Map<String, Integer> unitIndex = new HashMap<>();
        private final Map<String, Integer> indicatorIndex = new HashMap<>();
        private final String[][] cells;

        Wide(ReferenceData reference) {
            this.reference = reference;
            units.addAll(reference.registry().countyCodes());
            units.add(reference.registry().city().code());
            for (int i = 0; i < units.size(); i++) {
                unitIndex.put(units.get(i), i);
            }
            List<Indicator> indicators = reference.catalog().indicators();
            for (int i = 0; i < indicators.size(); i++) {
                indicatorIndex.put(indicators.get(i).code(), i);
            }
            cells = new String[indicators.size()][];
        }

        void accepted(String unit, String indicator, String value, BigDecimal parsed) {
            Integer i = indicatorIndex.get(indicator);
            Integer u = unitIndex.get(unit);
            if (i != null && u != null) {
                if (cells[i] == null) {
                    cells[i] = new String[units.size()];
                }
                cells[i][u] = OutputWriter.plainText(value, parsed);
            }
        }

        /**
         * Every county value, indicator code then unit code (for the workbook's breakdown sheet), as a view: an indicator's
         * values become BigDecimals only when asked for, so a catalog of 100,000 indicators is not held twice.
         */
        Map<String, Map<String, BigDecimal>> asMap() {
            return new AbstractMap<>() {
                @Override
                public Map<String, BigDecimal> get(Object indicator) {
                    Integer i = indicatorIndex.get(indicator);
                    return i == null || cells[i] == null ? null : valuesOf(i);
                }

                @Override
                public boolean containsKey(Object indicator) {
                    return get(indicator) != null;
                }

                @Override
                public Set<Entry<String, Map<String, BigDecimal>>> entrySet() {
                    return new AbstractSet<>() {
                        @Override
                        public Iterator<Entry<String, Map<String, BigDecimal>>> iterator() {
                            List<Indicator> indicators = reference.catalog().indicators();
                            return IntStream.range(0, indicators.size()).filter(i -> cells[i] != null)
                                    .mapToObj(i -> (Entry<String, Map<String, BigDecimal>>) new SimpleImmutableEntry<>(
                                            indicators.get(i).code(), valuesOf(i))).iterator();
                        }

                        @Override
                        public int size() {
                            int n = 0;
                            for (String[] row : cells) {
                                n += row == null ? 0 : 1;
                            }
                            return n;
                        }
                    };
                }
            };
        }

        private Map<String, BigDecimal> valuesOf(int i) {
            Map<String, BigDecimal> values = new HashMap<>();
            for (int u = 0; u < units.size(); u++) {
                if (cells[i][u] != null) {
                    values.put(units.get(u), new BigDecimal(cells[i][u]));
                }
            }
            return values;
        }

        void write(Path folder) {
            List<String> header = new ArrayList<>(List.of("indicator_code"));
            header.addAll(units);
            List<Indicator> indicators = reference.catalog().indicators();
            CsvOutput.write(folder.resolve(FILE), header, (Consumer<List<String>> out) -> {
                for (int i = 0; i < indicators.size(); i++) {
                    List<String> row = new ArrayList<>(units.size() + 1);
                    row.add(indicators.get(i).code());
                    for (int u = 0; u < units.size(); u++) {
                        String cell = cells[i] == null ? null : cells[i][u];
                        row.add(cell == null ? "" : cell);
                    }
                    out.accept(row);
                }
            });
        }
    }

    static String plain(BigDecimal value) {
        return Numbers.plain(value);
    }
}
