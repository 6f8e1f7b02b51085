-- What readAndValidateSubmissions found in each file it read, stored in the transaction of the chunk that read it (so a
-- partition restarted from its last commit counts nothing twice): the reader's own count of rows read, which
-- checkRowAccounting compares with the rows stored, and whether an indicator code was accepted twice in the file (only
-- those files are looked at by settleDuplicates). Kept per file of a run, whichever partition or process read it.
CREATE TABLE SUBMISSION_FILE_READ (
    RUN_ID            BIGINT       NOT NULL,
    FILE_NAME         VARCHAR(300) NOT NULL,
    ROWS_READ         BIGINT       NOT NULL,
    DUPLICATES_NOTED  BOOLEAN      NOT NULL,
    PRIMARY KEY (RUN_ID, FILE_NAME)
);
