package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.submission.RowOutcome;
import cn.ulanqab.stats.submission.SubmittedRow;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * FOR TESTING ONLY: with {@code --reconciliation.testing.pause-after-chunk-ms=N} (default 0, which does
 * nothing) the ingest step prints {@code testing: chunk K stored} to the console after each chunk and
 * sleeps N ms, so a crash test can kill the process in the middle of ingest at a known point.
 * Operators never set it.
 */
public class TestingPause implements ChunkListener<SubmittedRow, RowOutcome> {

    private final long millis;
    private int chunks;

    public TestingPause(long millis) {
        this.millis = millis;
    }

    @Override
    public void afterChunk(Chunk<RowOutcome> chunk) {
        if (millis <= 0) {
            return;
        }
        chunks++;
        System.out.println("testing: chunk " + chunks + " stored");
        System.out.flush();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
