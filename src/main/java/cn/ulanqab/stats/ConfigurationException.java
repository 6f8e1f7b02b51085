package cn.ulanqab.stats;

import cn.ulanqab.stats.wording.Bundles;
import cn.ulanqab.stats.wording.Detail;

import java.util.Locale;

/**
 * Input the job cannot work with: a reference file, the published figures, an option or a folder. It names the file (or
 * the option), the line where known, what was found and how to fix it, as data ({@link Detail}s whose keys are
 * {@code config.*} and {@code fix.*} in the message bundles), worded in the run's language by {@link #worded}; the job
 * stops before it reads any submission and exits with status 2. {@link #getMessage()} is the English wording, for logs.
 */
public class ConfigurationException extends RuntimeException {

    private final String place;
    private final long line;
    private final Detail problem;
    private final Detail fix;

    private ConfigurationException(String place, long line, Detail problem, Detail fix) {
        super(wording(Locale.ENGLISH, place, line, problem, fix));
        this.place = place;
        this.line = line;
        this.problem = problem;
        this.fix = fix;
    }

    /** A problem on a line of a file. */
    public static ConfigurationException at(String file, long line, Detail problem, Detail fix) {
        return new ConfigurationException(file, line, problem, fix);
    }

    /** A problem with a whole file, a folder or an option ({@code --input=…}). */
    public static ConfigurationException of(String place, Detail problem, Detail fix) {
        return new ConfigurationException(place, 0, problem, fix);
    }

    /** @deprecated an English text, the same in every language: word it with {@link #at(String, long, Detail, Detail)}. */
    @Deprecated(forRemoval = true)
    public static ConfigurationException at(String file, long line, String problem, String fix) {
        return at(file, line, Detail.literal(problem), Detail.literal(fix));
    }

    /** @deprecated an English text, the same in every language: word it with {@link #of(String, Detail, Detail)}. */
    @Deprecated(forRemoval = true)
    public static ConfigurationException of(String place, String problem, String fix) {
        return of(place, Detail.literal(problem), Detail.literal(fix));
    }

    /** @deprecated an English text, the same in every language: word it with {@link #of(String, Detail, Detail)}. */
    @Deprecated(forRemoval = true)
    public ConfigurationException(String message) {
        this(null, 0, Detail.literal(message), Detail.NONE);
    }

    public Detail problem() {
        return problem;
    }

    public Detail fix() {
        return fix;
    }

    /** The one line an operator reads, in a language of the bundles. */
    public String worded(Locale locale) {
        return wording(locale, place, line, problem, fix);
    }

    private static String wording(Locale locale, String place, long line, Detail problem, Detail fix) {
        String what = Bundles.text(locale, problem);
        String sentence = place == null || place.isEmpty() ? what
                : line > 0 ? Bundles.text(locale, "config.at.line", place, String.valueOf(line), what)
                : Bundles.text(locale, "config.at", place, what);
        return fix == null || fix.isNone() ? sentence : Bundles.text(locale, "config.with.fix", sentence, Bundles.text(locale, fix));
    }
}
