package cn.ulanqab.stats.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The packaged jar ({@code target/reconciliation.jar}) run as a separate process, as the scheduler runs it. */
final class JarProcess {

    static final Path JAR = Path.of(System.getProperty("reconciliation.jar", "target/reconciliation.jar"));
    /** What {@link TestingPause} prints once a chunk of a partition of the ingest has committed. */
    static final String CHUNK_STORED = "testing: chunk \\d+ of readAndValidateFiles:partition\\d+ stored";

    final Process process;
    final List<String> out = new CopyOnWriteArrayList<>();
    final List<String> err = new CopyOnWriteArrayList<>();

    private JarProcess(Process process) {
        this.process = process;
        pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), out);
        pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), err);
    }

    static JarProcess start(List<String> jvmOptions, String... args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: these tests run in `mvn verify`, after `package`");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return new JarProcess(new ProcessBuilder(command).start());
    }

    static JarProcess start(String... args) throws IOException {
        return start(List.of(), args);
    }

    private static void pump(BufferedReader reader, List<String> lines) {
        Thread t = new Thread(() -> {
            try (reader) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        t.setDaemon(true);
        t.start();
    }

    /** Waits until a console line matches, failing after {@code timeout} or if the process ends first. */
    void awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
        awaitLines(matches, 1, timeout);
    }

    /** Waits until {@code count} console lines match, failing after {@code timeout} or if the process ends first. */
    void awaitLines(Predicate<String> matches, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (out.stream().filter(matches).count() >= count) {
                return;
            }
            if (!process.isAlive()) {
                Thread.sleep(200);
                if (out.stream().filter(matches).count() >= count) {
                    return;
                }
                throw new AssertionError("the job ended (status " + process.exitValue() + ") before the awaited line:\n"
                        + String.join("\n", out) + "\n" + String.join("\n", err));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no awaited line within " + timeout + ":\n" + String.join("\n", out));
    }

    /** SIGKILL: no shutdown hook, no finally block runs, as when the machine or the OOM killer stops it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the job did not end within " + timeout + ":\n" + String.join("\n", out));
        }
        Thread.sleep(100); // let the pumps read the last lines
        return process.exitValue();
    }

    String console() {
        return String.join("\n", out) + "\n" + String.join("\n", err);
    }
}
