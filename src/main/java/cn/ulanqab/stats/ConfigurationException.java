package cn.ulanqab.stats;

/**
 * Input the job cannot work with: a reference file, the published figures, an option or a folder.
 * The message names the file, the line where known, what was found and how to fix it; the job
 * stops before it reads any submission and exits with status 2.
 */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public static ConfigurationException at(String file, long line, String problem, String fix) {
        return new ConfigurationException(file + ", line " + line + ": " + problem + ". Fix: " + fix);
    }

    public static ConfigurationException of(String file, String problem, String fix) {
        return new ConfigurationException(file + ": " + problem + ". Fix: " + fix);
    }
}
