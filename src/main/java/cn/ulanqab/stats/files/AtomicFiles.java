package cn.ulanqab.stats.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file whole or not at all: into a part file beside it, then renamed into place. The night's set of outputs
 * is written into a folder of its own and swapped in whole by {@link OutputFolder}; this keeps each single file whole
 * as well, for files written outside such a set.
 */
public final class AtomicFiles {

    /** Writes the content of a file to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final AtomicLong PARTS = new AtomicLong();

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) {
        try {
            Files.createDirectories(target.getParent());
            // created like any new file, so it gets the permissions the process's umask gives (a temporary file
            // would be readable by its owner only, and reviewers often run under another account than the scheduler)
            Path part = target.resolveSibling("." + target.getFileName() + "." + PARTS.incrementAndGet() + ".part");
            try {
                try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    content.writeTo(out);
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
