package cn.ulanqab.stats.submission;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads the rows of one submission file whose encoding is known. The header (its first non-blank
 * line) maps columns by name. Every record after it becomes exactly one {@link SubmittedRow}; a record
 * with the wrong number of fields or broken quoting becomes a malformed row, and reading goes on at
 * the next line, so nothing is dropped. Blank lines are not rows. {@code line} is the physical line on
 * which a record starts, the header being line 1.
 */
public final class SubmissionReader implements Iterator<SubmittedRow>, Closeable {

    static final int MAX_TEXT = 1000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final String file;
    private final String fileCountyCode;
    private final SubmissionEncoding.Detected encoding;
    private Map<SubmissionColumn, Integer> columns;
    private int headerSize;
    private final List<String> ignoredColumns = new ArrayList<>();
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private long lineOffset;
    private long previousEnd;
    private SubmittedRow next;
    private boolean finished;

    /** The header could not be used: why, in words an office can act on. */
    public static final class UnreadableHeader extends Exception {
        public UnreadableHeader(String message) {
            super(message);
        }
    }

    /** Opens the file's bytes from the start; the reader opens it again to re-read past broken quoting. */
    @FunctionalInterface
    public interface Bytes {
        InputStream open() throws IOException;
    }

    private final Bytes bytes;

    public SubmissionReader(Path path, String fileCountyCode, SubmissionEncoding.Detected encoding) throws IOException, UnreadableHeader {
        this(path, () -> Files.newInputStream(path), fileCountyCode, encoding);
    }

    /** A reader of the file's bytes as {@code bytes} gives them (for instance through a hash of what was read). */
    public SubmissionReader(Path path, Bytes bytes, String fileCountyCode, SubmissionEncoding.Detected encoding)
            throws IOException, UnreadableHeader {
        this.bytes = bytes;
        this.file = path.getFileName().toString();
        this.fileCountyCode = fileCountyCode;
        this.encoding = encoding;
        openAt(0);
        readHeader();
    }

    private void openAt(long skipLines) throws IOException {
        if (parser != null) {
            parser.close();
        }
        BufferedReader reader = newReader();
        if (encoding.bom()) {
            reader.skip(1);
        }
        skipPhysicalLines(reader, skipLines);
        parser = CSVParser.parse(reader, FORMAT);
        records = parser.iterator();
        lineOffset = skipLines;
        previousEnd = skipLines;
    }

    /** Decoded strictly, as Files.newBufferedReader does: bytes that are not of the encoding are an error, not replaced. */
    private BufferedReader newReader() throws IOException {
        return new BufferedReader(new InputStreamReader(bytes.open(), encoding.charset().newDecoder()));
    }

    private void readHeader() throws UnreadableHeader {
        while (true) {
            CSVRecord header;
            try {
                if (!records.hasNext()) {
                    throw new UnreadableHeader("the file is empty: it needs a header row such as county_code,indicator_code,period,value,unit,remark");
                }
                header = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new UnreadableHeader("the header row has broken quoting: save the sheet as CSV again");
            }
            previousEnd = lineOffset + parser.getCurrentLineNumber();
            if (isBlank(header)) {
                continue;
            }
            columns = mapColumns(header);
            headerSize = header.size();
            return;
        }
    }

    private Map<SubmissionColumn, Integer> mapColumns(CSVRecord header) throws UnreadableHeader {
        Map<SubmissionColumn, Integer> found = new EnumMap<>(SubmissionColumn.class);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "");
            names.add(name.strip());
            Optional<SubmissionColumn> column = SubmissionColumn.byHeader(name);
            if (column.isEmpty()) {
                ignoredColumns.add(truncate(name.strip().isEmpty() ? "(column " + (i + 1) + " without a name)" : name.strip()));
            }
            if (column.isPresent() && found.putIfAbsent(column.get(), i) != null) {
                throw new UnreadableHeader("the header names " + column.get().label() + " twice: keep one such column");
            }
        }
        List<String> missing = new ArrayList<>();
        for (SubmissionColumn c : SubmissionColumn.values()) {
            if (c.required() && !found.containsKey(c)) {
                missing.add(c.label());
            }
        }
        if (!missing.isEmpty()) {
            String joined = String.join(",", names);
            String hint;
            if (joined.contains("\t")) {
                hint = "it looks like tab-separated text: save the sheet as \"CSV UTF-8\"";
            } else if (joined.contains(";")) {
                hint = "it looks like semicolon-separated text: save the sheet as \"CSV UTF-8\" with commas";
            } else if (!names.isEmpty() && names.get(0).matches("[0-9]{6}")) {
                hint = "the first row is data (it starts with the code " + names.get(0) + "), not a header: add the header row"
                        + " county_code,indicator_code,period,value,unit,remark as line 1";
            } else {
                hint = "name the columns county_code, indicator_code, period, value (or 区划代码, 指标代码, 统计期, 数值)";
            }
            throw new UnreadableHeader("the header lacks " + String.join(", ", missing) + " (found: "
                    + truncate(joined) + "): " + hint);
        }
        return found;
    }

    /** Header columns that are not submission columns: read past, and noted in the file ledger. */
    public List<String> ignoredColumns() {
        return List.copyOf(ignoredColumns);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = advance();
            finished = next == null;
        }
        return next != null;
    }

    @Override
    public SubmittedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SubmittedRow row = next;
        next = null;
        return row;
    }

    private SubmittedRow advance() {
        while (true) {
            long start = previousEnd + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                return brokenQuoting(start, e);
            }
            previousEnd = lineOffset + parser.getCurrentLineNumber();
            if (isBlank(record)) {
                continue;
            }
            if (record.size() != headerSize) {
                return SubmittedRow.malformed(file, fileCountyCode, start, truncate(String.join(",", record.values())),
                        record.size() + " fields where the header has " + headerSize + ": quote any value that contains a comma");
            }
            return new SubmittedRow(file, fileCountyCode, start, field(record, SubmissionColumn.COUNTY_CODE),
                    field(record, SubmissionColumn.INDICATOR_CODE), field(record, SubmissionColumn.PERIOD),
                    field(record, SubmissionColumn.VALUE), field(record, SubmissionColumn.UNIT),
                    field(record, SubmissionColumn.REMARK), null);
        }
    }

    /** Records the broken record, then goes on reading at the line after the one it started on. */
    private SubmittedRow brokenQuoting(long start, RuntimeException e) {
        String text;
        boolean endOfFile;
        try {
            text = physicalLine(start);
            endOfFile = text == null || String.valueOf(e.getMessage()).contains("EOF");
            if (!endOfFile) {
                openAt(start);
            }
        } catch (IOException io) {
            throw new UncheckedIOException("cannot re-read " + file, io);
        }
        if (endOfFile) {
            finished = true;
            records = java.util.Collections.emptyIterator();
        }
        String why = endOfFile ? "a quoted value is never closed (the file ends inside it): close the quote or re-save the file"
                : "broken quoting (a quote inside a value must be doubled, and nothing may follow a closing quote but a comma)";
        return SubmittedRow.malformed(file, fileCountyCode, start, truncate(text == null ? "" : text), why);
    }

    private String physicalLine(long line) throws IOException {
        try (BufferedReader reader = newReader()) {
            if (encoding.bom()) {
                reader.skip(1);
            }
            skipPhysicalLines(reader, line - 1);
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = reader.read()) != -1 && c != '\n' && c != '\r') {
                if (sb.length() < MAX_TEXT) {
                    sb.append((char) c);
                }
            }
            return sb.isEmpty() && c == -1 ? null : sb.toString();
        }
    }

    /** Skips lines ended by CRLF, LF or CR, as Commons CSV counts them. */
    private static void skipPhysicalLines(BufferedReader reader, long lines) throws IOException {
        long skipped = 0;
        while (skipped < lines) {
            int c = reader.read();
            if (c == -1) {
                return;
            }
            if (c == '\n') {
                skipped++;
            } else if (c == '\r') {
                reader.mark(1);
                if (reader.read() != '\n') {
                    reader.reset();
                }
                skipped++;
            }
        }
    }

    private String field(CSVRecord record, SubmissionColumn column) {
        Integer index = columns.get(column);
        return index == null ? "" : truncate(record.get(index).strip());
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
    }
}
