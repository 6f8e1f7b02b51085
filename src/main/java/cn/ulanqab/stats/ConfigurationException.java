package cn.ulanqab.stats;

import cn.ulanqab.stats.wording.WordedException;
import cn.ulanqab.stats.wording.Detail;


/**
 * Input the job cannot work with: a reference file, the published figures, an option or a folder. It names the file (or
 * the option), the line where known, what was found and how to fix it, as data ({@link Detail}s whose keys are
 * {@code config.*} and {@code fix.*} in the message bundles), worded in the run's language; the job stops before it
 * reads any submission and exits with status 2.
 */
public class ConfigurationException extends WordedException {

    protected ConfigurationException(String place, long line, Detail problem, Detail fix) {
        super(place, line, problem, fix, null);
    }

    /** A problem on a line of a file. */
    public static ConfigurationException at(String file, long line, Detail problem, Detail fix) {
        return new ConfigurationException(file, line, problem, fix);
    }

    /** A problem with a whole file, a folder or an option ({@code --input=…}); an empty place for the command line itself. */
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
}
