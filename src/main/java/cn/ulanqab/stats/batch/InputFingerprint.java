package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.catalog.BaseTotals;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.review.ReviewFile;
import cn.ulanqab.stats.submission.FileKind;
import cn.ulanqab.stats.submission.SubmissionCatalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 of everything a run reads for its period (reference files, the published file, last year's base
 * file {@code base/<previous period>.csv}, the year's targets {@code targets/<year>.csv} with
 * {@code base/<last year>.csv}, every
 * entry of the submission folder, the reviewers' dispositions, and with {@code --report} the report and
 * {@code reference/report-phrases.csv} and {@code reference/report-units.csv}) and of its claim settings. Same input, same fingerprint, same run.
 */
public final class InputFingerprint {

    private InputFingerprint() {
    }

    public static String of(Night night) {
        List<String> parts = new ArrayList<>();
        parts.add("period=" + night.period());
        parts.add("nearlyBand=" + night.claims().nearlyBand().toPlainString());
        parts.add("aboutTolerance=" + night.claims().aboutTolerance().toPlainString());
        Path input = night.input();
        for (Path file : List.of(input.resolve("reference/counties.csv"), input.resolve("reference/indicators.csv"),
                input.resolve("published").resolve(night.period() + ".csv"), ReviewFile.of(input, night.period()),
                BaseTotals.fileOf(input, night.periodValue().previous()))) {
            if (FileKind.of(file) == FileKind.REGULAR_FILE) {
                parts.add(input.relativize(file) + "=" + SubmissionCatalogue.sha256(file));
            }
        }
        if (!night.targets().isEmpty()) {
            // the year's targets, and last year's full year that sets their pace
            parts.add(input.relativize(night.targets().file()) + "=" + SubmissionCatalogue.sha256(night.targets().file()));
            Path fullYear = night.targets().lastFullYear().file();
            parts.add(input.relativize(fullYear) + "=" + (FileKind.of(fullYear) == FileKind.REGULAR_FILE ? SubmissionCatalogue.sha256(fullYear) : "absent"));
        }
        if (night.report() != null) {
            // the report and the phrases that link it to the catalog are read only with --report
            parts.add("report=" + SubmissionCatalogue.sha256(night.report()));
            parts.add(input.relativize(Night.phrasesFile(input)) + "=" + SubmissionCatalogue.sha256(Night.phrasesFile(input)));
            // the measure words are the jar's own when the file is absent
            Path units = Night.unitsFile(input);
            parts.add(input.relativize(units) + "=" + (Files.isRegularFile(units) ? SubmissionCatalogue.sha256(units) : "defaults"));
        }
        try (Stream<Path> entries = Files.list(night.submissionFolder())) {
            // hashed over the cores, in name order
            parts.addAll(entries.sorted().toList().parallelStream().map(entry -> {
                // only regular files are opened: a link may point anywhere, a named pipe would never end
                FileKind kind = FileKind.of(entry);
                String hash = kind != FileKind.REGULAR_FILE ? kind.name()
                        : Files.isReadable(entry) ? SubmissionCatalogue.sha256(entry) : "unreadable";
                return night.period() + "/" + entry.getFileName() + "=" + hash;
            }).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + night.submissionFolder(), e);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
