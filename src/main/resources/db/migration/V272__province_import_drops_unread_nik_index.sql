-- Issue 14, import speed (decision 0200): prov_person (nik) is read by no query. The province and national reads
-- select a person's NIK with the row but never look people up by it (roster paging, drill-down and the figures go
-- by district, village and person id), so the index only cost the import one more B-tree insert per person.
-- The province keeps no NIK search: a NIK is searched at the district that registered the person.
-- Portable SQL (H2 and PostgreSQL).
DROP INDEX IF EXISTS prov_person_nik_idx;
