-- Yearly coverage targets (Universal Coverage Jamsostek), per region (province or district) and optionally per
-- category (NULL = all categories). The province supplies them; a district may enter them by hand.
CREATE TABLE coverage_target (
    id              UUID          NOT NULL PRIMARY KEY,
    region_code     VARCHAR(13)   NOT NULL,
    target_year     INT           NOT NULL,
    category        VARCHAR(24),
    target_percent  DECIMAL(5,2)  NOT NULL,
    source          VARCHAR(200),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX coverage_target_idx ON coverage_target (region_code, target_year);
