package cn.ulanqab.stats.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * {@code <output>/last-run.json}: what a scheduler or a monitoring check reads to see how the last night went, also
 * when it failed. Written at the start ({@code state} STARTED, the period, the process id, the time) and again at
 * the end ({@code state} COMPLETED or FAILED, the exit status and its message, the end time). A night that never
 * reached its end (killed) stays STARTED, with the pid of a process that is gone.
 */
public final class LastRun {

    public static final String FILE = "last-run.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public enum State { STARTED, COMPLETED, FAILED }

    /** The document; absent values are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(State state, String period, long pid, String started, @JsonProperty("exit_status") Integer exitStatus,
                    String message, String ended) {
    }

    private final Path file;
    private final String period;
    private final Clock clock;
    private final String started;

    private LastRun(Path output, String period, Clock clock) {
        this.file = output.resolve(FILE);
        this.period = period;
        this.clock = clock;
        this.started = now();
    }

    /** Writes the STARTED state into the output folder (which exists: the run lock is in it). */
    public static LastRun start(Path output, String period, ZoneId zone) {
        LastRun run = new LastRun(output, period, Clock.system(zone));
        run.write(new Document(State.STARTED, period, pid(), run.started, null, null, null));
        return run;
    }

    /**
     * A start that failed before the night could begin (a bad option): the FAILED state only, written when the output
     * folder is there; otherwise nothing (there is no folder a scheduler could look into).
     */
    public static void refused(Path output, String period, ZoneId zone, String message) {
        if (output == null || !Files.isDirectory(output)) {
            return;
        }
        LastRun run = new LastRun(output, period, Clock.system(zone));
        run.end(2, message);
    }

    /** Writes the end: COMPLETED for exit status 0 or 1 (the job did its work), FAILED for 2. */
    public void end(int exitStatus, String message) {
        State state = exitStatus == 2 ? State.FAILED : State.COMPLETED;
        write(new Document(state, period, pid(), started, exitStatus, message, now()));
    }

    private String now() {
        return OffsetDateTime.now(clock).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static long pid() {
        return ProcessHandle.current().pid();
    }

    private void write(Document document) {
        Path part = file.resolveSibling("." + FILE + ".part");
        try {
            Files.deleteIfExists(part); // a link standing there is removed, never followed
            Files.write(part, JSON.writeValueAsBytes(document), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
