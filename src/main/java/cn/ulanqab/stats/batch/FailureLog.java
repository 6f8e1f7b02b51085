package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.wording.Bundles;
import java.nio.file.LinkOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * {@code <output>/reconciliation.log}: the stack traces of what stopped a run, which the console names but does not
 * show. Written by the job itself, not through the logging framework, whose complaints about a full disk would go to
 * the console.
 */
public final class FailureLog {

    public static final String FILE_NAME = "reconciliation.log";

    private FailureLog() {
    }

    /** Appends the failures to the log and returns the words that point to it, for the end of the console's line. */
    public static String record(Path output, String summary, List<? extends Throwable> failures, Locale locale) {
        Path log = output.resolve(FILE_NAME).toAbsolutePath().normalize();
        StringWriter text = new StringWriter();
        try (PrintWriter w = new PrintWriter(text)) {
            w.println(OffsetDateTime.now().withNano(0) + " " + summary);
            failures.forEach(f -> f.printStackTrace(w));
            w.println();
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            return Bundles.text(locale, "operator.details.in", log);
        } catch (IOException | UnsupportedOperationException e) {
            return Bundles.text(locale, "operator.details.not.written", log, String.valueOf(e.getMessage()));
        }
    }
}
