package cn.ulanqab.stats.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) {
        Path folder = target.getParent();
        Path scratch = folder.resolveSibling("." + folder.getFileName() + ".writing");
        try {
            Files.createDirectories(folder);
            Files.createDirectories(scratch);
            Path temp = Files.createTempFile(scratch, target.getFileName().toString(), ".part");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    content.writeTo(out);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
