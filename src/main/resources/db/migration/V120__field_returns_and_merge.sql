-- Issue 15, steps 3-7 (decision 0170): the officer's copy of a field package, the base it started from, the returns
-- it sent; on the district, the returns merged and the conflicts that wait for a person.

-- Officer side: every package opened here (the newest is the current base).
CREATE TABLE field_opened (
    package_id        UUID         NOT NULL,
    sequence          BIGINT       NOT NULL,   -- the district's package sequence
    district_code     VARCHAR(13)  NOT NULL,
    district_key_id   VARCHAR(40)  NOT NULL,
    kecamatan_code    VARCHAR(13)  NOT NULL,
    statement_sha256  VARCHAR(64)  NOT NULL,
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by         VARCHAR(200) NOT NULL,
    CONSTRAINT pk_v120_field_opened PRIMARY KEY (package_id)
);

-- Officer side: the base values of every record as the current package carried them (field -> value, JSON).
CREATE TABLE field_base (
    entity            VARCHAR(16)  NOT NULL,   -- person, post, enrolment
    record_id         UUID         NOT NULL,
    version           INTEGER      NOT NULL,
    fields_json       VARCHAR(8000) NOT NULL,
    CONSTRAINT pk_v120_field_base PRIMARY KEY (entity, record_id)
);

-- Officer side: the returns written, numbered per officer and chained by manifest hash.
CREATE TABLE field_return_out (
    sequence          BIGINT       NOT NULL,
    return_id         UUID         NOT NULL,
    package_id        UUID         NOT NULL,
    content_sha256    VARCHAR(64)  NOT NULL,   -- of the change set: the same edits give the same return
    statement_sha256  VARCHAR(64)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_v120_field_return_out PRIMARY KEY (sequence)
);

-- District side: the returns merged.
CREATE TABLE field_return_in (
    return_id         UUID         NOT NULL,
    package_id        UUID         NOT NULL,
    officer_key_id    VARCHAR(40)  NOT NULL,
    officer_name      VARCHAR(200) NOT NULL,
    sequence          BIGINT       NOT NULL,
    statement_sha256  VARCHAR(64)  NOT NULL,
    applied           INTEGER      NOT NULL,
    unchanged         INTEGER      NOT NULL,
    conflicts         INTEGER      NOT NULL,
    merged_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    merged_by         VARCHAR(200) NOT NULL,
    CONSTRAINT pk_v120_field_return_in PRIMARY KEY (return_id)
);
CREATE UNIQUE INDEX ux_v120_field_return_in_seq ON field_return_in (officer_key_id, sequence);

-- District side: a field changed on both sides to different values (or edited on one, removed on the other, or a
-- new person whose NIK is already on a roster). The district value stays until a person settles it; the officer's
-- value is kept here, and after settling in the record's history.
CREATE TABLE field_conflict (
    id                UUID         NOT NULL,
    return_id         UUID         NOT NULL,
    package_id        UUID         NOT NULL,
    officer_key_id    VARCHAR(40)  NOT NULL,
    officer_name      VARCHAR(200) NOT NULL,
    entity            VARCHAR(16)  NOT NULL,
    record_id         UUID         NOT NULL,
    field             VARCHAR(40)  NOT NULL,
    base_value        VARCHAR(2000),
    district_value    VARCHAR(2000),
    officer_value     VARCHAR(2000),
    state             VARCHAR(16)  NOT NULL,   -- OPEN, RESOLVED
    resolution        VARCHAR(16),             -- DISTRICT, OFFICER, VALUE
    resolved_value    VARCHAR(2000),
    resolved_by       VARCHAR(200),
    resolved_at       TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_v120_field_conflict PRIMARY KEY (id)
);
CREATE INDEX ix_v120_field_conflict_record ON field_conflict (entity, record_id, field);

-- District side: every officer value a merge applied (so a later conflict on the same field names both officers).
CREATE TABLE field_applied (
    return_id         UUID         NOT NULL,
    officer_key_id    VARCHAR(40)  NOT NULL,
    officer_name      VARCHAR(200) NOT NULL,
    entity            VARCHAR(16)  NOT NULL,
    record_id         UUID         NOT NULL,
    field             VARCHAR(40)  NOT NULL,
    new_value         VARCHAR(2000),
    applied_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_v120_field_applied PRIMARY KEY (return_id, entity, record_id, field)
);
