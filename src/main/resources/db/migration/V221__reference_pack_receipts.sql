-- Issue 18: which district runs which reference pack, as the province learns it (decision 0180).
-- A district's signed receipt "I applied pack #N", imported at the province.
CREATE TABLE reference_pack_receipt (
    district_code     VARCHAR(20)  NOT NULL,
    district_name     VARCHAR(200) NOT NULL,
    pack_number       INTEGER      NOT NULL,
    pack_sha256       VARCHAR(64)  NOT NULL,   -- the applied pack's payload hash (must be the one issued)
    applied_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id            VARCHAR(40)  NOT NULL,   -- the district key that signed the receipt
    statement_sha256  VARCHAR(64)  NOT NULL,
    kept_regions      VARCHAR(4000),           -- region codes the district kept although the pack retires them
    CONSTRAINT pk_v221_reference_pack_receipt PRIMARY KEY (district_code, pack_number)
);

-- The pack number a district bundle's manifest names (format version 3; null: none or an older bundle).
ALTER TABLE bundle_import ADD COLUMN reference_pack_number INTEGER;
