package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.database.FirstReleaseTakeover;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where a test keeps the job's runs: the embedded H2 file of the output folder (the default), or a fresh schema of
 * the PostgreSQL server at 127.0.0.1:5432 (user postgres, database test). The PostgreSQL half is skipped, saying why,
 * when the server does not answer, unless {@code -Dpostgres.required=true} makes that a failure.
 */
abstract class TestDatabase {

    static final String POSTGRES_URL = System.getProperty("postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    /** Both databases, for {@code @MethodSource}: each a fresh place for the runs of one test class. */
    static Stream<TestDatabase> both() {
        return Stream.of(new H2(), new Postgres());
    }

    abstract String name();

    /** A database of its own for one test: a new schema on PostgreSQL (H2's file is the output folder's). */
    abstract TestDatabase fresh();

    /** The options that point the job at this database, beside {@code --output}. */
    abstract List<String> jobOptions();

    /** A connection in the job's schema, for a test's own queries. */
    abstract Connection connect(Path output) throws SQLException;

    /** Skips the test, saying why, when this database cannot be used here. */
    void assumeAvailable() {
    }

    /** Creates the job's tables before a run, so that a test can plant a fault in them first. */
    void migrate(Path output) {
        try (Connection c = connect(output)) {
            c.createStatement().execute("CREATE SCHEMA IF NOT EXISTS \"" + schema() + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Flyway.configure().dataSource(url(output), user(), "").schemas(schema()).defaultSchema(schema())
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
                .javaMigrations(new FirstReleaseTakeover()).load().migrate();
    }

    /** Makes the storing of {@link FailOnceAtRowTrigger#FILE} line {@link FailOnceAtRowTrigger#LINE} fail. */
    abstract void failStoringTheRow(Connection c) throws SQLException;

    abstract void stopFailing(Connection c) throws SQLException;

    abstract String url(Path output);

    abstract String user();

    abstract String vendor();

    String schema() {
        return "reconciliation";
    }

    long count(Path output, String sql) throws SQLException {
        try (Connection c = connect(output); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Submission rows stored (accepted, packed, and rejected). */
    long storedRows(Path output) throws SQLException {
        return count(output, "SELECT (SELECT COALESCE(SUM(ROW_COUNT), 0) FROM ACCEPTED_ROWS)"
                + " + (SELECT COUNT(*) FROM SUBMISSION_ROW)");
    }

    @Override
    public String toString() {
        return name();
    }

    static final class H2 extends TestDatabase {

        @Override
        String name() {
            return "H2";
        }

        @Override
        TestDatabase fresh() {
            return this;
        }

        @Override
        List<String> jobOptions() {
            return List.of();
        }

        @Override
        String url(Path output) {
            return "jdbc:h2:file:" + output.toAbsolutePath().resolve("reconciliation-db");
        }

        @Override
        String user() {
            return "";
        }

        @Override
        String vendor() {
            return "h2";
        }

        @Override
        Connection connect(Path output) throws SQLException {
            Connection c = DriverManager.getConnection(url(output), user(), "");
            c.createStatement().execute("CREATE SCHEMA IF NOT EXISTS \"" + schema() + "\"");
            c.setSchema(schema());
            return c;
        }

        @Override
        void failStoringTheRow(Connection c) throws SQLException {
            FailOnceAtRowTrigger.install(c);
        }

        @Override
        void stopFailing(Connection c) throws SQLException {
            FailOnceAtRowTrigger.remove(c);
        }
    }

    static final class Postgres extends TestDatabase {

        private final String schema = "test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();

        Postgres() {
            Runtime.getRuntime().addShutdownHook(new Thread(this::drop));
        }

        @Override
        TestDatabase fresh() {
            return new Postgres();
        }

        @Override
        String name() {
            return "PostgreSQL";
        }

        @Override
        void assumeAvailable() {
            String problem = problem();
            if (problem == null) {
                return;
            }
            if (Boolean.getBoolean("postgres.required")) {
                fail("PostgreSQL is required (-Dpostgres.required=true) but " + problem);
            }
            System.out.println("skipping the PostgreSQL half: " + problem + " (start it, or set -Dpostgres.url)");
            assumeTrue(false, "PostgreSQL: " + problem);
        }

        private static String problem() {
            try (Connection c = DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
                return c.isValid(5) ? null : POSTGRES_URL + " does not answer";
            } catch (SQLException e) {
                return POSTGRES_URL + " does not answer: " + e.getMessage();
            }
        }

        @Override
        List<String> jobOptions() {
            return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + POSTGRES_URL,
                    "--reconciliation.db-schema=" + schema);
        }

        @Override
        String schema() {
            return schema;
        }

        @Override
        String url(Path output) {
            return POSTGRES_URL;
        }

        @Override
        String user() {
            return "postgres";
        }

        @Override
        String vendor() {
            return "postgresql";
        }

        @Override
        Connection connect(Path output) throws SQLException {
            Connection c = DriverManager.getConnection(POSTGRES_URL, user(), "");
            c.setSchema(schema);
            return c;
        }

        @Override
        void failStoringTheRow(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute(failureFunction("fail_once_rejected", "NEW.LINE", "NEW.LINE"));
                s.execute(failureFunction("fail_once_packed", "NEW.FIRST_LINE", "NEW.LAST_LINE"));
                s.execute("CREATE TRIGGER fail_once BEFORE INSERT ON SUBMISSION_ROW FOR EACH ROW EXECUTE FUNCTION fail_once_rejected()");
                s.execute("CREATE TRIGGER fail_once BEFORE INSERT ON ACCEPTED_ROWS FOR EACH ROW EXECUTE FUNCTION fail_once_packed()");
            }
        }

        private static String failureFunction(String name, String first, String last) {
            return "CREATE FUNCTION " + name + "() RETURNS trigger AS $$ BEGIN"
                    + " IF NEW.FILE_NAME = '" + FailOnceAtRowTrigger.FILE + "' AND " + FailOnceAtRowTrigger.LINE
                    + " BETWEEN " + first + " AND " + last
                    + " THEN RAISE EXCEPTION 'simulated failure while storing % line %', NEW.FILE_NAME, " + FailOnceAtRowTrigger.LINE + ";"
                    + " END IF; RETURN NEW; END $$ LANGUAGE plpgsql";
        }

        @Override
        void stopFailing(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("DROP FUNCTION fail_once_rejected() CASCADE");
                s.execute("DROP FUNCTION fail_once_packed() CASCADE");
            }
        }

        /** Drops the schema of this test's runs when the tests end. */
        private void drop() {
            try (Connection c = DriverManager.getConnection(POSTGRES_URL, user(), "")) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
            } catch (SQLException e) {
                // the server is gone or the schema was never made: nothing to drop
            }
        }
    }
}
