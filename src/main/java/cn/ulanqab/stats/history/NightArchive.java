package cn.ulanqab.stats.history;

import cn.ulanqab.stats.reconciliation.Status;
import org.springframework.context.MessageSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The history of nights: each completed run's report.html, report.xlsx and summary.json are kept in
 * {@code <output>/history/<period>/<run>-<first 12 hex of the fingerprint>/}, at most {@code keepRuns} runs per period
 * (the oldest go first), and {@code <output>/index.html} lists every night kept, newest first, as Great Expectations'
 * Data Docs index does. The index is made from the kept summary.json files alone, so it always links what is there.
 */
public final class NightArchive {

    public static final String FOLDER = "history";
    public static final String INDEX = "index.html";
    /** The files of a night that are kept. */
    public static final List<String> KEPT = List.of("report.html", "report.xlsx", "summary.json");
    /** The summary's name among them: the index reads it. */
    static final String SUMMARY = "summary.json";

    private static final Pattern NIGHT_FOLDER = Pattern.compile("([0-9]+)-([0-9a-f]{12})");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One kept night, as its summary.json tells it. */
    public record Night(String period, long run, String fingerprint, OffsetDateTime started, int exitStatus,
                        Map<String, Long> counts, String folder) {
    }

    private final Path output;
    private final ZoneId zone;
    private final int keepRuns;
    private final MessageSource messages;
    private final Locale locale;
    private final TemplateEngine engine = new TemplateEngine();

    /**
     * @param output   the output folder ({@code --output})
     * @param zone     the bureau's time zone, in which the index shows the times
     * @param keepRuns how many runs of a period are kept (at least 1)
     */
    public NightArchive(Path output, ZoneId zone, int keepRuns, MessageSource messages, Locale locale) {
        if (keepRuns < 1) {
            throw new IllegalArgumentException("keep-runs must be at least 1, not " + keepRuns);
        }
        this.output = output;
        this.zone = zone;
        this.keepRuns = keepRuns;
        this.messages = messages;
        this.locale = locale;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        engine.setTemplateResolver(resolver);
    }

    /** The folder a night is kept in. */
    public Path folderOf(String period, long run, String fingerprint) {
        return output.resolve(FOLDER).resolve(period).resolve(run + "-" + fingerprint.substring(0, 12));
    }

    /**
     * Keeps the night's files from its output folder (a file it lacks is left out), drops the oldest nights of the
     * period beyond {@code keepRuns}, and writes the index again.
     *
     * @param periodFolder {@code <output>/<period>/}, where the night's outputs were just written
     * @param title        the index's heading (the city's name)
     */
    public Path keep(Path periodFolder, String period, long run, String fingerprint, String title) {
        Path night = folderOf(period, run, fingerprint);
        try {
            Path periodHistory = night.getParent();
            Files.createDirectories(periodHistory);
            // copied into a scratch folder and renamed, so that a night's folder is complete or absent
            Path scratch = periodHistory.resolve("." + night.getFileName() + ".writing");
            deleteFolder(scratch);
            Files.createDirectories(scratch);
            for (String name : KEPT) {
                Path file = periodFolder.resolve(name);
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(file, scratch.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            deleteFolder(night);
            Files.move(scratch, night, StandardCopyOption.ATOMIC_MOVE);
            prune(periodHistory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the night in " + night, e);
        }
        writeIndex(title);
        return night;
    }

    /** Removes the oldest night folders of a period beyond {@code keepRuns} (by run number). */
    private void prune(Path periodHistory) throws IOException {
        List<Path> nights = nightFolders(periodHistory);
        nights.sort(Comparator.comparingLong(NightArchive::runOf).reversed());
        for (Path old : nights.subList(Math.min(keepRuns, nights.size()), nights.size())) {
            deleteFolder(old);
        }
    }

    /** The nights kept, newest period first and within a period the latest run first. */
    public List<Night> nights() {
        List<Night> nights = new ArrayList<>();
        Path history = output.resolve(FOLDER);
        if (!Files.isDirectory(history, LinkOption.NOFOLLOW_LINKS)) {
            return nights;
        }
        try (DirectoryStream<Path> periods = Files.newDirectoryStream(history)) {
            for (Path period : periods) {
                if (!Files.isDirectory(period, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                for (Path folder : nightFolders(period)) {
                    read(folder).ifPresent(nights::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + history, e);
        }
        nights.sort(Comparator.comparing(Night::period).thenComparingLong(Night::run).reversed());
        return nights;
    }

    private Optional<Night> read(Path folder) {
        Path summary = folder.resolve(SUMMARY);
        if (!Files.isRegularFile(summary, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        JsonNode json;
        OffsetDateTime started;
        try {
            json = JSON.readTree(summary.toFile());
            String time = json.path("started").asString(null);
            started = time == null ? null : OffsetDateTime.parse(time);
        } catch (JacksonException | DateTimeParseException e) {
            // a summary damaged by hand: the night is not listed, tonight's run goes on
            return Optional.empty();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        JsonNode countsNode = json.path("counts");
        for (Status status : Status.values()) {
            counts.put(status.name(), countsNode.path(status.name()).asLong(0));
        }
        return Optional.of(new Night(json.path("period").asString(""), json.path("run").asLong(runOf(folder)),
                json.path("fingerprint").asString(""), started,
                json.path("exit_status").asInt(-1), counts,
                output.relativize(folder).toString().replace(folder.getFileSystem().getSeparator(), "/")));
    }

    /** Writes {@code <output>/index.html} from the nights kept (whole or not at all). */
    public void writeIndex(String title) {
        List<Night> nights = nights();
        Map<String, List<Map<String, Object>>> byPeriod = new LinkedHashMap<>();
        for (Night n : nights) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run", n.run());
            row.put("started", n.started() == null ? "" : n.started().atZoneSameInstant(zone).format(TIME));
            row.put("fingerprint", n.fingerprint().length() > 12 ? n.fingerprint().substring(0, 12) : n.fingerprint());
            row.put("exitStatus", n.exitStatus());
            row.put("counts", n.counts());
            row.put("folder", n.folder());
            byPeriod.computeIfAbsent(n.period(), k -> new ArrayList<>()).add(row);
        }
        Context context = new Context(locale);
        context.setVariable("title", title);
        context.setVariable("periods", byPeriod);
        context.setVariable("statuses", List.of(Status.values()).stream().map(Enum::name).toList());
        context.setVariable("text", texts());
        context.setVariable("zone", zone.getId());
        String page = engine.process("history-index", context);
        Path index = output.resolve(INDEX);
        Path part = output.resolve("." + INDEX + ".part");
        try {
            Files.writeString(part, page, StandardCharsets.UTF_8);
            Files.move(part, index, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + index, e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the next index replaces it
            }
        }
    }

    private Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : List.of("title", "intro", "latest", "run", "started", "fingerprint", "exit", "report", "workbook",
                "summary", "none")) {
            texts.put(key, messages.getMessage("history." + key, new Object[]{zone.getId(), keepRuns}, locale));
        }
        for (Status status : Status.values()) {
            texts.put(status.name(), messages.getMessage("history.status." + status.name(), null, locale));
        }
        return texts;
    }

    private static List<Path> nightFolders(Path periodHistory) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(periodHistory)) {
            for (Path entry : entries) {
                if (NIGHT_FOLDER.matcher(entry.getFileName().toString()).matches()
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(entry);
                }
            }
        }
        return folders;
    }

    private static long runOf(Path nightFolder) {
        Matcher m = NIGHT_FOLDER.matcher(nightFolder.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Deletes a folder of plain files (a night's), never following a link. */
    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path file : files) {
                    Files.delete(file);
                }
            }
        }
        Files.delete(folder);
    }
}
