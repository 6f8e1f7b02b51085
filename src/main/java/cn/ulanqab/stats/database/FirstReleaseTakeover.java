package cn.ulanqab.stats.database;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes over an H2 database written by release 0.1.0, which kept its tables in the schema PUBLIC and made them with
 * {@code schema.sql}: right after the tables of version 2 (the same tables) exist in the job's own schema, their rows
 * are moved there, the sequences continue where they stood, and the old tables are dropped. So the history of the
 * old runs stays readable and a run they left FAILED restarts. (A Flyway baseline cannot do this: H2 cannot move a
 * table from one schema to another.) On PostgreSQL, or an H2 database without those tables, it does nothing.
 */
public class FirstReleaseTakeover implements JavaMigration {

    /** In the order their foreign keys need. */
    static final List<String> TABLES = List.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS",
            "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_STEP_EXECUTION_CONTEXT", "SUBMISSION_FILE",
            "SUBMISSION_ROW", "ACCEPTED_ROWS", "RECONCILIATION", "CITY_TOTAL", "REVIEW_ROW", "REVIEW_FILE");
    static final List<String> SEQUENCES = List.of("BATCH_JOB_INSTANCE_SEQ", "BATCH_JOB_EXECUTION_SEQ", "BATCH_STEP_EXECUTION_SEQ");
    private static final String OLD_SCHEMA = "PUBLIC";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2.1");
    }

    @Override
    public String getDescription() {
        return "take over the tables of release 0.1.0";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        String schema = c.getSchema();
        if (!c.getMetaData().getDatabaseProductName().equals("H2") || schema.equals(OLD_SCHEMA)) {
            return;
        }
        Set<String> oldTables = new TreeSet<>(SchemaMigration.tables(c, OLD_SCHEMA));
        if (!oldTables.containsAll(List.of("BATCH_JOB_INSTANCE", "SUBMISSION_FILE", "ACCEPTED_ROWS"))) {
            return;
        }
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                if (oldTables.contains(table)) {
                    String columns = String.join(", ", commonColumns(c, table, schema));
                    s.execute("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM " + OLD_SCHEMA + "." + table);
                }
            }
            for (String sequence : SEQUENCES) {
                try (ResultSet rs = s.executeQuery("SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES"
                        + " WHERE SEQUENCE_SCHEMA = '" + OLD_SCHEMA + "' AND SEQUENCE_NAME = '" + sequence + "'")) {
                    if (rs.next()) {
                        s.execute("ALTER SEQUENCE " + sequence + " RESTART WITH " + rs.getLong(1));
                    }
                }
            }
            for (int i = TABLES.size() - 1; i >= 0; i--) {
                if (oldTables.contains(TABLES.get(i))) {
                    s.execute("DROP TABLE " + OLD_SCHEMA + "." + TABLES.get(i));
                }
            }
            for (String sequence : SEQUENCES) {
                s.execute("DROP SEQUENCE IF EXISTS " + OLD_SCHEMA + "." + sequence);
            }
        }
    }

    private static List<String> commonColumns(Connection c, String table, String schema) throws SQLException {
        Set<String> old = columns(c, OLD_SCHEMA, table);
        List<String> common = new ArrayList<>();
        for (String column : columns(c, schema, table)) {
            if (old.contains(column)) {
                common.add(column);
            }
        }
        return common;
    }

    private static Set<String> columns(Connection c, String schema, String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return columns;
    }
}
