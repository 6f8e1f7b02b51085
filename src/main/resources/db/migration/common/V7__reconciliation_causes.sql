-- A finding's causes as data (issue 14): one record per cause of a reconciliation line, in the line's order, with the
-- facts each output words in its own language. The hint is no longer stored as text.
CREATE TABLE RECONCILIATION_CAUSE (
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

ALTER TABLE RECONCILIATION DROP COLUMN HINT;

-- the basis a review was written against, beside REVIEW_TOTAL: how many units had reported, which county the
-- diagnosis named
ALTER TABLE RECONCILIATION ADD COLUMN REVIEW_COUNTIES INT;
ALTER TABLE RECONCILIATION ADD COLUMN REVIEW_NAMED_COUNTY VARCHAR;
