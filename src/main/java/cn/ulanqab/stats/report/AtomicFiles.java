package cn.ulanqab.stats.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes an output file whole or not at all: into a scratch folder beside the output folder, then
 * moved into place atomically, so a crash never leaves a half-written file where reviewers look.
 */
public final class AtomicFiles {

    /** Writes the content of a file to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final java.util.concurrent.atomic.AtomicLong PARTS = new java.util.concurrent.atomic.AtomicLong();

    private AtomicFiles() {
    }

    /**
     * Removes what a crashed run left half-written in the scratch folder of {@code folder} (never in the folder
     * itself, which only ever receives whole files). Only one run writes at a time (see RunLock).
     */
    public static void clearScratch(Path folder) {
        Path scratch = scratchOf(folder);
        if (!Files.isDirectory(scratch)) {
            return;
        }
        try (var parts = Files.list(scratch)) {
            for (Path part : parts.toList()) {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + scratch, e);
        }
    }

    static Path scratchOf(Path folder) {
        return folder.resolveSibling("." + folder.getFileName() + ".writing");
    }

    public static void write(Path target, Content content) {
        Path folder = target.getParent();
        Path scratch = scratchOf(folder);
        try {
            Files.createDirectories(folder);
            Files.createDirectories(scratch);
            // created like any new file, so it gets the permissions the process's umask gives (a temporary file
            // would be readable by its owner only, and reviewers often run under another account than the scheduler)
            Path temp = scratch.resolve(target.getFileName() + "." + PARTS.incrementAndGet() + "-" + System.nanoTime() + ".part");
            try {
                try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    content.writeTo(out);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
                try {
                    Files.deleteIfExists(scratch);
                } catch (java.nio.file.DirectoryNotEmptyException stillInUse) {
                    // another output of this run is being written there, or a killed run left one for clearScratch
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
