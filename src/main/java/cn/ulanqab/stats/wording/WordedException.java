package cn.ulanqab.stats.wording;

import java.util.Locale;
import java.util.Optional;

/**
 * A failure that already says what an operator needs: the place (a file, an option, a database), the line where known,
 * what is wrong and the fix, as {@link Detail}s worded in the run's language by {@link #worded}. {@link #getMessage()}
 * is the English wording, for the log.
 */
public class WordedException extends RuntimeException {

    private final String place;
    private final long line;
    private final Detail problem;
    private final Detail fix;

    protected WordedException(String place, long line, Detail problem, Detail fix, Throwable cause) {
        super(null, cause);
        this.place = place;
        this.line = line;
        this.problem = problem;
        this.fix = fix;
    }

    public Detail problem() {
        return problem;
    }

    public Detail fix() {
        return fix;
    }

    /** The English wording, for the log. */
    @Override
    public String getMessage() {
        return worded(Locale.ENGLISH);
    }

    /** The one line an operator reads, in a language of the bundles. */
    public String worded(Locale locale) {
        return wording(locale, place, line, problem, fix);
    }

    /** The wording of the first failure in the chain that says what went wrong and the fix, if any does. */
    public static Optional<WordedException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WordedException worded) {
                return Optional.of(worded);
            }
        }
        return Optional.empty();
    }

    private static String wording(Locale locale, String place, long line, Detail problem, Detail fix) {
        String what = Bundles.text(locale, problem);
        String sentence = place == null || place.isEmpty() ? what
                : line > 0 ? Bundles.text(locale, "config.at.line", place, String.valueOf(line), what)
                : Bundles.text(locale, "config.at", place, what);
        return fix == null || fix.isNone() ? sentence : Bundles.text(locale, "config.with.fix", sentence, Bundles.text(locale, fix));
    }
}
