package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.submission.SubmissionReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A submission file opened once (never through a link), whose bytes are hashed as the reader reads them: every stream
 * it gives reads the same open file from its start, and each byte is hashed the first time any stream reaches it.
 * {@link #sha256()} hashes what no stream read and gives the SHA-256 of the bytes the rows came from, to compare with
 * the fingerprint taken before the run: a file edited while it was read shows up here.
 */
final class HashedFile implements SubmissionReader.Bytes, AutoCloseable {

    private final FileChannel channel;
    private final MessageDigest digest;
    private long hashedUpTo;

    HashedFile(Path path) throws IOException {
        this.channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public InputStream open() {
        return new InputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                int n = channel.read(ByteBuffer.wrap(buffer, offset, length), position);
                if (n > 0) {
                    hashNew(buffer, offset, position, n);
                    position += n;
                }
                return n;
            }
        };
    }

    /** Hashes the part of bytes [at, at + n) that no stream had read before. */
    private synchronized void hashNew(byte[] buffer, int offset, long at, int n) {
        if (at <= hashedUpTo && at + n > hashedUpTo) {
            int skip = (int) (hashedUpTo - at);
            digest.update(buffer, offset + skip, n - skip);
            hashedUpTo = at + n;
        }
    }

    /** The SHA-256 of the file as it was read, its unread rest read now. */
    synchronized String sha256() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        int n;
        while ((n = channel.read(buffer.clear(), hashedUpTo)) > 0) {
            digest.update(buffer.array(), 0, n);
            hashedUpTo += n;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
