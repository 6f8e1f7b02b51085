package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.submission.RowOutcome;
import cn.ulanqab.stats.submission.SubmittedRow;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * FOR TESTING ONLY: with {@code --reconciliation.testing.pause-after-chunk-ms=N} (default 0, which does
 * nothing) each partition of the ingest step prints {@code testing: chunk K of P stored} to the console once the
 * chunk's transaction has committed (P the partition's step name) and sleeps N ms, so a crash test can kill the process
 * in the middle of ingest at a known point. K counts the partition's stored chunks across restarts (it is saved with
 * each chunk), so each stored chunk is announced once, however often the run was killed. Operators never set it.
 */
public class TestingPause implements ChunkListener<SubmittedRow, RowOutcome>, ItemStream {

    private static final String STORED_CHUNKS = "testing.storedChunks";

    private final long millis;
    private final String partition;
    private int chunks;

    public TestingPause(long millis, String partition) {
        this.millis = millis;
        this.partition = partition;
    }

    @Override
    public void open(ExecutionContext context) {
        chunks = context.getInt(STORED_CHUNKS, 0);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(STORED_CHUNKS, chunks);
    }

    @Override
    public void afterChunk(Chunk<RowOutcome> chunk) {
        if (millis <= 0) {
            return;
        }
        // called inside the chunk's transaction: the chunk is stored only once it commits
        int number = ++chunks;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                System.out.println("testing: chunk " + number + " of " + partition + " stored");
                System.out.flush();
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }
}
