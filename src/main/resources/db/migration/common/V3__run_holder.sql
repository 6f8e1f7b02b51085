-- Who holds the run lock of this schema (PostgreSQL: a session-level advisory lock; H2: the output folder's file lock).
-- One line; the lock itself decides, this only names the holder to a run that is refused.
CREATE TABLE RUN_HOLDER (
    LOCK_NAME VARCHAR(64)  NOT NULL PRIMARY KEY,
    HOST      VARCHAR(255) NOT NULL,
    PID       BIGINT       NOT NULL,
    PERIOD    VARCHAR(16),
    STARTED   TIMESTAMP WITH TIME ZONE NOT NULL
);
