-- The job's own tables as release 0.1.0 left them (its schema.sql after all of its ALTER TABLEs), in SQL that H2 2.x
-- and PostgreSQL both read. RUN_ID is the Spring Batch job instance id: one run per period and input fingerprint,
-- shared by its restarts. Later changes are later migrations; this file is never edited.

-- The files of a run's submission folder, one line of the ledger each.
CREATE TABLE SUBMISSION_FILE (
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

-- Rejected rows, one record each with what was read and why it was rejected. (A database written before accepted
-- rows were packed also holds accepted rows here, with REASON null; they are still read.)
CREATE TABLE SUBMISSION_ROW (
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

-- Accepted rows, packed (PackedRows): one record per file and chunk, written in the chunk's transaction.
CREATE TABLE ACCEPTED_ROWS (
    RUN_ID      BIGINT       NOT NULL,
    FILE_NAME   VARCHAR(300) NOT NULL,
    FIRST_LINE  BIGINT       NOT NULL,
    LAST_LINE   BIGINT       NOT NULL,
    COUNTY_CODE VARCHAR(12)  NOT NULL,
    ROW_COUNT   INT          NOT NULL,
    ROWS_DATA   BYTEA        NOT NULL,
    PRIMARY KEY (RUN_ID, FILE_NAME, FIRST_LINE)
);

CREATE TABLE RECONCILIATION (
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
    MISSING_COUNTIES    TEXT,
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

-- The total of an indicator for a region (a city, province, country …): REPORTED and MISSING list county codes.
CREATE TABLE CITY_TOTAL (
    RUN_ID         BIGINT       NOT NULL,
    INDICATOR_CODE VARCHAR(100) NOT NULL,
    REGION_CODE    VARCHAR(12)  DEFAULT '' NOT NULL,
    TOTAL_TEXT     VARCHAR(200),
    REPORTED       TEXT,
    MISSING        TEXT,
    COMPLETE       BOOLEAN      NOT NULL,
    NO_DATA        BOOLEAN      NOT NULL,
    NOTE           VARCHAR(1000),
    PRIMARY KEY (RUN_ID, INDICATOR_CODE, REGION_CODE)
);

-- Every line of input/reviews/<period>.csv: REASON is null for an accepted review.
CREATE TABLE REVIEW_ROW (
    RUN_ID         BIGINT NOT NULL,
    LINE           BIGINT NOT NULL,
    INDICATOR_CODE VARCHAR(1000),
    RAW_VALUE      VARCHAR(1000),
    REASON         VARCHAR(32),
    MESSAGE        VARCHAR(2000),
    PRIMARY KEY (RUN_ID, LINE)
);

-- The reviewers' file as read by a run: its fingerprint and, when it could not be read, why.
CREATE TABLE REVIEW_FILE (
    RUN_ID    BIGINT       NOT NULL PRIMARY KEY,
    FILE_NAME VARCHAR(300) NOT NULL,
    ENCODING  VARCHAR(16),
    SHA256    CHAR(64),
    PROBLEM   VARCHAR(1000)
);
