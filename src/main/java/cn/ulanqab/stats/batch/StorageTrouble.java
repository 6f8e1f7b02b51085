package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.database.RecordChecksum;
import cn.ulanqab.stats.wording.Bundles;
import cn.ulanqab.stats.wording.WordedException;

import java.nio.BufferUnderflowException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a failure of the database or the file system into the one line an operator can act on: which file or folder,
 * what is wrong with it, and the fix (the stack trace goes to {@link FailureLog}).
 */
public final class StorageTrouble {

    /** H2's error codes: FILE_CORRUPTED_1, DATABASE_IS_READ_ONLY. */
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_READ_ONLY = 90097;
    /** PostgreSQL's SQLSTATE for a table, and for a schema, that does not exist. */
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String INVALID_SCHEMA = "3F000";

    /**
     * @param databaseUrl the JDBC URL the run uses
     * @param output      the --output folder
     */
    public record Place(String databaseUrl, Path output) {

        /** The database's file for an H2 file URL ({@code <path>.mv.db}), otherwise the URL itself. */
        String database() {
            String url = databaseUrl;
            if (!url.startsWith("jdbc:h2:") || url.matches("jdbc:h2:(mem|tcp|ssl|zip):.*")) {
                return url;
            }
            String path = url.substring(url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:".length() : "jdbc:h2:".length());
            int options = path.indexOf(';');
            return Path.of(options < 0 ? path : path.substring(0, options)).toAbsolutePath().normalize() + ".mv.db";
        }

        Path databaseFolder() {
            String database = database();
            return database.endsWith(".mv.db") ? Path.of(database).getParent() : null;
        }

    }

    private StorageTrouble() {
    }

    /** The line for a failure of the database or the disk, or empty when the failure is something else. */
    public static Optional<String> explain(Throwable failure, Place place, Locale locale) {
        List<Throwable> chain = chain(failure);
        Optional<Throwable> damagedRecord = chain.stream().filter(t -> t instanceof RecordChecksum.DamagedRecord).findFirst();
        if (damagedRecord.isPresent()) {
            return Optional.of(Bundles.text(locale, "operator.storage.damaged.record", ((WordedException) damagedRecord.get()).worded(locale),
                    place.database()));
        }
        if (chain.stream().anyMatch(t -> t instanceof SQLException s && (UNDEFINED_TABLE.equals(s.getSQLState())
                || INVALID_SCHEMA.equals(s.getSQLState())))) {
            return Optional.of(Bundles.text(locale, "operator.storage.tables.gone", place.database(), messageOnly(innermost(chain))));
        }
        boolean throughDatabase = chain.stream().anyMatch(t -> t instanceof SQLException
                || t.getClass().getName().startsWith("org.h2.") || t.getClass().getName().startsWith("org.springframework.dao."));
        if (chain.stream().anyMatch(t -> has(t, "No space left on device") || has(t, "Disk quota exceeded"))) {
            Path folder = throughDatabase && place.databaseFolder() != null ? place.databaseFolder() : place.output().toAbsolutePath().normalize();
            return Optional.of(throughDatabase ? Bundles.text(locale, "operator.storage.disk.full.database", folder, place.database())
                    : Bundles.text(locale, "operator.storage.disk.full", folder));
        }
        if (chain.stream().anyMatch(t -> t instanceof SQLException s && s.getErrorCode() == H2_READ_ONLY || has(t, "read only")
                || has(t, "Read-only file system"))) {
            return Optional.of(Bundles.text(locale, "operator.storage.read.only", place.database()));
        }
        boolean damaged = chain.stream().anyMatch(t -> t instanceof SQLException s && s.getErrorCode() == H2_FILE_CORRUPTED
                || t instanceof BufferUnderflowException || t.getClass().getName().equals("org.h2.mvstore.MVStoreException")
                || has(t, "corrupted"));
        if (damaged) {
            return Optional.of(Bundles.text(locale, "operator.storage.damaged", place.database(), firstLine(innermost(chain))));
        }
        return Optional.empty();
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
            for (Throwable suppressed : t.getSuppressed()) {
                chain.addAll(chain(suppressed));
            }
        }
        return chain;
    }

    private static boolean has(Throwable t, String words) {
        return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT));
    }

    private static Throwable innermost(List<Throwable> chain) {
        return chain.get(chain.size() - 1);
    }

    /** The first line of a failure's message, without the name of its class. */
    private static String messageOnly(Throwable t) {
        String line = firstLine(t);
        String prefix = t.getClass().getSimpleName() + ": ";
        return line.startsWith(prefix) ? line.substring(prefix.length()) : line;
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
        int end = message.indexOf('\n');
        message = end < 0 ? message : message.substring(0, end);
        return message.length() <= 160 ? message : message.substring(0, 159) + "…";
    }
}
