package cn.ulanqab.stats.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The output CSVs: UTF-8 with a BOM so that Excel and WPS open them with Chinese intact, RFC 4180, and no
 * cell that a spreadsheet would run as a formula (such a cell gets a leading apostrophe).
 */
public final class CsvOutput {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private CsvOutput() {
    }

    public static void write(Path target, List<String> header, List<List<String>> rows) {
        AtomicFiles.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                printer.printRecord(header);
                for (List<String> row : rows) {
                    printer.printRecord(row.stream().map(CsvOutput::safe).toList());
                }
            }
        });
    }

    /** Writes rows as a producer hands them over, one at a time, so that millions of rows never sit in memory. */
    public static void write(Path target, List<String> header, java.util.function.Consumer<java.util.function.Consumer<List<String>>> producer) {
        AtomicFiles.write(target, out -> {
            Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write('\uFEFF');
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                printer.printRecord(header);
                producer.accept(row -> {
                    try {
                        printer.printRecord(row.stream().map(CsvOutput::safe).toList());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        });
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

}
