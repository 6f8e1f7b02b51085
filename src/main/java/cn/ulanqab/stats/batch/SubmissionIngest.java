package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.submission.RowOutcome;
import cn.ulanqab.stats.submission.RowValidator;
import cn.ulanqab.stats.submission.SubmissionStore;
import cn.ulanqab.stats.submission.SubmittedRow;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reader, validator and writer of readAndValidateSubmissions, built for each execution of the step from the night
 * being run ({@link #beforeStep}, which Spring Batch calls before it opens the reader and the writer) and then
 * called directly. Step-scoped beans would do the same through a proxy that looks the step scope up on every call:
 * three calls per row cost about 6 of the 19 seconds of the national run's 5.7 million rows.
 */
final class SubmissionIngest implements StepExecutionListener {

    private final SubmissionStore store;
    private final CurrentNight tonight;
    private final TransactionTemplate ownTransaction;
    private final JobRepository jobs;
    private SubmissionRowsReader rows;
    private RowValidator validator;
    private SubmissionRowWriter storing;

    SubmissionIngest(SubmissionStore store, CurrentNight tonight, PlatformTransactionManager tm, JobRepository jobs) {
        this.store = store;
        this.tonight = tonight;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jobs = jobs;
    }

    @Override
    public void beforeStep(StepExecution step) {
        Night night = tonight.get();
        long runId = step.getJobExecution().getJobInstanceId();
        // a file that changed while it was read: its rows go and the reader's position goes back to its start, together,
        // in a transaction of their own (the chunk's own transaction is rolled back by the failure)
        rows = new SubmissionRowsReader(night.submissionFolder(), store.filesToRead(runId), store.sha256ByName(runId),
                (file, savePosition) -> ownTransaction.executeWithoutResult(status -> {
                    store.discardRows(runId, file);
                    savePosition.run();
                }), () -> jobs.updateExecutionContext(step));
        validator = new RowValidator(night.reference().registry(), night.reference().catalog(), night.period());
        storing = new SubmissionRowWriter(runId, store);
    }

    ItemStreamReader<SubmittedRow> reader() {
        return new Rows();
    }

    ItemProcessor<SubmittedRow, RowOutcome> validator() {
        return row -> validator.validate(row);
    }

    ItemStreamWriter<RowOutcome> writer() {
        return new Storing();
    }

    /** The open, update and close of the reader or writer of the current step execution. */
    private abstract static class CurrentStream implements ItemStream {
        abstract ItemStream current();

        @Override
        public void open(ExecutionContext context) {
            current().open(context);
        }

        @Override
        public void update(ExecutionContext context) {
            current().update(context);
        }

        @Override
        public void close() {
            current().close();
        }
    }

    private final class Rows extends CurrentStream implements ItemStreamReader<SubmittedRow> {
        @Override
        ItemStream current() {
            return rows;
        }

        @Override
        public SubmittedRow read() {
            return rows.read();
        }
    }

    private final class Storing extends CurrentStream implements ItemStreamWriter<RowOutcome> {
        @Override
        ItemStream current() {
            return storing;
        }

        @Override
        public void write(Chunk<? extends RowOutcome> chunk) {
            storing.write(chunk);
        }
    }
}
