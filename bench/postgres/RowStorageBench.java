import cn.ulanqab.stats.submission.PackedRows;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * How fast PostgreSQL stores the accepted rows of a submission, three ways, in one run on one server:
 * packed records (PackedRows, one BYTEA per file and chunk of 5,000 rows, as the job does), one SQL row per submitted
 * row with batched INSERTs (reWriteBatchedInserts), and one SQL row each with COPY through the driver's CopyManager.
 * Every way commits once per chunk of 5,000 rows, as the job's chunks do.
 *
 *   java -cp target/reconciliation.jar bench/postgres/RowStorageBench.java [rows] [jdbc-url]
 */
public class RowStorageBench {

    static final int CHUNK = 5000;

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String url = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true";
        String schema = "storage_bench_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            Statement s = c.createStatement();
            s.execute("CREATE SCHEMA " + schema);
            s.execute("SET search_path TO " + schema);
            s.execute("CREATE TABLE PACKED (RUN_ID BIGINT, FILE_NAME VARCHAR(300), FIRST_LINE BIGINT, LAST_LINE BIGINT,"
                    + " COUNTY_CODE VARCHAR(12), ROW_COUNT INT, ROWS_DATA BYTEA, PRIMARY KEY (RUN_ID, FILE_NAME, FIRST_LINE))");
            for (String table : new String[]{"ROW_INSERTED", "ROW_COPIED"}) {
                s.execute("CREATE TABLE " + table + " (RUN_ID BIGINT, FILE_NAME VARCHAR(300), LINE BIGINT, COUNTY_CODE VARCHAR(12),"
                        + " INDICATOR_CODE VARCHAR(100), RAW_VALUE VARCHAR(100), UNIT VARCHAR(50), REMARK VARCHAR(1000),"
                        + " VALUE_TEXT VARCHAR(100), PRIMARY KEY (RUN_ID, FILE_NAME, LINE))");
            }
            c.setAutoCommit(false);
            // warm-up of each way on a small table content, then the measured runs
            packed(c, 2, 20_000);
            inserted(c, 2, 20_000);
            copied(c, 2, 20_000);
            c.commit();
            double packed = packed(c, 1, rows);
            double inserted = inserted(c, 1, rows);
            double copied = copied(c, 1, rows);
            System.out.printf("%,d rows, chunks of %,d, %s%n", rows, CHUNK, url);
            System.out.printf("%-32s %8s %12s%n", "", "seconds", "rows/s");
            System.out.printf("%-32s %8.2f %,12.0f%n", "packed records (the job)", packed, rows / packed);
            System.out.printf("%-32s %8.2f %,12.0f%n", "one row each, batched INSERT", inserted, rows / inserted);
            System.out.printf("%-32s %8.2f %,12.0f%n", "one row each, COPY", copied, rows / copied);
            System.out.printf("batched INSERT / packed: %.1fx, COPY / packed: %.1fx%n", inserted / packed, copied / packed);
            c.setAutoCommit(true);
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    static String indicator(int i) {
        return "INDICATOR_" + (i % 2000);
    }

    static String value(int i) {
        return (i % 97) + "." + (i % 10);
    }

    static double packed(Connection c, long run, int rows) throws Exception {
        long start = System.nanoTime();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO PACKED VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            PackedRows.Packer packer = new PackedRows.Packer();
            for (int i = 0; i < rows; i++) {
                packer.add(i + 2, indicator(i), value(i), "万元", "", value(i));
                if (packer.count() == CHUNK || i == rows - 1) {
                    insert.setLong(1, run);
                    insert.setString(2, "file-" + (i / 2000) + ".csv");
                    insert.setLong(3, packer.firstLine());
                    insert.setLong(4, packer.lastLine());
                    insert.setString(5, "150902");
                    insert.setInt(6, packer.count());
                    insert.setBytes(7, packer.bytes());
                    insert.executeUpdate();
                    c.commit();
                    packer = new PackedRows.Packer();
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static double inserted(Connection c, long run, int rows) throws Exception {
        long start = System.nanoTime();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ROW_INSERTED VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setLong(1, run);
                insert.setString(2, "file-" + (i / 2000) + ".csv");
                insert.setLong(3, i + 2);
                insert.setString(4, "150902");
                insert.setString(5, indicator(i));
                insert.setString(6, value(i));
                insert.setString(7, "万元");
                insert.setString(8, "");
                insert.setString(9, value(i));
                insert.addBatch();
                if ((i + 1) % CHUNK == 0 || i == rows - 1) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static double copied(Connection c, long run, int rows) throws Exception {
        long start = System.nanoTime();
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            chunk.append(run).append('\t').append("file-").append(i / 2000).append(".csv\t").append(i + 2).append("\t150902\t")
                    .append(indicator(i)).append('\t').append(value(i)).append("\t万元\t\t").append(value(i)).append('\n');
            if ((i + 1) % CHUNK == 0 || i == rows - 1) {
                copy.copyIn("COPY ROW_COPIED FROM STDIN", new StringReader(chunk.toString()));
                c.commit();
                chunk.setLength(0);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
