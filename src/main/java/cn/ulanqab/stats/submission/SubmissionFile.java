package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import java.nio.file.Path;

/**
 * A file of the period's submission folder, or a unit that sent none (status MISSING, no path).
 * {@code reason} says why a file is not read (SUPERSEDED, UNRECOGNIZED, UNREADABLE).
 */
public record SubmissionFile(String name, Path path, String countyCode, Integer version, FileStatus status,
                             String encoding, Detail reason) {

    public SubmissionFile withReading(FileStatus newStatus, String newEncoding, Detail newReason) {
        return new SubmissionFile(name, path, countyCode, version, newStatus, newEncoding, newReason);
    }
}
