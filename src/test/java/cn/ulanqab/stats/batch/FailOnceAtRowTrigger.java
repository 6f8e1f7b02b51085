package cn.ulanqab.stats.batch;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/** An H2 trigger that makes the insert of one chosen submission row fail, as a crash in mid-ingest would. */
public class FailOnceAtRowTrigger implements Trigger {

    static final String FILE = "150925.csv";
    static final long LINE = 20;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (FILE.equals(newRow[1]) && ((Number) newRow[2]).longValue() == LINE) {
            throw new SQLException("simulated failure while storing " + FILE + " line " + LINE);
        }
    }
}
