-- The CRC32C of each packed record of accepted rows (RecordChecksum), checked whenever the record is read. Records
-- stored before this migration have none (null) and are read as they are.
ALTER TABLE ACCEPTED_ROWS ADD COLUMN CRC32C BIGINT;
