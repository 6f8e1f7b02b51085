package cn.ulanqab.stats.database;

import java.sql.SQLException;

/** The job's database cannot be opened or does not answer: the message names it and the fix. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(JobDatabase database, SQLException cause) {
        super(database.describe() + " cannot be used: " + cause.getMessage().lines().findFirst().orElse("")
                + ". Fix: " + (database.postgres() ? "start the PostgreSQL server or correct --spring.datasource.url/username/password"
                : "check that the database file is readable and not held by another program"), cause);
    }
}
