package cn.ulanqab.stats.submission;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Accepted rows of one file, packed into one record of the database (ACCEPTED_ROWS): a database insert per row
 * costs more than reading, validating and summing the row together, so a chunk stores its accepted rows as one
 * record per file instead, in the same transaction as before. A record keeps everything a row had: its line, the
 * indicator code, the value as submitted, unit and remark, and the value in the catalog unit.
 */
public final class PackedRows {

    /** One accepted row as it was packed. */
    public record Row(long line, String indicatorCode, String rawValue, String unit, String remark, String valueText) {
    }

    private static final byte FORMAT = 1;
    /** A record grows to about this many bytes at most; more rows of the same file start another record. */
    static final int MAX_RECORD_BYTES = 16 << 20;

    private PackedRows() {
    }

    /** Accepted rows of one file, in line order, as they are packed one after another. */
    public static final class Packer {
        private byte[] buffer = new byte[1 << 16];
        private int size;
        private long firstLine = -1;
        private long lastLine = -1;
        private int count;
        /** Units repeat on every row and are Chinese text, whose encoding costs more than the rest of the row. */
        private final Map<String, byte[]> encodedUnits = new HashMap<>();

        public Packer() {
            buffer[size++] = FORMAT;
        }

        public void add(long line, String indicatorCode, String rawValue, String unit, String remark, String valueText) {
            writeLong(line);
            writeText(indicatorCode);
            writeText(rawValue);
            writeUnit(unit);
            writeText(remark);
            writeText(valueText);
            if (count == 0) {
                firstLine = line;
            }
            lastLine = line;
            count++;
        }

        public void add(Row row) {
            add(row.line(), row.indicatorCode(), row.rawValue(), row.unit(), row.remark(), row.valueText());
        }

        public boolean full() {
            return size >= MAX_RECORD_BYTES;
        }

        public int count() {
            return count;
        }

        public long firstLine() {
            return firstLine;
        }

        public long lastLine() {
            return lastLine;
        }

        public byte[] bytes() {
            return Arrays.copyOf(buffer, size);
        }

        private void writeUnit(String unit) {
            if (unit == null || encodedUnits.size() > 256) {
                writeText(unit);
                return;
            }
            writeBytes(encodedUnits.computeIfAbsent(unit, u -> u.getBytes(StandardCharsets.UTF_8)));
        }

        /** Length and UTF-8 bytes (length -1 for null); ASCII text, nearly every field, is copied without encoding. */
        private void writeText(String text) {
            if (text == null) {
                writeInt(-1);
                return;
            }
            int length = text.length();
            for (int i = 0; i < length; i++) {
                if (text.charAt(i) >= 0x80) {
                    writeBytes(text.getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            writeInt(length);
            ensure(length);
            for (int i = 0; i < length; i++) {
                buffer[size++] = (byte) text.charAt(i);
            }
        }

        private void writeBytes(byte[] utf8) {
            writeInt(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buffer, size, utf8.length);
            size += utf8.length;
        }

        private void writeInt(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        private void writeLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }

    /**
     * Hands over the rows of a record in line order.
     *
     * @param expectedCount the row count stored beside the record: a record that holds another number of rows is
     *                      damaged, and the rows of a run must add up, so that is an error
     */
    public static void unpack(byte[] record, int expectedCount, Consumer<Row> each) {
        eachRow(record, expectedCount,
                in -> each.accept(new Row(in.getLong(), readText(in), readText(in), readText(in), readText(in), readText(in))));
    }

    /** Walks a record row by row (each call of {@code readRow} reads one whole row), checking that it is whole. */
    private static void eachRow(byte[] record, int expectedCount, Consumer<ByteBuffer> readRow) {
        ByteBuffer in = ByteBuffer.wrap(record);
        int count = 0;
        try {
            checkFormat(in.get());
            while (in.hasRemaining()) {
                readRow.accept(in);
                count++;
            }
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IllegalStateException("stored accepted rows are damaged: a record ends in the middle of a row", e);
        }
        if (count != expectedCount) {
            throw new IllegalStateException("stored accepted rows are damaged: a record of " + expectedCount + " rows holds " + count);
        }
    }

    /** What most readers of a record need of a row: the indicator and the value in the catalog unit. */
    @FunctionalInterface
    public interface ValueVisitor {
        void accept(String indicatorCode, String valueText);
    }

    /** The indicator and value of every row of a record in line order, without decoding the other fields. */
    public static void values(byte[] record, int expectedCount, ValueVisitor each) {
        values(record, expectedCount, null, each);
    }

    /**
     * The same for the rows of some indicators only (null: every row): the other rows are counted and skipped
     * without decoding anything of them.
     */
    public static void values(byte[] record, int expectedCount, Indicators only, ValueVisitor each) {
        eachRow(record, expectedCount, in -> {
            in.getLong();
            String indicator;
            if (only == null) {
                indicator = readText(in);
            } else {
                int length = in.getInt();
                indicator = only.find(record, in.position(), length);
                in.position(in.position() + Math.max(length, 0));
            }
            skipText(in);
            skipText(in);
            skipText(in);
            if (indicator != null) {
                each.accept(indicator, readText(in));
            } else {
                skipText(in);
            }
        });
    }

    /** Indicator codes looked up by their packed UTF-8 bytes, without decoding them. */
    public static final class Indicators {
        private record Code(String code, byte[] utf8) {
        }

        private final Map<Integer, List<Code>> byHash = new HashMap<>();

        public Indicators(Collection<String> codes) {
            for (String code : codes) {
                byte[] utf8 = code.getBytes(StandardCharsets.UTF_8);
                byHash.computeIfAbsent(hash(utf8, 0, utf8.length), k -> new ArrayList<>()).add(new Code(code, utf8));
            }
        }

        /** The code packed at {@code bytes[offset, offset + length)}, or null when it is not one of these. */
        String find(byte[] bytes, int offset, int length) {
            if (length < 0) {
                return null;
            }
            for (Code candidate : byHash.getOrDefault(hash(bytes, offset, length), List.of())) {
                if (Arrays.equals(candidate.utf8(), 0, candidate.utf8().length, bytes, offset, offset + length)) {
                    return candidate.code();
                }
            }
            return null;
        }

        private static int hash(byte[] bytes, int offset, int length) {
            int h = 1;
            for (int i = offset; i < offset + length; i++) {
                h = 31 * h + bytes[i];
            }
            return h;
        }
    }

    private static void checkFormat(byte format) {
        if (format != FORMAT) {
            throw new IllegalStateException("stored accepted rows in format " + format + ", this version reads format " + FORMAT);
        }
    }

    private static void skipText(ByteBuffer in) {
        int length = in.getInt();
        if (length > 0) {
            in.position(in.position() + length);
        }
    }

    public static List<Row> unpack(byte[] record, int expectedCount) {
        List<Row> rows = new ArrayList<>(expectedCount);
        unpack(record, expectedCount, rows::add);
        return rows;
    }

    private static String readText(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        int at = in.position();
        in.position(at + length);
        return new String(in.array(), at, length, StandardCharsets.UTF_8);
    }
}
