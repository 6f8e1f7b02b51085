-- What readAndValidateSubmissions found in each file it read, stored in the transaction of the chunk that read it (so a
-- partition restarted from its last commit counts nothing twice): the reader's own count of rows read, which
-- checkRowAccounting compares with the rows stored, and whether an indicator code was accepted twice in the file
-- (DUPLICATES_NOTED 1: only those files are looked at by settleDuplicates). One record per file of a run, whichever
-- partition, thread or worker process read it; CRC32C as in every table of the job (ChecksummedTable).
CREATE TABLE SUBMISSION_FILE_READ (
    RUN_ID            BIGINT       NOT NULL,
    FILE_NAME         VARCHAR(300) NOT NULL,
    ROWS_READ         BIGINT       NOT NULL,
    DUPLICATES_NOTED  INT          NOT NULL,
    CRC32C            BIGINT,
    PRIMARY KEY (RUN_ID, FILE_NAME)
);
