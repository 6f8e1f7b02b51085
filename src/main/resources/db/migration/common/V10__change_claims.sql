-- Change figures (issue 15): a reconciliation line claims a level or a change against last year's total. A line
-- written before this version is a level line (a null CLAIM_KIND reads as level).
ALTER TABLE RECONCILIATION ADD COLUMN CLAIM_KIND VARCHAR(16);
ALTER TABLE RECONCILIATION ADD COLUMN BASE_TOTAL VARCHAR;
ALTER TABLE RECONCILIATION ADD COLUMN COMPUTED_CHANGE VARCHAR;
