package cn.ulanqab.stats.database;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.wording.WordedException;

import java.sql.SQLException;

/** The job's database cannot be opened or does not answer: the message names it and the fix. */
public class DatabaseUnavailableException extends WordedException {

    public DatabaseUnavailableException(JobDatabase database, SQLException cause) {
        super(database.describe(), 0, Detail.of("operator.database.unusable", firstLine(cause)),
                Detail.of(database.postgres() ? "fix.database.server" : "fix.database.file"), cause);
    }

    private static String firstLine(SQLException cause) {
        String line = String.valueOf(cause.getMessage()).lines().findFirst().orElse("").strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
