package cn.ulanqab.stats.database;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.ConfigurationException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the job's schema to the release's version before anything else touches the database: {@link #prepare}
 * creates the schema when it is missing and refuses one that holds tables of another application, as soon as the
 * data source exists (its pooled connections select the schema, so it must exist first); {@link #migrate} then lets
 * Flyway apply the migrations of {@code db/migration}.
 */
public final class SchemaMigration {

    static final String HISTORY_TABLE = "flyway_schema_history";

    private SchemaMigration() {
    }

    public static void prepare(JobDatabase database) {
        try (Connection c = database.connect()) {
            List<String> tables = tables(c, database.schema());
            if (!tables.isEmpty() && tables.stream().noneMatch(HISTORY_TABLE::equalsIgnoreCase)) {
                throw ConfigurationException.of(database.describe(), Detail.of("config.schema.not.ours",
                        String.join(", ", tables.subList(0, Math.min(5, tables.size()))) + (tables.size() > 5 ? ", …" : "")),
                        Detail.of("fix.own.schema"));
            }
            c.createStatement().execute("CREATE SCHEMA IF NOT EXISTS " + database.quotedSchema());
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(database, e);
        }
    }

    public static void migrate(Flyway flyway, JobDatabase database) {
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw ConfigurationException.of(database.describe(), Detail.of("config.schema.not.migrated",
                    e.getMessage().lines().findFirst().orElse("")), Detail.of("fix.schema.not.migrated"));
        }
    }

    static List<String> tables(Connection c, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
