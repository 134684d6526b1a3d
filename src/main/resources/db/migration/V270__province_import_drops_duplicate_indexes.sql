-- Issue 14, import speed (decision 0200): three secondary indexes of the province-side copy duplicate the leading
-- columns of a wider index that every query can use instead, and each cost the national import a B-tree insert per
-- row. prov_post (district_code) is the prefix of ix_v75_prov_post_district_cat (district_code, category,
-- village_code); prov_enrolment (district_code) of prov_enrolment_person_idx (district_code, person_id);
-- prov_enrolment_status (enrolment_id) of ix_v75_prov_status_enrolment (enrolment_id, district_code,
-- effective_date, recorded_at). Portable SQL (H2 and PostgreSQL).
DROP INDEX IF EXISTS prov_post_district_idx;
DROP INDEX IF EXISTS prov_enrolment_district_idx;
DROP INDEX IF EXISTS prov_enrolment_status_idx;
