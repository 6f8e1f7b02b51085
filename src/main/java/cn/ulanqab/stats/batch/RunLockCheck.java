package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.database.RunControl;
import cn.ulanqab.stats.submission.RowOutcome;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** Fails a step, before it starts and before each chunk is stored, once the run has lost its run lock. */
class RunLockCheck implements StepExecutionListener, ItemWriteListener<RowOutcome> {

    private final RunControl runControl;

    RunLockCheck(RunControl runControl) {
        this.runControl = runControl;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runControl.checkHeld();
    }

    @Override
    public void beforeWrite(Chunk<? extends RowOutcome> items) {
        runControl.checkHeld();
    }
}
