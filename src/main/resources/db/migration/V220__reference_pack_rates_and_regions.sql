-- Issue 18, second part: region changes carried by reference packs (docs/decisions/0180-reference-packs.md).
-- region_history_mark: at a province, the highest region_history id when the pack was signed, so the next pack
-- knows which region changes are new (the clock alone cannot order them).
ALTER TABLE reference_pack ADD COLUMN region_history_mark BIGINT;

-- At a district: a region code a pack retires that still has people holding posts there. It is kept (active) and
-- flagged for the clerk until no one holds a post there; then the next pack retires it.
CREATE TABLE reference_region_flag (
    code              VARCHAR(13)  NOT NULL,
    province_code     VARCHAR(20)  NOT NULL,
    pack_number       INTEGER      NOT NULL,   -- the pack that asked to retire it
    holders           INTEGER      NOT NULL,   -- people holding posts there when the pack was applied
    flagged_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at       TIMESTAMP WITH TIME ZONE,
    resolution        VARCHAR(16),             -- RETIRED (a later pack retired it) | RESTORED (a later pack kept it)
    CONSTRAINT pk_v220_reference_region_flag PRIMARY KEY (code, pack_number)
);
