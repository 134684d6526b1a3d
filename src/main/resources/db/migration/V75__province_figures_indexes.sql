-- Province and national figures from SQL (issue 14): indexes for the aggregation queries over the prov_* tables
-- (persistence.ProvinceFiguresRepository, decision 0125). Names carry the version so branches never collide.

-- The state of an enrolment on a date: its statuses by enrolment, newest effective first.
CREATE INDEX ix_v75_prov_status_enrolment ON prov_enrolment_status (enrolment_id, district_code, effective_date,
    recorded_at);

-- Current posts of a district by category (stats, coverage per category) without visiting ended ones.
CREATE INDEX ix_v75_prov_post_district_cat ON prov_post (district_code, category, village_code);

-- A kecamatan's villages in the drill-down.
CREATE INDEX ix_v75_prov_region_parent ON prov_region (parent_code);

-- The last bundle of each kabupaten/kota (reporting list).
CREATE INDEX ix_v75_bundle_import_issuer ON bundle_import (issuer_code, sequence_no);
