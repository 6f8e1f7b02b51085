package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What stands at a path, looked at without following a symbolic link and without opening it: the job reads only
 * regular files (a named pipe would block the read forever, a link may point anywhere on the machine).
 */
public enum FileKind {
    ABSENT,
    REGULAR_FILE,
    FOLDER,
    SYMBOLIC_LINK,
    NAMED_PIPE,
    DEVICE,
    SOCKET,
    OTHER;

    private static final int TYPE_BITS = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int UNIX_SOCKET = 0140000;

    /** "a symbolic link", "a named pipe", …: an argument of a {@link Detail}, worded in the sentence's language. */
    public String words() {
        return Detail.word("file.kind." + name());
    }

    public static FileKind of(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (IOException e) {
            return OTHER;
        }
        if (attributes.isSymbolicLink()) {
            return SYMBOLIC_LINK;
        }
        if (attributes.isRegularFile()) {
            return REGULAR_FILE;
        }
        if (attributes.isDirectory()) {
            return FOLDER;
        }
        return special(path);
    }

    private static FileKind special(Path path) {
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & TYPE_BITS;
            return switch (type) {
                case FIFO -> NAMED_PIPE;
                case CHARACTER_DEVICE, BLOCK_DEVICE -> DEVICE;
                case UNIX_SOCKET -> SOCKET;
                default -> OTHER;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return OTHER; // a file system without unix attributes: still not a regular file
        }
    }
}
