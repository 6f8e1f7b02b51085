package cn.ulanqab.stats.batch;

import java.util.concurrent.atomic.AtomicReference;
import cn.ulanqab.stats.wording.WordedException;
import cn.ulanqab.stats.wording.Detail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One run at a time per output folder: {@code <output>/reconciliation.lock} holds the process id of the
 * run that holds it, under an operating-system lock taken before Spring starts. The lock goes with the
 * process: released on exit, and by the operating system when the process dies (even by {@code kill -9}),
 * so a dead run never blocks the night. The file itself may stay; only the OS lock counts.
 */
public final class RunLock implements AutoCloseable {

    public static final String FILE_NAME = "reconciliation.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock of this output folder, or empty with {@code holder} telling who holds it. */
    public static Optional<RunLock> tryAcquire(Path outputFolder, AtomicReference<Detail> holder) {
        Path file = outputFolder.resolve(FILE_NAME);
        try {
            Files.createDirectories(outputFolder);
            // never through a link (OwnPaths refuses one before; this closes the gap between the check and the open)
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process (another run in the same JVM)
            }
            if (lock == null) {
                holder.set(describeHolder(channel));
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return Optional.of(new RunLock(channel, lock));
        } catch (IOException e) {
            throw new Unwritable(file, outputFolder, e);
        }
    }

    /** The lock file cannot be made or opened: the output folder is not writable for this account. */
    public static final class Unwritable extends WordedException {
        Unwritable(Path file, Path outputFolder, IOException cause) {
            super(file.toString(), 0, Detail.of("operator.lock.file", String.valueOf(cause.getMessage())),
                    Detail.of("fix.output.writable", outputFolder), cause);
        }
    }

    private static Detail describeHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        return pid.matches("[0-9]+") ? Detail.of("operator.holder", pid) : Detail.of("operator.holder.unknown");
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.truncate(0);
            channel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the channel or the process anyway
        }
    }
}
