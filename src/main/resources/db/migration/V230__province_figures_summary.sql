-- Province and national figures kept per district (issue 14, decision 0126). A bundle import refreshes its own
-- district's rows in its transaction (persistence.ProvinceFiguresRepository.refreshSummary), computed by the same
-- queries that compute them on the fly (decision 0125), for the import's date. Figures only change at a post's
-- start or end date or a status's effective date, so the rows hold for every date d with
-- valid_from <= d < valid_until (NULL: no such change before / after); a date outside is computed on the fly for
-- that district. A database made before this version has no rows: the program fills them when it opens it.

CREATE TABLE prov_fig_district (
    district_code       VARCHAR(13)   NOT NULL PRIMARY KEY,
    figures_on          DATE          NOT NULL,            -- the date the figures were computed for
    valid_from          DATE,                              -- the last change on or before figures_on (NULL: none)
    valid_until         DATE,                              -- the first change after figures_on (NULL: none)
    people              INTEGER       NOT NULL,            -- people not removed
    office_holders      INTEGER       NOT NULL,            -- distinct holders of current posts
    enrolled_active     INTEGER       NOT NULL,            -- people with an ACTIVE enrolment
    bundle_id           UUID,                              -- the bundle whose import computed them (NULL: on open)
    computed_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Current posts per district and category (of people not removed; ASN and PPPK included).
CREATE TABLE prov_fig_posts (
    district_code       VARCHAR(13)   NOT NULL,
    category            VARCHAR(24)   NOT NULL,
    posts               INTEGER       NOT NULL,
    PRIMARY KEY (district_code, category)
);

-- Distinct covered and eligible people per village and category (a row only where someone is eligible).
CREATE TABLE prov_fig_village_cat (
    district_code       VARCHAR(13)   NOT NULL,
    village_code        VARCHAR(13)   NOT NULL,
    category            VARCHAR(24)   NOT NULL,
    covered             INTEGER       NOT NULL,
    eligible            INTEGER       NOT NULL,
    PRIMARY KEY (district_code, village_code, category)
);

-- Distinct holders, eligible and covered people per village (a person once per village).
CREATE TABLE prov_fig_village (
    district_code       VARCHAR(13)   NOT NULL,
    village_code        VARCHAR(13)   NOT NULL,
    holders             INTEGER       NOT NULL,
    eligible            INTEGER       NOT NULL,
    covered             INTEGER       NOT NULL,
    PRIMARY KEY (district_code, village_code)
);
