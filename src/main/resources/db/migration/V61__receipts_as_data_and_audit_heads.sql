-- Issue 12.3: a receipt is data. The signed receipt is committed with the import; the file is an export of it and
-- can be made again ('bundle receipt --again BUNDLE_ID'). receipt_file: where it was last written (NULL: not yet).
ALTER TABLE bundle_import ADD COLUMN receipt_json CLOB;
ALTER TABLE bundle_import ADD COLUMN receipt_file VARCHAR(1000);
-- Issue 12.2: the head of the issuing office's audit trail (entry count + keyed MAC) as stated in each bundle.
ALTER TABLE bundle_import ADD COLUMN audit_count BIGINT;
ALTER TABLE bundle_import ADD COLUMN audit_head VARCHAR(64);
ALTER TABLE bundle_export ADD COLUMN audit_count BIGINT;
ALTER TABLE bundle_export ADD COLUMN audit_head VARCHAR(64);
