package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.report.OutputFolder;
import cn.ulanqab.stats.submission.FileKind;

import java.nio.file.Path;
import java.util.List;

/**
 * The job's own files in {@code --output}: the lock file, the log file, the embedded database's files (when the database is the
 * default one) and the folders of the outputs. Each must be absent or what the job made there: the job never follows
 * a link at these paths, so it never truncates, writes or deletes anything outside {@code --output}. Checked before
 * the lock is taken, so nothing is opened through a link.
 */
public final class OwnPaths {

    private OwnPaths() {
    }

    /** The lock file: absent or a regular file. */
    public static void checkLockFile(Path output) {
        requireRegularOrAbsent(output.resolve(RunLock.FILE_NAME));
    }

    public static void check(RunOptions options, boolean defaultDatabase) {
        checkLockFile(options.output());
        requireRegularOrAbsent(options.output().resolve(FailureLog.FILE_NAME));
        if (defaultDatabase) {
            for (String suffix : List.of(".mv.db", ".lock.db", ".trace.db")) {
                requireRegularOrAbsent(options.output().resolve(RunOptions.DATABASE_NAME + suffix));
            }
        }
        new OutputFolder(options.output().resolve(options.period())).checkOwnPaths();
    }

    private static void requireRegularOrAbsent(Path path) {
        FileKind kind = FileKind.of(path);
        if (kind != FileKind.ABSENT && kind != FileKind.REGULAR_FILE) {
            throw ConfigurationException.of(path.toString(), Detail.of("config.own.file.not.regular", kind.words()),
                    Detail.of("fix.remove.and.start", path));
        }
    }
}
