package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
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
 * Reads the rows of one submission file whose encoding is known. The header (its first line that is not blank) maps
 * columns by name. Every record after it becomes exactly one {@link SubmittedRow}; a record with the wrong number of
 * fields, broken quoting or more than {@link #MAX_RECORD} characters becomes a malformed row, and reading goes on, so
 * nothing is dropped. Lines of nothing but blanks are not rows. {@code line} is the physical line on which a record
 * starts, the first line of the file being 1 (blank lines before the header count). Fields are trimmed of every
 * Unicode blank ({@link Blanks}) and kept whole: a record is cut off by {@link CsvRecords} before it is built, so a
 * line of any length costs at most {@link #MAX_RECORD} characters of memory.
 */
public final class SubmissionReader implements Iterator<SubmittedRow>, Closeable {

    /** How much of a record that cannot be split is kept to show it. */
    static final int MAX_TEXT = 1000;
    /** The longest record read: 1 MB of text (1,048,576 characters), a remark of nearly that length included. */
    public static final int MAX_RECORD = 1 << 20;

    private final String file;
    private final String fileCountyCode;
    private final CsvRecords records;
    private Map<SubmissionColumn, Integer> columns;
    private int headerSize;
    private final List<String> ignoredColumns = new ArrayList<>();
    private SubmittedRow next;
    private boolean finished;

    /** The header could not be used: why, in words an office can act on. */
    public static final class UnreadableHeader extends Exception {
        private final transient Detail detail;

        public UnreadableHeader(Detail detail) {
            super(detail.key() + " " + detail.args());
            this.detail = detail;
        }

        public Detail detail() {
            return detail;
        }
    }

    /** Opens the file's bytes from the start (read once, front to back). */
    @FunctionalInterface
    public interface Bytes {
        InputStream open() throws IOException;
    }

    public SubmissionReader(Path path, String fileCountyCode, SubmissionEncoding.Detected encoding) throws IOException, UnreadableHeader {
        this(path, () -> Files.newInputStream(path), fileCountyCode, encoding);
    }

    /** A reader of the file's bytes as {@code bytes} gives them (for instance through a hash of what was read). */
    public SubmissionReader(Path path, Bytes bytes, String fileCountyCode, SubmissionEncoding.Detected encoding)
            throws IOException, UnreadableHeader {
        this.file = path.getFileName().toString();
        this.fileCountyCode = fileCountyCode;
        // decoded strictly, as Files.newBufferedReader does: bytes that are not of the encoding are an error, not replaced
        BufferedReader reader = new BufferedReader(new InputStreamReader(bytes.open(), encoding.charset().newDecoder()));
        if (encoding.bom()) {
            reader.skip(1);
        }
        this.records = new CsvRecords(reader, MAX_RECORD, MAX_TEXT);
        try {
            readHeader();
        } catch (IOException | UnreadableHeader | RuntimeException e) {
            records.close();
            throw e;
        }
    }

    private void readHeader() throws IOException, UnreadableHeader {
        while (true) {
            CsvRecords.Record header = records.next();
            if (header == null) {
                throw new UnreadableHeader(Detail.of("header.empty"));
            }
            switch (header.kind()) {
                case BLANK -> {
                    continue;
                }
                case TOO_LONG -> throw new UnreadableHeader(Detail.of("header.too.long", header.line()));
                case BROKEN_QUOTING, UNCLOSED_QUOTE -> throw new UnreadableHeader(Detail.of("header.quoting"));
                case FIELDS -> {
                    columns = mapColumns(header.fields());
                    headerSize = header.fields().size();
                    return;
                }
            }
        }
    }

    private Map<SubmissionColumn, Integer> mapColumns(List<String> header) throws UnreadableHeader {
        Map<SubmissionColumn, Integer> found = new EnumMap<>(SubmissionColumn.class);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = Blanks.trim(header.get(i).replace("\uFEFF", ""));
            names.add(name);
            Optional<SubmissionColumn> column = SubmissionColumn.byHeader(name);
            if (column.isEmpty()) {
                ignoredColumns.add(truncate(name.isEmpty() ? "#" + (i + 1) : name));
            }
            if (column.isPresent() && found.putIfAbsent(column.get(), i) != null) {
                throw new UnreadableHeader(Detail.of("header.twice", column.get().label()));
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
            String lacking = String.join(", ", missing);
            String read = truncate(joined);
            if (joined.contains("\t")) {
                throw new UnreadableHeader(Detail.of("header.lacks.tabs", lacking, read));
            } else if (joined.contains(";")) {
                throw new UnreadableHeader(Detail.of("header.lacks.semicolons", lacking, read));
            } else if (!names.isEmpty() && names.get(0).matches("[0-9]{6}")) {
                throw new UnreadableHeader(Detail.of("header.lacks.data", lacking, read, names.get(0)));
            }
            throw new UnreadableHeader(Detail.of("header.lacks", lacking, read));
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
            CsvRecords.Record record;
            try {
                record = records.next();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            if (record == null) {
                return null;
            }
            long line = record.line();
            switch (record.kind()) {
                case BLANK -> {
                    continue;
                }
                case TOO_LONG -> {
                    return SubmittedRow.malformed(file, fileCountyCode, line, record.text(), Detail.of("record.too.long", line));
                }
                case BROKEN_QUOTING -> {
                    return SubmittedRow.malformed(file, fileCountyCode, line, record.text(), Detail.of("broken.quoting"));
                }
                case UNCLOSED_QUOTE -> {
                    return SubmittedRow.malformed(file, fileCountyCode, line, record.text(), Detail.of("unclosed.quote"));
                }
                case FIELDS -> {
                    List<String> fields = record.fields();
                    if (fields.size() != headerSize) {
                        return SubmittedRow.malformed(file, fileCountyCode, line, truncate(String.join(",", fields)),
                                Detail.of("field.count", fields.size(), headerSize));
                    }
                    return new SubmittedRow(file, fileCountyCode, line, field(fields, SubmissionColumn.COUNTY_CODE),
                            field(fields, SubmissionColumn.INDICATOR_CODE), field(fields, SubmissionColumn.PERIOD),
                            field(fields, SubmissionColumn.VALUE), field(fields, SubmissionColumn.UNIT),
                            field(fields, SubmissionColumn.REMARK), null);
                }
            }
        }
    }

    private String field(List<String> fields, SubmissionColumn column) {
        Integer index = columns.get(column);
        return index == null ? "" : Blanks.trim(fields.get(index));
    }

    static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
