-- Issue 18: signed reference packs from the province down (docs/decisions/0180-reference-packs.md).
-- direction ISSUED: packs this province office signed; APPLIED: packs this district office imported.
CREATE TABLE reference_pack (
    direction         VARCHAR(8)   NOT NULL,
    province_code     VARCHAR(20)  NOT NULL,
    pack_number       INTEGER      NOT NULL,
    sha256            VARCHAR(64)  NOT NULL,   -- SHA-256 of the pack's signed payload bytes
    previous_sha256   VARCHAR(64),             -- the chain: the previous pack's payload hash
    key_id            VARCHAR(40)  NOT NULL,   -- the province key that signed it
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_on        DATE         NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_v130_reference_pack PRIMARY KEY (direction, province_code, pack_number)
);
