package cn.ulanqab.stats.database;

import cn.ulanqab.stats.wording.Detail;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * One of the job's tables whose records carry, in column CRC32C, the {@link RecordChecksum} of their columns: the
 * statement to insert a record with its checksum, the columns a query must select to check one, and the check. Values
 * are taken as the database gives them back (an INT as a number, a DATE as a date), so a record reads back to the
 * checksum it was written with on H2 and on PostgreSQL alike.
 */
public final class ChecksummedTable {

    private final String name;
    private final List<String> columns;

    public ChecksummedTable(String name, String... columns) {
        this.name = name;
        this.columns = List.of(columns);
    }

    /** INSERT INTO the table, every checksummed column and CRC32C. */
    public String insert() {
        return "INSERT INTO " + name + " (" + String.join(", ", columns) + ", CRC32C) VALUES ("
                + "?, ".repeat(columns.size()) + "?)";
    }

    /** The parameters of {@link #insert()}: the values, in column order, and their checksum. */
    public Object[] record(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(name + " has " + columns.size() + " checksummed columns, not " + values.length);
        }
        Object[] record = Arrays.copyOf(values, values.length + 1);
        record[values.length] = checksum(values);
        return record;
    }

    /** The checksummed columns and CRC32C, for the select list of a query whose records {@link #check} is to check. */
    public String checkedColumns() {
        return String.join(", ", columns) + ", CRC32C";
    }

    /**
     * Checks the current record of a query that selected {@link #checkedColumns()}.
     *
     * @param record what the record is, for the message (a {@code record.*} key: the stored ledger line of run 3, file 150902.csv)
     * @throws RecordChecksum.DamagedRecord when the record does not hold what it was written with
     */
    public void check(ResultSet rs, Detail record) throws SQLException {
        long stored = rs.getLong("CRC32C");
        if (rs.wasNull()) {
            return;
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getObject(columns.get(i));
        }
        if (stored != checksum(values)) {
            throw new RecordChecksum.DamagedRecord(record, name);
        }
    }

    private static long checksum(Object[] values) {
        Object[] canonical = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            canonical[i] = canonical(values[i]);
        }
        return RecordChecksum.of(canonical);
    }

    private static Object canonical(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return Long.toString(number.longValue());
        }
        if (value instanceof Date date) {
            return date.toLocalDate().toString();
        }
        return value;
    }
}
