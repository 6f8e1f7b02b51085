package cn.ulanqab.stats.database;

import java.sql.SQLException;

/** The job's database cannot be opened or does not answer: the message names it and the fix. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(JobDatabase database, SQLException cause) {
        super(database.describe() + " cannot be used: " + firstLine(cause) + ". Fix: " + (database.postgres() ? "start the PostgreSQL server or correct --spring.datasource.url/username/password"
                : "check that the database file is readable and not held by another program"), cause);
    }

    private static String firstLine(SQLException cause) {
        String line = String.valueOf(cause.getMessage()).lines().findFirst().orElse("").strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
