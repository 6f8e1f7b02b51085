package cn.ulanqab.stats.database;

/** The run lock's connection ended while the run was going on. */
public class RunLockLostException extends IllegalStateException {

    public RunLockLostException(String message) {
        super(message);
    }
}
