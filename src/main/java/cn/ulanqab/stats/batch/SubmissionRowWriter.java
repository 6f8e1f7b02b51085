package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.submission.RowOutcome;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Stores every validated row, accepted or rejected, in the chunk's transaction: a restart never records a row twice.
 * It also notes, while the rows go by, which files may hold duplicates ({@link #DUPLICATE_FILES}: a file in which an
 * indicator code was accepted twice), so settleDuplicates need only look at those. Files are read one after another,
 * so only the current file's codes are held. After a restart the file read at the time of the failure may have rows
 * from before it that this writer never saw: it is always noted.
 */
public class SubmissionRowWriter implements ItemStreamWriter<RowOutcome> {

    /** Files that may hold duplicates, as {@code name;name;}: promoted to the job's context when the step completes. */
    public static final String DUPLICATE_FILES = "submissionRows.duplicateFiles";

    private final long runId;
    private final SubmissionStore store;
    private final Set<String> duplicateFiles = new LinkedHashSet<>();
    private final Set<String> codesOfCurrentFile = new HashSet<>();
    private String currentFile;
    private boolean resumed;

    public SubmissionRowWriter(long runId, SubmissionStore store) {
        this.runId = runId;
        this.store = store;
    }

    @Override
    public void open(ExecutionContext context) {
        duplicateFiles.clear();
        duplicateFiles.addAll(decode(context.getString(DUPLICATE_FILES, "")));
        resumed = context.containsKey(DUPLICATE_FILES);
        currentFile = null;
        codesOfCurrentFile.clear();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(DUPLICATE_FILES, encode(duplicateFiles));
    }

    @Override
    public void write(Chunk<? extends RowOutcome> chunk) {
        for (RowOutcome o : chunk.getItems()) {
            String file = o.row().file();
            if (!file.equals(currentFile)) {
                if (currentFile == null && resumed) {
                    duplicateFiles.add(file);
                }
                currentFile = file;
                codesOfCurrentFile.clear();
            }
            if (o.isAccepted() && !codesOfCurrentFile.add(String.valueOf(o.row().indicatorCode()))) {
                duplicateFiles.add(file);
            }
        }
        store.insertRows(runId, chunk.getItems());
    }

    static String encode(Set<String> files) {
        StringBuilder sb = new StringBuilder();
        files.forEach(f -> sb.append(f).append(';'));
        return sb.toString();
    }

    /** The files of {@link #DUPLICATE_FILES}. */
    public static Set<String> decode(String text) {
        Set<String> files = new LinkedHashSet<>();
        Arrays.stream(text.split(";")).filter(s -> !s.isEmpty()).forEach(files::add);
        return files;
    }
}
