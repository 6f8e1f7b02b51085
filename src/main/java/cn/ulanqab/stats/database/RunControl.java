package cn.ulanqab.stats.database;

import java.util.concurrent.atomic.AtomicReference;
import cn.ulanqab.stats.wording.Detail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run at a time per job schema, decided by the database itself. On PostgreSQL, whose database several hosts may
 * share, the run holds a session-level advisory lock ({@code pg_try_advisory_lock}) on a connection of its own
 * outside the pool: the server releases it the moment that connection ends, so a process killed with {@code kill -9}
 * never blocks the next night, and a process that loses the connection stops its run (see {@link #checkHeld()}).
 * The holder's host and process id are stored beside it so that a refused start can name them. An embedded H2 file
 * is held by the process that opened it and by the output folder's file lock, so there it takes nothing more.
 */
@Component
public class RunControl {

    static final String LOCK_NAME = "run";

    private final JobDatabase database;
    private volatile Held current;

    public RunControl(DataSourceProperties properties, @Value("${reconciliation.db-schema}") String schema) {
        this.database = JobDatabase.of(properties, schema);
    }

    public JobDatabase database() {
        return database;
    }

    /** The run lock, or empty with {@code holder} naming who holds it. */
    public Optional<Held> tryAcquire(String period, AtomicReference<Detail> holder) {
        if (!database.postgres()) {
            current = new Held(null, new AtomicBoolean(), null);
            return Optional.of(current);
        }
        Connection c = null;
        try {
            c = database.connect();
            c.setAutoCommit(true);
            if (!advisoryLock(c, "pg_try_advisory_lock")) {
                holder.set(describeHolder(c));
                c.close();
                return Optional.empty();
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table() + " WHERE LOCK_NAME = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO " + table() + " (LOCK_NAME, HOST, PID, PERIOD, STARTED)"
                         + " VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, LOCK_NAME);
                delete.executeUpdate();
                insert.setString(1, LOCK_NAME);
                insert.setString(2, hostName());
                insert.setLong(3, ProcessHandle.current().pid());
                insert.setString(4, period);
                insert.setObject(5, OffsetDateTime.now());
                insert.executeUpdate();
            }
            AtomicBoolean lost = new AtomicBoolean();
            Connection lockConnection = c;
            Thread watchdog = new Thread(() -> watch(lockConnection, lost), "run-lock-watchdog");
            watchdog.setDaemon(true);
            current = new Held(c, lost, watchdog);
            watchdog.start();
            return Optional.of(current);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new DatabaseUnavailableException(database, e);
        }
    }

    /** Throws when the run lock's connection was lost: another process may have taken the schema over since. */
    public void checkHeld() {
        Held held = current;
        if (held != null && held.lost.get()) {
            throw new RunLockLostException(database.describe());
        }
    }

    private static void watch(Connection c, AtomicBoolean lost) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(1000);
                if (!c.isValid(5)) {
                    lost.set(true);
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                lost.set(true);
                return;
            }
        }
    }

    private boolean advisoryLock(Connection c, String function) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?)")) {
            s.setLong(1, lockKey());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private Detail describeHolder(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT HOST, PID, PERIOD, STARTED FROM " + table() + " WHERE LOCK_NAME = ?")) {
            s.setString(1, LOCK_NAME);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Detail.of("operator.holder.host", rs.getLong(2), rs.getString(1), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).withNano(0)) : Detail.of("operator.holder.unknown");
            }
        }
    }

    /** The advisory lock's key: the same for every process that uses this schema, whatever its host. */
    long lockKey() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("reconciliation run lock " + database.schema()).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = key << 8 | (hash[i] & 0xFF);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String table() {
        return database.quotedSchema() + ".RUN_HOLDER";
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the lock, if taken, goes with the connection
            }
        }
    }

    /** The run lock while a run holds it; closing it lets the next run start. */
    public final class Held implements AutoCloseable {

        private final Connection connection;
        private final AtomicBoolean lost;
        private final Thread watchdog;

        private Held(Connection connection, AtomicBoolean lost, Thread watchdog) {
            this.connection = connection;
            this.lost = lost;
            this.watchdog = watchdog;
        }

        /** Where the lock is held, for the console: the database when it is a server's. */
        public Optional<String> where() {
            return connection == null ? Optional.empty() : Optional.of(database.describe());
        }

        @Override
        public void close() {
            current = null;
            if (connection == null) {
                return;
            }
            watchdog.interrupt();
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table() + " WHERE LOCK_NAME = ?")) {
                delete.setString(1, LOCK_NAME);
                delete.executeUpdate();
                advisoryLock(connection, "pg_advisory_unlock");
            } catch (SQLException ignored) {
                // the server releases the lock with the connection anyway
            }
            closeQuietly(connection);
        }
    }
}
