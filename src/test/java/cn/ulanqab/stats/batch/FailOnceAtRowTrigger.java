package cn.ulanqab.stats.batch;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An H2 trigger that makes the insert of one chosen submission row fail, as a crash in mid-ingest would: on
 * SUBMISSION_ROW (a rejected row: FILE_NAME, LINE) and on ACCEPTED_ROWS (a packed record: FILE_NAME, FIRST_LINE,
 * LAST_LINE), see {@link #install}.
 */
public class FailOnceAtRowTrigger implements Trigger {

    static final String FILE = "150925.csv";
    static final long LINE = 20;

    private boolean packed;

    /** Installs the trigger on both tables of submission rows. */
    static void install(Connection c) throws SQLException {
        for (String table : new String[]{"SUBMISSION_ROW", "ACCEPTED_ROWS"}) {
            c.createStatement().execute("CREATE TRIGGER FAIL_ONCE_" + table + " BEFORE INSERT ON " + table
                    + " FOR EACH ROW CALL \"" + FailOnceAtRowTrigger.class.getName() + "\"");
        }
    }

    static void remove(Connection c) throws SQLException {
        for (String table : new String[]{"SUBMISSION_ROW", "ACCEPTED_ROWS"}) {
            c.createStatement().execute("DROP TRIGGER FAIL_ONCE_" + table);
        }
    }

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        packed = tableName.equals("ACCEPTED_ROWS");
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        long first = ((Number) newRow[2]).longValue();
        long last = packed ? ((Number) newRow[3]).longValue() : first;
        if (FILE.equals(newRow[1]) && first <= LINE && LINE <= last) {
            throw new SQLException("simulated failure while storing " + FILE + " line " + LINE);
        }
    }
}
