package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.wording.Detail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.submission.SubmissionCatalogue;
import cn.ulanqab.stats.submission.SubmissionFile;
import cn.ulanqab.stats.submission.SubmissionReader;
import cn.ulanqab.stats.submission.SubmittedRow;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of the files of one partition, one file after another. Its position (file and row within it) is saved
 * with each chunk, so a restarted partition resumes after its last committed chunk. Its own count of rows read per file,
 * which the accounting check compares with the rows stored, is stored as data ({@link ReadCounts}) in the same chunk
 * transaction, so it is always that of the last committed chunk too.
 *
 * The bytes of each file are hashed as they are read ({@link HashedFile}). When they are not the bytes the run's
 * fingerprint was taken of (the file was edited while the run read it), the file's stored rows are discarded and the
 * position set back to the file's start in one transaction ({@link ChangedFile}), and the step stops with
 * {@link FileChangedWhileRead}: the next start, on whatever bytes are there then, counts only bytes it fingerprinted.
 */
public class SubmissionRowsReader implements ItemStreamReader<SubmittedRow> {

    private static final String FILE_INDEX = "submissionRows.fileIndex";
    private static final String ROWS_IN_FILE = "submissionRows.rowsInFile";
    /**
     * Rows read per file as {@code name=count;name=count}, as releases before the partitioned ingest promoted them to
     * the job's context: a run such a release left behind is still checked against them.
     */
    public static final String READ_BY_FILE = "submissionRows.readByFile";

    /** Discards the stored rows (and the count of rows read) of a file and runs {@code savePosition}, in one transaction of their own. */
    @FunctionalInterface
    public interface ChangedFile {
        void discard(String file, Runnable savePosition);
    }

    /** Where the counts of rows read are kept: they are stored in the chunk's transaction. */
    public interface ReadCounts {
        /** The counts the committed chunks stored for these files. */
        Map<String, Long> stored(List<String> files);

        /** Stores these counts (only those that changed since the last call). */
        void store(Map<String, Long> counts);
    }

    /** A file whose bytes, as read, are not those the run was fingerprinted on. */
    public static final class FileChangedWhileRead extends ConfigurationException {
        FileChangedWhileRead(String file) {
            super(file, 0, Detail.of("operator.file.changed.while.read"), Detail.of("fix.file.changed.while.read"));
        }
    }

    private final Path folder;
    private final List<SubmissionFile> files;
    private final Map<String, String> sha256ByName;
    private final ChangedFile changedFile;
    private final Runnable savePosition;
    private final ReadCounts counts;
    private ExecutionContext context;
    private int fileIndex;
    private long rowsInFile;
    private final Map<String, Long> readByFile = new LinkedHashMap<>();
    /** The counts as last stored: only those that differ are stored again. */
    private final Map<String, Long> storedCounts = new HashMap<>();

    /**
     * @param sha256ByName the files' SHA-256 as fingerprinted before the run
     * @param savePosition saves the step's execution context (with the position this reader put into it)
     */
    public SubmissionRowsReader(Path folder, List<SubmissionFile> files, Map<String, String> sha256ByName,
                                ChangedFile changedFile, Runnable savePosition, ReadCounts counts) {
        this.folder = folder;
        this.files = List.copyOf(files);
        this.sha256ByName = Map.copyOf(sha256ByName);
        this.changedFile = changedFile;
        this.savePosition = savePosition;
        this.counts = counts;
    }

    @Override
    public void open(ExecutionContext context) {
        this.context = context;
        fileIndex = context.getInt(FILE_INDEX, 0);
        long skip = context.getLong(ROWS_IN_FILE, 0L);
        loadStoredCounts();
        rowsInFile = skip;
        if (fileIndex < files.size()) {
            readByFile.putIfAbsent(files.get(fileIndex).name(), 0L);
        }
        prefetch = new Prefetch(fileIndex, skip);
    }

    private void loadStoredCounts() {
        Map<String, Long> stored = counts.stored(files.stream().map(SubmissionFile::name).toList());
        readByFile.clear();
        storedCounts.clear();
        for (SubmissionFile f : files) {
            Long n = stored.get(f.name());
            if (n != null) {
                readByFile.put(f.name(), n);
                storedCounts.put(f.name(), n);
            }
        }
    }

    @Override
    public SubmittedRow read() {
        while (fileIndex < files.size()) {
            Object next = prefetch.next();
            if (next instanceof SubmittedRow row) {
                rowsInFile++;
                readByFile.merge(files.get(fileIndex).name(), 1L, Long::sum);
                return row;
            }
            if (next instanceof FileChangedWhileRead e) {
                startFileAgain(files.get(fileIndex).name());
                throw e;
            }
            if (next instanceof RuntimeException e) {
                throw e;
            }
            fileIndex++;
            rowsInFile = 0;
            if (fileIndex < files.size()) {
                readByFile.putIfAbsent(files.get(fileIndex).name(), 0L);
            }
        }
        return null;
    }

    /**
     * The saved position is that of the last committed chunk: if it is inside the changed file, it goes back to the
     * file's start, and the file's stored rows and count are discarded with it.
     */
    private void startFileAgain(String file) {
        int committedFile = context.getInt(FILE_INDEX, 0);
        if (committedFile < files.size() && files.get(committedFile).name().equals(file)) {
            context.putLong(ROWS_IN_FILE, 0L);
        }
        changedFile.discard(file, savePosition);
        // whatever saves the context after this failure saves the same position, and the counts committed with it
        fileIndex = context.getInt(FILE_INDEX, 0);
        rowsInFile = context.getLong(ROWS_IN_FILE, 0L);
        loadStoredCounts();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_INDEX, fileIndex);
        context.putLong(ROWS_IN_FILE, rowsInFile);
        Map<String, Long> changed = new LinkedHashMap<>();
        readByFile.forEach((name, n) -> {
            if (!n.equals(storedCounts.get(name))) {
                changed.put(name, n);
            }
        });
        if (!changed.isEmpty()) {
            counts.store(changed);
            storedCounts.putAll(changed);
        }
    }

    /** The counts of {@link #READ_BY_FILE}. */
    public static Map<String, Long> decode(String text) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.lastIndexOf('=');
            if (eq > 0) {
                counts.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        return counts;
    }

    @Override
    public void close() {
        if (prefetch != null) {
            prefetch.stop();
            prefetch = null;
        }
    }

    private Prefetch prefetch;

    /**
     * Parses the files on a thread of its own, a little ahead of the step, so that parsing and validating-and-storing
     * use both cores. It hands over rows in file order, then {@link #END_OF_FILE} at the end of each file, or the
     * exception that stopped it; the reader's position and counts move only as the step takes rows, so what is saved
     * with a chunk is what the chunk holds, however far ahead the parsing is.
     */
    private final class Prefetch {
        private static final int BATCH = 512;
        private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(32);
        private final Thread thread;
        private volatile boolean stopped;
        private Iterator<Object> batch = Collections.emptyIterator();

        Prefetch(int firstFile, long skip) {
            thread = new Thread(() -> parse(firstFile, skip), "submission-parser");
            thread.setDaemon(true);
            thread.start();
        }

        Object next() {
            if (failure != null) {
                return failure;
            }
            while (!batch.hasNext()) {
                try {
                    batch = queue.take().iterator();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ItemStreamException("interrupted while reading the submission files", e);
                }
            }
            Object next = batch.next();
            if (next instanceof RuntimeException e) {
                failure = e;
            }
            return next;
        }

        /** The parsing stopped here: every later call gets the same exception. */
        private RuntimeException failure;

        void stop() {
            stopped = true;
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void parse(int firstFile, long skip) {
            List<Object> out = new ArrayList<>(BATCH);
            try {
                for (int i = firstFile; i < files.size() && !stopped; i++) {
                    SubmissionFile file = files.get(i);
                    try (HashedFile bytes = hashed(file)) {
                        SubmissionReader reader = open(file, bytes);
                        try {
                            for (long k = 0; i == firstFile && k < skip && reader.hasNext(); k++) {
                                reader.next();
                            }
                            while (reader.hasNext() && !stopped) {
                                out.add(reader.next());
                                if (out.size() >= BATCH) {
                                    out = handOver(out);
                                }
                            }
                        } finally {
                            closeQuietly(reader);
                        }
                        String expected = sha256ByName.get(file.name());
                        if (!stopped && expected != null && !expected.equals(bytes.sha256())) {
                            out.add(new FileChangedWhileRead(file.name()));
                            break;
                        }
                    } catch (IOException e) {
                        throw new ItemStreamException("cannot read " + file.name() + ": " + e.getMessage(), e);
                    }
                    out.add(END_OF_FILE);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                out.add(e);
            } catch (Error e) {
                out.add(new ItemStreamException("reading the submission files stopped: " + e, e));
            }
            try {
                handOver(out);
            } catch (InterruptedException ignored) {
                // the step is over
            }
        }

        private List<Object> handOver(List<Object> rows) throws InterruptedException {
            if (!rows.isEmpty()) {
                queue.put(rows);
            }
            return new ArrayList<>(BATCH);
        }
    }

    private static final Object END_OF_FILE = new Object();

    private static void closeQuietly(SubmissionReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // reading is over; nothing was lost
        }
    }

    private HashedFile hashed(SubmissionFile file) {
        try {
            return new HashedFile(folder.resolve(file.name()));
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + file.name() + " again: " + e.getMessage()
                    + " (did it change during the run? start the job again)", e);
        }
    }

    private SubmissionReader open(SubmissionFile file, HashedFile bytes) {
        try {
            return new SubmissionReader(folder.resolve(file.name()), bytes, file.countyCode(),
                    SubmissionCatalogue.encodingOf(file.encoding()));
        } catch (IOException | SubmissionReader.UnreadableHeader e) {
            throw new ItemStreamException("cannot read " + file.name() + " again: " + e.getMessage()
                    + " (did it change during the run? start the job again)", e);
        }
    }
}
