package cn.ulanqab.stats.database;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.wording.WordedException;

/** The run lock's connection ended while the run was going on: another process may run now, so this one stops. */
public class RunLockLostException extends WordedException {

    public RunLockLostException(String database) {
        super(database, 0, Detail.of("operator.run.lock.lost"), Detail.of("fix.run.lock.lost"), null);
    }
}
