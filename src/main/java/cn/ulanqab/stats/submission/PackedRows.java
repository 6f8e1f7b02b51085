package cn.ulanqab.stats.submission;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        private final DataOutputStream out = new DataOutputStream(bytes);
        private long firstLine = -1;
        private long lastLine = -1;
        private int count;

        public Packer() {
            try {
                out.writeByte(FORMAT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void add(long line, String indicatorCode, String rawValue, String unit, String remark, String valueText) {
            try {
                out.writeLong(line);
                writeText(indicatorCode);
                writeText(rawValue);
                writeUnit(unit);
                writeText(remark);
                writeText(valueText);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
            return bytes.size() >= MAX_RECORD_BYTES;
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
            return bytes.toByteArray();
        }

        /** Units repeat on every row and are Chinese text, whose encoding costs more than the rest of the row. */
        private final java.util.Map<String, byte[]> encodedUnits = new java.util.HashMap<>();

        private void writeUnit(String unit) throws IOException {
            if (unit == null || encodedUnits.size() > 256) {
                writeText(unit);
                return;
            }
            byte[] utf8 = encodedUnits.computeIfAbsent(unit, u -> u.getBytes(StandardCharsets.UTF_8));
            out.writeInt(utf8.length);
            out.write(utf8);
        }

        private void writeText(String text) throws IOException {
            if (text == null) {
                out.writeInt(-1);
                return;
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    /**
     * Hands over the rows of a record in line order.
     *
     * @param expectedCount the row count stored beside the record: a record that holds another number of rows is
     *                      damaged, and the rows of a run must add up, so that is an error
     */
    public static void unpack(byte[] record, int expectedCount, Consumer<Row> each) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(record);
        int count = 0;
        try {
            byte format = in.get();
            if (format != FORMAT) {
                throw new IllegalStateException("stored accepted rows in format " + format + ", this version reads format " + FORMAT);
            }
            while (in.hasRemaining()) {
                each.accept(new Row(in.getLong(), readText(in), readText(in), readText(in), readText(in), readText(in)));
                count++;
            }
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IllegalStateException("stored accepted rows are damaged: a record ends in the middle of a row", e);
        }
        if (count != expectedCount) {
            throw new IllegalStateException("stored accepted rows are damaged: a record of " + expectedCount + " rows holds " + count);
        }
    }

    public static List<Row> unpack(byte[] record, int expectedCount) {
        List<Row> rows = new ArrayList<>(expectedCount);
        unpack(record, expectedCount, rows::add);
        return rows;
    }

    private static String readText(java.nio.ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        int at = in.position();
        in.position(at + length);
        return new String(in.array(), at, length, StandardCharsets.UTF_8);
    }
}
