package cn.ulanqab.stats.report;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.submission.FileKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Function;

/**
 * {@code <output>/<period>/} always holds one night's complete set of outputs. A new set is written into the sibling
 * {@code .<period>.writing/} and swapped in with two renames ({@code <period>} → {@code .<period>.previous}, then
 * {@code .<period>.writing} → {@code <period>}); the previous set is removed after. A crash between the two renames
 * leaves {@code <period>} missing and {@code .<period>.previous} whole: {@link #recover} renames it back. The job never
 * follows a link at these paths, so it never writes or deletes outside {@code <output>}. Only one run writes at a time
 * (RunLock).
 */
public final class OutputFolder {

    private final Path folder;

    public OutputFolder(Path periodFolder) {
        this.folder = periodFolder;
    }

    Path staging() {
        return folder.resolveSibling("." + folder.getFileName() + ".writing");
    }

    Path previous() {
        return folder.resolveSibling("." + folder.getFileName() + ".previous");
    }

    /** Each of the job's own folders is absent or a real folder; a link or anything else there stops the run. */
    public void checkOwnPaths() {
        for (Path path : List.of(folder, staging(), previous())) {
            FileKind kind = FileKind.of(path);
            if (kind != FileKind.ABSENT && kind != FileKind.FOLDER) {
                throw ConfigurationException.of(path.toString(), Detail.of("config.output.own.path", kind.words()),
                        Detail.of("fix.remove.and.start", path));
            }
        }
    }

    /** The previous set back in place when a crash came between the two renames of a swap. */
    public boolean recover() {
        checkOwnPaths();
        if (FileKind.of(folder) == FileKind.ABSENT && FileKind.of(previous()) == FileKind.FOLDER) {
            move(previous(), folder);
            return true;
        }
        return false;
    }

    /**
     * Writes a new set into the staging folder ({@code writeSet} gets it, and writes only there) and swaps it in.
     * When the writing fails (a full disk, say), the staging folder is removed and {@code <period>} keeps the set it had.
     */
    public <T> T replace(Function<Path, T> writeSet) {
        recover();
        Path staging = staging();
        deleteTree(staging); // what a killed run left half-written
        T result;
        try {
            Files.createDirectories(staging);
            result = writeSet.apply(staging);
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(staging);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot write the outputs into " + staging, io);
            }
            throw (RuntimeException) e;
        }
        deleteTree(previous());
        if (FileKind.of(folder) == FileKind.FOLDER) {
            move(folder, previous());
        }
        move(staging, folder);
        deleteTree(previous());
        return result;
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + from + " to " + to, e);
        }
    }

    /** Removes a folder of the job's own and what it holds; a link inside is removed itself, never followed. */
    static void deleteTree(Path root) {
        if (FileKind.of(root) == FileKind.ABSENT) {
            return;
        }
        if (FileKind.of(root) != FileKind.FOLDER) {
            throw new IllegalStateException(root + " is not a folder of the job's own");
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
