-- Tables of the reconciliation job (Spring Batch keeps its own BATCH_* tables beside them).
-- RUN_ID is the Spring Batch job instance id: one run per period and input fingerprint, shared by its restarts.
CREATE TABLE IF NOT EXISTS SUBMISSION_FILE (
    RUN_ID      BIGINT       NOT NULL,
    SEQ         INT          NOT NULL,
    FILE_NAME   VARCHAR(300) NOT NULL,
    COUNTY_CODE VARCHAR(12),
    VERSION     INT,
    STATUS      VARCHAR(16)  NOT NULL,
    ENCODING    VARCHAR(16),
    SHA256      CHAR(64),
    REASON      VARCHAR(1000),
    PRIMARY KEY (RUN_ID, SEQ)
);

-- Rejected rows, one record each with what was read and why it was rejected. (A database written before accepted rows
-- were packed also holds accepted rows here, with REASON null; they are still read.)
CREATE TABLE IF NOT EXISTS SUBMISSION_ROW (
    RUN_ID         BIGINT       NOT NULL,
    FILE_NAME      VARCHAR(300) NOT NULL,
    LINE           BIGINT       NOT NULL,
    FILE_COUNTY    VARCHAR(12)  NOT NULL,
    COUNTY_CODE    VARCHAR(1000),
    INDICATOR_CODE VARCHAR(1000),
    PERIOD         VARCHAR(1000),
    RAW_VALUE      VARCHAR(1000),
    UNIT           VARCHAR(1000),
    REMARK         VARCHAR(1000),
    VALUE_TEXT     VARCHAR(200),
    REASON         VARCHAR(32),
    MESSAGE        VARCHAR(2000),
    PRIMARY KEY (RUN_ID, FILE_NAME, LINE)
);

-- Accepted rows, packed (PackedRows): one record per file and chunk, written in the chunk's transaction. A record
-- holds every field of its rows; an insert per row would cost more than reading, validating and summing them.
CREATE TABLE IF NOT EXISTS ACCEPTED_ROWS (
    RUN_ID      BIGINT         NOT NULL,
    FILE_NAME   VARCHAR(300)   NOT NULL,
    FIRST_LINE  BIGINT         NOT NULL,
    LAST_LINE   BIGINT         NOT NULL,
    COUNTY_CODE VARCHAR(12)    NOT NULL,
    ROW_COUNT   INT            NOT NULL,
    ROWS_DATA   BINARY VARYING NOT NULL,
    PRIMARY KEY (RUN_ID, FILE_NAME, FIRST_LINE)
);

CREATE TABLE IF NOT EXISTS RECONCILIATION (
    RUN_ID              BIGINT       NOT NULL,
    SEQ                 INT          NOT NULL,
    INDICATOR_CODE      VARCHAR(100) NOT NULL,
    NAME_ZH             VARCHAR(200),
    NAME_EN             VARCHAR(200),
    UNIT                VARCHAR(50),
    PUBLISHED_TEXT      VARCHAR(200),
    PUBLISHED_VALUE     VARCHAR(100),
    CLAIM               VARCHAR(300),
    CITY_TOTAL          VARCHAR(100),
    AS_PRINTED          VARCHAR(200),
    DIFFERENCE          VARCHAR(100),
    RELATIVE_DIFFERENCE VARCHAR(100),
    STATUS              VARCHAR(16)  NOT NULL,
    COUNTIES_REPORTED   INT          NOT NULL,
    MISSING_COUNTIES    VARCHAR(1000),
    HINT                VARCHAR(2000),
    SECTION             VARCHAR(100),
    QUOTE               VARCHAR(1000),
    REVIEW_LINE         BIGINT,
    DISPOSITION         VARCHAR(16),
    REVIEW_NOTE         VARCHAR(2000),
    REVIEWER            VARCHAR(200),
    REVIEW_DATE         DATE,
    REVIEW_TOTAL        VARCHAR(100),
    REGION_CODE         VARCHAR(12),
    PRIMARY KEY (RUN_ID, SEQ)
);
-- a database created before regions: the region of each line (null there: the one city)
ALTER TABLE RECONCILIATION ADD COLUMN IF NOT EXISTS REGION_CODE VARCHAR(12);
ALTER TABLE RECONCILIATION ALTER COLUMN MISSING_COUNTIES SET DATA TYPE CHARACTER LARGE OBJECT;

-- The total of an indicator for a region (a city, province, country …): REPORTED and MISSING list county codes.
CREATE TABLE IF NOT EXISTS CITY_TOTAL (
    RUN_ID         BIGINT       NOT NULL,
    INDICATOR_CODE VARCHAR(100) NOT NULL,
    REGION_CODE    VARCHAR(12)  DEFAULT '' NOT NULL,
    TOTAL_TEXT     VARCHAR(200),
    REPORTED       CHARACTER LARGE OBJECT,
    MISSING        CHARACTER LARGE OBJECT,
    COMPLETE       BOOLEAN      NOT NULL,
    NO_DATA        BOOLEAN      NOT NULL,
    NOTE           VARCHAR(1000),
    PRIMARY KEY (RUN_ID, INDICATOR_CODE, REGION_CODE)
);
-- a database created before regions: CITY_TOTAL only holds totals between two steps of a run; it gets the
-- region column and the region in its key (the key is rebuilt at every start, a small table)
ALTER TABLE CITY_TOTAL ADD COLUMN IF NOT EXISTS REGION_CODE VARCHAR(12) DEFAULT '' NOT NULL;
ALTER TABLE CITY_TOTAL ALTER COLUMN REPORTED SET DATA TYPE CHARACTER LARGE OBJECT;
ALTER TABLE CITY_TOTAL ALTER COLUMN MISSING SET DATA TYPE CHARACTER LARGE OBJECT;
ALTER TABLE CITY_TOTAL DROP PRIMARY KEY;
ALTER TABLE CITY_TOTAL ADD PRIMARY KEY (RUN_ID, INDICATOR_CODE, REGION_CODE);

-- Every line of input/reviews/<period>.csv: REASON is null for an accepted review.
CREATE TABLE IF NOT EXISTS REVIEW_ROW (
    RUN_ID         BIGINT NOT NULL,
    LINE           BIGINT NOT NULL,
    INDICATOR_CODE VARCHAR(1000),
    RAW_VALUE      VARCHAR(1000),
    REASON         VARCHAR(32),
    MESSAGE        VARCHAR(2000),
    PRIMARY KEY (RUN_ID, LINE)
);

-- The reviewers' file as read by a run: its fingerprint and, when it could not be read, why.
CREATE TABLE IF NOT EXISTS REVIEW_FILE (
    RUN_ID   BIGINT       NOT NULL PRIMARY KEY,
    FILE_NAME VARCHAR(300) NOT NULL,
    ENCODING VARCHAR(16),
    SHA256   CHAR(64),
    PROBLEM  VARCHAR(1000)
);

-- settleDuplicates reads one file's key range (RUN_ID, FILE_NAME) at a time; the index of older databases on
-- (RUN_ID, FILE_NAME, INDICATOR_CODE) only slowed every insert.
DROP INDEX IF EXISTS SUBMISSION_ROW_BY_INDICATOR;

-- The causes of each reconciliation line as data (kind and facts); each output words them itself.
CREATE TABLE IF NOT EXISTS RECONCILIATION_CAUSE (
    RUN_ID      BIGINT      NOT NULL,
    SEQ         INT         NOT NULL,
    POS         INT         NOT NULL,
    KIND        VARCHAR(32) NOT NULL,
    COUNTY_CODE VARCHAR,
    FILE_NAME   VARCHAR,
    LINE        BIGINT,
    CODE        VARCHAR(32),
    RAW_TEXT    VARCHAR,
    REMARK      VARCHAR,
    VALUE_TEXT  VARCHAR(200),
    FACTOR      VARCHAR(40),
    CLOSING     VARCHAR(200),
    PRIMARY KEY (RUN_ID, SEQ, POS)
);
-- the basis a review was written against, beside REVIEW_TOTAL
ALTER TABLE RECONCILIATION ADD COLUMN IF NOT EXISTS REVIEW_COUNTIES INT;
ALTER TABLE RECONCILIATION ADD COLUMN IF NOT EXISTS REVIEW_NAMED_COUNTY VARCHAR;
