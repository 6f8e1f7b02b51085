package cn.ulanqab.stats.batch;

import org.springframework.stereotype.Component;

/**
 * The night this process runs, as given on its command line now: the steps take their folders and reference data from
 * here, never from the job parameters, so a run restarted from another folder (or on a moved input) works where it
 * is started. Loaded once per run.
 */
@Component
public class CurrentNight {

    private volatile Night night;

    void set(Night tonight) {
        this.night = tonight;
    }

    Night get() {
        Night current = night;
        if (current == null) {
            throw new IllegalStateException("no night is being run: the job is started by NightlyRun");
        }
        return current;
    }
}
