-- Issue 15 (field visits): the field packages a district issued to its kecamatan officers, and the version of every
-- record each package carried (the base of the three-way merge of the officer's return).
CREATE TABLE field_package (
    package_id        UUID         NOT NULL,
    sequence          BIGINT       NOT NULL,   -- 1, 2, 3... per district (the bundle chain of field packages)
    kecamatan_code    VARCHAR(20)  NOT NULL,
    officer_key_id    VARCHAR(40)  NOT NULL,   -- the officer's trusted signing key
    officer_name      VARCHAR(200) NOT NULL,
    recipient_key_id  VARCHAR(40)  NOT NULL,   -- the X25519 key the personal data is sealed to
    signing_key_id    VARCHAR(40)  NOT NULL,
    statement_sha256  VARCHAR(64)  NOT NULL,   -- SHA-256 of the signed manifest bytes
    payload_sha256    VARCHAR(64)  NOT NULL,
    payload_size      BIGINT       NOT NULL,
    counts_json       VARCHAR(2000) NOT NULL,
    file_name         VARCHAR(500) NOT NULL,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by         VARCHAR(200) NOT NULL,
    state             VARCHAR(20)  NOT NULL,   -- SENT, RETURNED, MERGED
    CONSTRAINT pk_v101_field_package PRIMARY KEY (package_id),
    CONSTRAINT uq_v101_field_package_seq UNIQUE (sequence)
);
CREATE INDEX ix_v101_field_package_officer ON field_package (officer_key_id, kecamatan_code);

CREATE TABLE field_package_record (
    package_id        UUID         NOT NULL,
    entity            VARCHAR(20)  NOT NULL,   -- person, post, enrolment
    record_id         UUID         NOT NULL,
    version           INTEGER      NOT NULL,
    CONSTRAINT pk_v101_field_package_record PRIMARY KEY (package_id, entity, record_id),
    CONSTRAINT fk_v101_field_package_record FOREIGN KEY (package_id) REFERENCES field_package (package_id)
);
