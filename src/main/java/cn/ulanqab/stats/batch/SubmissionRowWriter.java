package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.submission.RowOutcome;
import cn.ulanqab.stats.submission.SubmissionStore;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores every validated row, accepted or rejected, in the chunk's transaction: a restart never records a row twice. */
public class SubmissionRowWriter implements ItemWriter<RowOutcome> {

    private final long runId;
    private final SubmissionStore store;

    public SubmissionRowWriter(long runId, SubmissionStore store) {
        this.runId = runId;
        this.store = store;
    }

    @Override
    public void write(Chunk<? extends RowOutcome> chunk) {
        store.insertRows(runId, chunk.getItems());
    }
}
