package cn.ulanqab.stats.database;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The database the job keeps its runs in, as configured ({@code spring.datasource.*}), and the schema of its own
 * inside it ({@code reconciliation.db-schema}). Hands out connections outside the pool: one to prepare the schema
 * before the pool's connections (which select the schema) can exist, one to hold the run lock for a whole run.
 */
public record JobDatabase(String url, String username, String password, String schema) {

    public static JobDatabase of(DataSourceProperties properties, String schema) {
        return new JobDatabase(properties.determineUrl(), properties.determineUsername(), properties.determinePassword(), schema);
    }

    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public boolean h2() {
        return url.startsWith("jdbc:h2:");
    }

    /** A connection of its own, outside the pool, in the database's default schema. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    /** What an operator recognises the database by: its URL without options and credentials. */
    public String describe() {
        String shown = url;
        int options = shown.indexOf(shown.startsWith("jdbc:h2:") ? ';' : '?');
        if (options > 0) {
            shown = shown.substring(0, options);
        }
        return shown + " schema=" + schema;
    }

    String quotedSchema() {
        return '"' + schema.replace("\"", "\"\"") + '"';
    }
}
