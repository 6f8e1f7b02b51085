package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.submission.RowOutcome;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import java.util.HashSet;
import java.util.Set;

/**
 * Stores every validated row, accepted or rejected, in the chunk's transaction: a restart never records a row twice.
 * It also notes in the database, in the same transaction, which files may hold duplicates (a file in which an indicator
 * code was accepted twice), so settleDuplicates need only look at those. A partition reads its files one after another,
 * so only the current file's codes are held. After a restart the file read at the time of the failure may have rows
 * from before it that this writer never saw: it is always noted.
 */
public class SubmissionRowWriter implements ItemStreamWriter<RowOutcome> {

    /** Present in the partition's context once it has stored a chunk: its next start is a restart. */
    private static final String STARTED = "submissionRows.started";

    private final long runId;
    private final SubmissionStore store;
    private final Set<String> noted = new HashSet<>();
    private final Set<String> codesOfCurrentFile = new HashSet<>();
    private String currentFile;
    private boolean resumed;

    public SubmissionRowWriter(long runId, SubmissionStore store) {
        this.runId = runId;
        this.store = store;
    }

    @Override
    public void open(ExecutionContext context) {
        resumed = context.containsKey(STARTED);
        noted.clear();
        currentFile = null;
        codesOfCurrentFile.clear();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(STARTED, "true");
    }

    @Override
    public void write(Chunk<? extends RowOutcome> chunk) {
        for (RowOutcome o : chunk.getItems()) {
            String file = o.row().file();
            if (!file.equals(currentFile)) {
                if (currentFile == null && resumed) {
                    note(file);
                }
                currentFile = file;
                codesOfCurrentFile.clear();
            }
            if (o.isAccepted() && !codesOfCurrentFile.add(String.valueOf(o.row().indicatorCode()))) {
                note(file);
            }
        }
        store.insertRows(runId, chunk.getItems());
    }

    private void note(String file) {
        if (noted.add(file)) {
            store.noteDuplicates(runId, file);
        }
    }
}
