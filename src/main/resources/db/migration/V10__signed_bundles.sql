-- Signed bundles (issue 3): office keys, trust registry, bundles sent and received, and the province-side copy of
-- district data. Every province-side record carries the bundle its current content came from (source_bundle_id)
-- and the last bundle that contained it (last_seen_bundle_id).

-- This office's signing keys. The private key is PKCS#8, encrypted under a passphrase (PBKDF2-HMAC-SHA256 +
-- AES-256-GCM, see docs/bundle-format.md). status: ACTIVE | RETIRING (announcing its successor) | RETIRED.
CREATE TABLE office_key (
    key_id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    algorithm           VARCHAR(16)   NOT NULL,
    public_key          VARCHAR(400)  NOT NULL,            -- base64 X.509 SubjectPublicKeyInfo
    encrypted_private   VARCHAR(2000) NOT NULL,            -- JSON: kdf, iterations, salt, cipher, iv, ciphertext
    fingerprint         VARCHAR(400)  NOT NULL,            -- words read over the phone
    status              VARCHAR(16)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at          TIMESTAMP WITH TIME ZONE
);

-- Public keys of other offices this office trusts (a province: its districts; a district: its province).
CREATE TABLE trusted_key (
    key_id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    algorithm           VARCHAR(16)   NOT NULL,
    public_key          VARCHAR(400)  NOT NULL,
    fingerprint         VARCHAR(400)  NOT NULL,
    office_code         VARCHAR(13)   NOT NULL,
    office_name         VARCHAR(200)  NOT NULL,
    office_level        VARCHAR(16)   NOT NULL,
    added_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by            VARCHAR(200)  NOT NULL,
    introduced_by_key   VARCHAR(40),                       -- set when enrolled through a rotation announcement
    introduced_by_bundle UUID,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    revoked_reason      VARCHAR(400)
);
CREATE INDEX trusted_key_office_idx ON trusted_key (office_code);

-- Bundles this office made (a district's exports). The next export chains to the last one.
CREATE TABLE bundle_export (
    bundle_id           UUID          NOT NULL PRIMARY KEY,
    kind                VARCHAR(40)   NOT NULL,
    sequence_no         BIGINT        NOT NULL,
    key_id              VARCHAR(40)   NOT NULL,
    statement_sha256    VARCHAR(64)   NOT NULL,            -- SHA-256 of the signed manifest bytes
    payload_sha256      VARCHAR(64)   NOT NULL,
    payload_size        BIGINT        NOT NULL,
    period_label        VARCHAR(16)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    file_name           VARCHAR(400),
    counts_json         VARCHAR(2000) NOT NULL,
    rotation_key_id     VARCHAR(40),                       -- key announced in this bundle, if any
    delivered_at        TIMESTAMP WITH TIME ZONE,
    receipt_office      VARCHAR(200),
    receipt_json        CLOB
);
CREATE UNIQUE INDEX bundle_export_seq_idx ON bundle_export (kind, sequence_no);

-- Bundles this office received and applied (a province's imports).
CREATE TABLE bundle_import (
    bundle_id           UUID          NOT NULL PRIMARY KEY,
    kind                VARCHAR(40)   NOT NULL,
    issuer_code         VARCHAR(13)   NOT NULL,
    issuer_name         VARCHAR(200)  NOT NULL,
    issuer_level        VARCHAR(16)   NOT NULL,
    sequence_no         BIGINT        NOT NULL,
    key_id              VARCHAR(40)   NOT NULL,
    statement_sha256    VARCHAR(64)   NOT NULL,
    previous_sha256     VARCHAR(64),
    payload_sha256      VARCHAR(64)   NOT NULL,
    period_label        VARCHAR(16)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by         VARCHAR(200)  NOT NULL,
    file_name           VARCHAR(400),
    counts_json         VARCHAR(4000) NOT NULL,
    warnings            VARCHAR(4000)
);
CREATE UNIQUE INDEX bundle_import_seq_idx ON bundle_import (issuer_code, kind, sequence_no);

-- Province-side copy of district data (keyed by record id + issuing district: ids are unique per district).
-- The id comes first in each key so that batch look-ups (id IN (...)) use the index.
CREATE TABLE prov_region (
    district_code       VARCHAR(13)   NOT NULL,
    code                VARCHAR(13)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    level               VARCHAR(16)   NOT NULL,            -- SUBDISTRICT | VILLAGE
    village_type        VARCHAR(16),
    parent_code         VARCHAR(13),
    active              BOOLEAN       NOT NULL,
    content_hash        VARCHAR(64)   NOT NULL,
    source_bundle_id    UUID          NOT NULL,
    last_seen_bundle_id UUID          NOT NULL,
    PRIMARY KEY (code, district_code)
);
CREATE INDEX prov_region_district_idx ON prov_region (district_code);

CREATE TABLE prov_person (
    district_code       VARCHAR(13)   NOT NULL,
    id                  UUID          NOT NULL,
    version             INT           NOT NULL,
    nik                 VARCHAR(16)   NOT NULL,
    full_name           VARCHAR(200)  NOT NULL,
    sex                 CHAR(1)       NOT NULL,
    birth_date          DATE,
    birth_place         VARCHAR(100),
    nkk                 VARCHAR(16),
    phone               VARCHAR(32),
    employment_status   VARCHAR(16)   NOT NULL,
    home_village_code   VARCHAR(13),
    deleted_at          TIMESTAMP WITH TIME ZONE,
    deleted_reason      VARCHAR(400),
    content_hash        VARCHAR(64)   NOT NULL,
    source_bundle_id    UUID          NOT NULL,
    last_seen_bundle_id UUID          NOT NULL,
    PRIMARY KEY (id, district_code)
);
CREATE INDEX prov_person_district_idx ON prov_person (district_code);
CREATE INDEX prov_person_nik_idx ON prov_person (nik);

CREATE TABLE prov_post (
    district_code       VARCHAR(13)   NOT NULL,
    id                  UUID          NOT NULL,
    version             INT           NOT NULL,
    person_id           UUID          NOT NULL,
    village_code        VARCHAR(13)   NOT NULL,
    category            VARCHAR(24)   NOT NULL,
    position            VARCHAR(40)   NOT NULL,
    unit_label          VARCHAR(100),
    sk_number           VARCHAR(120),
    sk_date             DATE,
    start_date          DATE          NOT NULL,
    planned_end_date    DATE,
    end_date            DATE,
    end_reason          VARCHAR(24),
    deleted_at          TIMESTAMP WITH TIME ZONE,
    deleted_reason      VARCHAR(400),
    content_hash        VARCHAR(64)   NOT NULL,
    source_bundle_id    UUID          NOT NULL,
    last_seen_bundle_id UUID          NOT NULL,
    PRIMARY KEY (id, district_code)
);
CREATE INDEX prov_post_district_idx ON prov_post (district_code);
CREATE INDEX prov_post_village_idx ON prov_post (village_code);

CREATE TABLE prov_enrolment (
    district_code       VARCHAR(13)   NOT NULL,
    id                  UUID          NOT NULL,
    version             INT           NOT NULL,
    person_id           UUID          NOT NULL,
    post_id             UUID,
    kpj                 VARCHAR(20),
    segment             VARCHAR(8)    NOT NULL,
    programmes          VARCHAR(40)   NOT NULL,            -- e.g. "JKK,JKM"
    jkk_risk_class      INT           NOT NULL,
    wage_base           BIGINT        NOT NULL,
    funding_source      VARCHAR(16)   NOT NULL,
    deleted_at          TIMESTAMP WITH TIME ZONE,
    deleted_reason      VARCHAR(400),
    content_hash        VARCHAR(64)   NOT NULL,
    source_bundle_id    UUID          NOT NULL,
    last_seen_bundle_id UUID          NOT NULL,
    PRIMARY KEY (id, district_code)
);
CREATE INDEX prov_enrolment_district_idx ON prov_enrolment (district_code);
CREATE INDEX prov_enrolment_person_idx ON prov_enrolment (district_code, person_id);

CREATE TABLE prov_enrolment_status (
    district_code       VARCHAR(13)   NOT NULL,
    id                  UUID          NOT NULL,
    enrolment_id        UUID          NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    effective_date      DATE          NOT NULL,
    note                VARCHAR(400),
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by         VARCHAR(200)  NOT NULL,
    source_bundle_id    UUID          NOT NULL,
    PRIMARY KEY (id, district_code)
);
CREATE INDEX prov_enrolment_status_idx ON prov_enrolment_status (enrolment_id);
CREATE INDEX prov_enrolment_status_district_idx ON prov_enrolment_status (district_code);
