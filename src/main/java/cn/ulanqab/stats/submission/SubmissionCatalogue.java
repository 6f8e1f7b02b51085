package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import cn.ulanqab.stats.catalog.Registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger of a submission folder before any row is read: every file with its status, and for each
 * file to be read its encoding, checked header and SHA-256. A file that cannot be read as a whole
 * becomes UNREADABLE with a reason that says how to fix it.
 */
public final class SubmissionCatalogue {

    public record Result(List<SubmissionFile> files, Map<String, String> sha256ByName) {
    }

    private SubmissionCatalogue() {
    }

    public static Result of(Path folder, Registry registry) {
        record Catalogued(SubmissionFile file, String sha256) {
        }
        // each file is hashed and inspected on its own, so the files are shared out over the cores (order kept)
        List<Catalogued> catalogued = SubmissionFolder.scan(folder, registry).parallelStream().map(f -> {
            String hash = null;
            if (f.path() != null && FileKind.of(f.path()) == FileKind.REGULAR_FILE) {
                try {
                    hash = sha256(f.path());
                } catch (UncheckedIOException e) {
                    // a file that cannot be opened has no hash; inspect() says why it is UNREADABLE
                }
            }
            return new Catalogued(f.status() == FileStatus.PROCESSED ? inspect(f) : f, hash);
        }).toList();
        List<SubmissionFile> files = new ArrayList<>();
        Map<String, String> sha256 = new LinkedHashMap<>();
        for (Catalogued c : catalogued) {
            files.add(c.file());
            if (c.sha256() != null) {
                sha256.put(c.file().name(), c.sha256());
            }
        }
        return new Result(files, sha256);
    }

    static SubmissionFile inspect(SubmissionFile f) {
        if (!Files.isReadable(f.path())) {
            return f.withReading(FileStatus.UNREADABLE, null, Detail.of("file.no.permission"));
        }
        try {
            SubmissionEncoding.Detected encoding = SubmissionEncoding.detect(f.path());
            if (!encoding.readable()) {
                return f.withReading(FileStatus.UNREADABLE, null, encoding.problem());
            }
            try (SubmissionReader reader = new SubmissionReader(f.path(), f.countyCode(), encoding)) {
                List<String> ignored = reader.ignoredColumns();
                return f.withReading(FileStatus.PROCESSED, encoding.label(), ignored.isEmpty() ? null
                        : Detail.of("file.extra.columns", SubmissionReader.truncate(String.join(", ", ignored))));
            } catch (SubmissionReader.UnreadableHeader e) {
                return f.withReading(FileStatus.UNREADABLE, encoding.label(), e.detail());
            }
        } catch (IOException | UncheckedIOException e) {
            return f.withReading(FileStatus.UNREADABLE, null, Detail.of("file.cannot.read", e.getMessage()));
        }
    }

    /** The encoding found by the catalogue, to read the file again with. */
    public static SubmissionEncoding.Detected encodingOf(String label) {
        return switch (label) {
            case "UTF-8" -> new SubmissionEncoding.Detected(label, StandardCharsets.UTF_8, false, null);
            case "UTF-8-BOM" -> new SubmissionEncoding.Detected(label, StandardCharsets.UTF_8, true, null);
            case "GB18030" -> new SubmissionEncoding.Detected(label, SubmissionEncoding.GB18030, false, null);
            default -> throw new IllegalArgumentException("unknown encoding label " + label);
        };
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
