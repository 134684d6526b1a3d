-- Issue 14, import speed (decision 0200): the summary of a district (V230, decision 0126) is refreshed set-based.
-- One INSERT ... SELECT writes the district's current posts once, each with whether its holder is eligible and
-- covered on the date (the same conditions as the figures computed on the fly); the summary tables are then
-- GROUP BYs over these rows, and the rows are deleted again in the same transaction. Outside an import's
-- transaction the table is empty. Portable SQL (H2 and PostgreSQL).
CREATE TABLE prov_fig_work (
    district_code       VARCHAR(13)   NOT NULL,
    village_code        VARCHAR(13)   NOT NULL,
    category            VARCHAR(24)   NOT NULL,
    person_id           UUID          NOT NULL,
    eligible            BOOLEAN       NOT NULL,
    covered             BOOLEAN       NOT NULL
);
