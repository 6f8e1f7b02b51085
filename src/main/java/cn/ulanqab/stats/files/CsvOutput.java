package cn.ulanqab.stats.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
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
    public static void write(Path target, List<String> header, Consumer<Consumer<List<String>>> producer) {
        AtomicFiles.write(target, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write('\uFEFF');
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                printer.printRecord(header);
                producer.accept(row -> {
                    try {
                        if (plain(row)) {
                            for (int i = 0; i < row.size(); i++) {
                                if (i > 0) {
                                    writer.write(',');
                                }
                                writer.write(row.get(i));
                            }
                            writer.write("\r\n");
                            return;
                        }
                        printer.printRecord(row.stream().map(CsvOutput::safe).toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        });
    }

    /**
     * A row of codes and numbers that RFC 4180 prints as they are and no spreadsheet reads as a formula (each cell a
     * letter or digit, then letters, digits, '.' or '_'): the millions of rows of a long county breakdown are written
     * without the printer, byte for byte what it would write.
     */
    static boolean plain(List<String> row) {
        for (String cell : row) {
            if (cell == null || cell.isEmpty() || !Character.isLetterOrDigit(cell.charAt(0)) || cell.charAt(0) >= 0x80) {
                return false;
            }
            for (int i = 1; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.' || c == '_')) {
                    return false;
                }
            }
        }
        return true;
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
