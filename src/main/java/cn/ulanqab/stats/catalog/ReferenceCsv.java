package cn.ulanqab.stats.catalog;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.ConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads a reference file of the bureau (UTF-8, optional BOM, header row) and checks its columns,
 * turning every problem into a {@link ConfigurationException} that names the file and line.
 */
public final class ReferenceCsv {

    /** One data row with its physical line number (the header is line 1). */
    public record Row(Path file, long line, Map<String, String> values) {

        public String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v.strip();
        }

        /** Whether the file has this (optional) column. */
        public boolean has(String column) {
            return values.containsKey(column);
        }

        /** What is wrong on this row ({@code config.*}) and how to fix it ({@code fix.*}), naming the file and line. */
        public ConfigurationException problem(Detail problem, Detail fix) {
            return ConfigurationException.at(file.toString(), line, problem, fix);
        }
    }

    private ReferenceCsv() {
    }

    public static <T> List<T> read(Path file, List<String> requiredColumns, BiFunction<Row, Integer, T> mapper) {
        if (!Files.isRegularFile(file)) {
            Path folder = file.toAbsolutePath().getParent();
            boolean reference = folder != null && folder.getFileName() != null && folder.getFileName().toString().equals("reference");
            throw ConfigurationException.of(file.toString(), Detail.of("config.reference.missing"), reference
                    ? Detail.of("fix.reference.missing.shipped", "input/reference/" + file.getFileName()) : Detail.of("fix.reference.missing"));
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setTrim(true).setIgnoreEmptyLines(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(skipBom(reader), format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : requiredColumns) {
                if (!header.contains(column)) {
                    throw ConfigurationException.at(file.toString(), 1, Detail.of("config.reference.no.column", column),
                            Detail.of("fix.reference.columns", String.join(", ", requiredColumns)));
                }
            }
            List<T> result = new ArrayList<>();
            long previousEnd = parser.getCurrentLineNumber();
            List<String> physical = null;
            int index = 0;
            for (CSVRecord record : parser) {
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                if (line < previousEnd) {
                    // empty lines the parser skipped before this record are not where it starts
                    physical = physical == null ? physicalLines(file) : physical;
                    while (line < previousEnd && line <= physical.size() && physical.get((int) line - 1).isEmpty()) {
                        line++;
                    }
                }
                if (!record.isConsistent()) {
                    throw ConfigurationException.at(file.toString(), line,
                            Detail.of("config.reference.fields", record.size(), header.size()),
                            Detail.of("fix.reference.quote.commas"));
                }
                result.add(mapper.apply(new Row(file, line, record.toMap()), index++));
            }
            return result;
        } catch (IOException e) {
            throw ConfigurationException.of(file.toString(), Detail.of("config.reference.unreadable", e.getMessage()),
                    Detail.of("fix.reference.readable"));
        } catch (UncheckedIOException | IllegalStateException e) {
            throw ConfigurationException.of(file.toString(), Detail.of("config.reference.not.csv", e.getMessage()),
                    Detail.of("fix.reference.csv"));
        }
    }

    /** The file's lines as the parser counts them (ended by CRLF, LF or CR), decoded leniently. */
    private static List<String> physicalLines(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return List.of(text.split("\\r\\n|\\r|\\n", -1));
    }

    private static Reader skipBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
