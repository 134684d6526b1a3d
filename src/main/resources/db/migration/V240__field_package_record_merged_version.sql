-- Issue 15: the version a package's record reached when the district merged that package's officer's own changes
-- into a record the district had left alone. A later return's tombstone compares against it, so an officer who
-- removes a record after an earlier return of theirs was merged is not taken for a district edit. NULL: no merge
-- moved it; the issued version (column version) stays the record of what the package carried.
ALTER TABLE field_package_record ADD COLUMN merged_version INTEGER;
