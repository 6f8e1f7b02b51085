package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sorts the files of {@code <input>/<period>/}: {@code <code>.csv} or {@code <code>-vN.csv} of a unit of the
 * registry is a submission (the highest version is used, the others SUPERSEDED); anything else is
 * UNRECOGNIZED; a unit expected to submit ({@link Registry#submitters()}: every county-level unit, and every city when
 * the catalog has CITY-level indicators) without any file is MISSING. Files are listed by name. Only regular files are
 * read: a submission name on a symbolic link, named pipe, device or folder is UNREADABLE and never opened.
 */
public final class SubmissionFolder {

    private static final Pattern NAME = Pattern.compile("([0-9]{6})(?:-[vV]([0-9]{1,4}))?\\.(?i:csv)");

    private SubmissionFolder() {
    }

    public static List<SubmissionFile> scan(Path folder, Registry registry) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        List<SubmissionFile> files = new ArrayList<>();
        Map<String, SubmissionFile> newest = new HashMap<>();
        for (Path path : entries) {
            String name = path.getFileName().toString();
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                files.add(new SubmissionFile(name, path, null, null, FileStatus.UNRECOGNIZED, null,
                        Detail.of("file.not.a.submission.name")));
                continue;
            }
            String code = m.group(1);
            if (registry.find(code).isEmpty()) {
                files.add(new SubmissionFile(name, path, code, null, FileStatus.UNRECOGNIZED, null,
                        Detail.of("file.not.a.unit", code)));
                continue;
            }
            int version = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            FileKind kind = FileKind.of(path);
            SubmissionFile file = kind == FileKind.REGULAR_FILE
                    ? new SubmissionFile(name, path, code, version, FileStatus.PROCESSED, null, null)
                    : new SubmissionFile(name, path, code, version, FileStatus.UNREADABLE, null, notRegular(kind));
            files.add(file);
            SubmissionFile current = newest.get(code);
            if (current == null || version >= current.version()) {
                newest.put(code, file);
            }
        }
        List<SubmissionFile> result = new ArrayList<>();
        for (SubmissionFile f : files) {
            SubmissionFile used = f.countyCode() == null ? null : newest.get(f.countyCode());
            if (f.status() == FileStatus.PROCESSED && used != f) {
                result.add(f.withReading(FileStatus.SUPERSEDED, null, Detail.of("file.replaced", used.name())));
            } else {
                result.add(f);
            }
        }
        registry.submitters().stream().filter(u -> !newest.containsKey(u.code())).sorted(Comparator.comparing(County::code))
                .forEach(u -> result.add(new SubmissionFile("", null, u.code(), null, FileStatus.MISSING, null,
                        Detail.of("file.sent.none", u.nameZh()))));
        return result;
    }

    /** Never opened: a link may point anywhere on the machine, a named pipe would block the night forever. */
    private static Detail notRegular(FileKind kind) {
        return Detail.of("file.not.regular." + kind.name());
    }
}
