-- Agreements (PKS) with BPJS Ketenagakerjaan, their addenda, the scanned document, and monitoring/evaluation (monev).
-- Aggregates (agreement, addendum, monev evaluation, follow-up) carry a UUID and a version like the core's records;
-- their child rows (parties, legal bases, coverage terms, changes) are replaced with the parent and bump its version.

CREATE TABLE agreement (
    id                     UUID          NOT NULL PRIMARY KEY,
    version                INT           NOT NULL,
    agreement_number       VARCHAR(200)  NOT NULL,
    title                  VARCHAR(400)  NOT NULL,
    signing_date           DATE          NOT NULL,
    valid_from             DATE          NOT NULL,
    valid_to               DATE          NOT NULL,
    budget_ceiling         BIGINT,                          -- whole rupiah
    notes                  VARCHAR(4000),
    monev_interval_months  INT           NOT NULL,
    renews_agreement_id    UUID,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at             TIMESTAMP WITH TIME ZONE,
    deleted_reason         VARCHAR(400)
);

CREATE TABLE agreement_party (
    agreement_id   UUID          NOT NULL,
    ordinal        INT           NOT NULL,
    party_role     VARCHAR(200)  NOT NULL,                  -- e.g. "Pihak Pertama"
    party_name     VARCHAR(400)  NOT NULL,                  -- e.g. "DPMD Kabupaten Serang"
    signatory      VARCHAR(400),                            -- name and office of who signed
    PRIMARY KEY (agreement_id, ordinal)
);

CREATE TABLE agreement_legal_basis (
    agreement_id   UUID          NOT NULL,
    ordinal        INT           NOT NULL,
    reference      VARCHAR(400)  NOT NULL,                  -- e.g. "UU 6/2014 Pasal 66"
    PRIMARY KEY (agreement_id, ordinal)
);

-- What the original agreement covers: per category and funding source, the programmes and the rate or wage base.
CREATE TABLE agreement_term (
    agreement_id          UUID          NOT NULL,
    ordinal               INT           NOT NULL,
    category              VARCHAR(24)   NOT NULL,
    funding_source        VARCHAR(16)   NOT NULL,
    programmes            VARCHAR(40)   NOT NULL,           -- e.g. "JKK,JKM"
    wage_base             BIGINT,                           -- rupiah per month, when set by the agreement
    monthly_contribution  BIGINT,                           -- rupiah per person per month, when set by the agreement
    PRIMARY KEY (agreement_id, ordinal)
);

-- The scanned signed document, inside the database (one file to back up and carry); checked by SHA-256 on open.
CREATE TABLE agreement_attachment (
    agreement_id   UUID          NOT NULL PRIMARY KEY,
    file_name      VARCHAR(400)  NOT NULL,
    media_type     VARCHAR(100),
    size_bytes     BIGINT        NOT NULL,
    sha256         CHAR(64)      NOT NULL,
    content        BLOB          NOT NULL,
    added_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE addendum (
    id                  UUID          NOT NULL PRIMARY KEY,
    version             INT           NOT NULL,
    agreement_id        UUID          NOT NULL,
    addendum_number     VARCHAR(200)  NOT NULL,
    signing_date        DATE          NOT NULL,
    effective_date      DATE          NOT NULL,
    new_valid_to        DATE,                               -- extends (or shortens) the validity
    new_budget_ceiling  BIGINT,
    notes               VARCHAR(4000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at          TIMESTAMP WITH TIME ZONE,
    deleted_reason      VARCHAR(400)
);
CREATE INDEX addendum_agreement_idx ON addendum (agreement_id);

CREATE TABLE addendum_change (
    addendum_id           UUID          NOT NULL,
    ordinal               INT           NOT NULL,
    change_kind           VARCHAR(16)   NOT NULL,           -- ADD | CHANGE | REMOVE
    category              VARCHAR(24)   NOT NULL,
    funding_source        VARCHAR(16)   NOT NULL,
    programmes            VARCHAR(40)   NOT NULL,
    wage_base             BIGINT,
    monthly_contribution  BIGINT,
    PRIMARY KEY (addendum_id, ordinal)
);

-- The monev schedule: generated every N months from signing, then editable row by row.
CREATE TABLE monev_schedule (
    id              UUID          NOT NULL PRIMARY KEY,
    version         INT           NOT NULL,
    agreement_id    UUID          NOT NULL,
    due_date        DATE          NOT NULL,
    evaluation_id   UUID,                                   -- set when an evaluation fulfils it
    note            VARCHAR(400),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX monev_schedule_agreement_idx ON monev_schedule (agreement_id);

CREATE TABLE monev_evaluation (
    id              UUID          NOT NULL PRIMARY KEY,
    version         INT           NOT NULL,
    agreement_id    UUID          NOT NULL,
    eval_date       DATE          NOT NULL,
    participants    VARCHAR(4000) NOT NULL,
    findings        VARCHAR(8000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE,
    deleted_reason  VARCHAR(400)
);
CREATE INDEX monev_evaluation_agreement_idx ON monev_evaluation (agreement_id);

-- Coverage figures captured on the evaluation date (covered / eligible per category).
CREATE TABLE monev_coverage (
    evaluation_id   UUID          NOT NULL,
    category        VARCHAR(24)   NOT NULL,
    covered         INT           NOT NULL,
    eligible        INT           NOT NULL,
    PRIMARY KEY (evaluation_id, category)
);

CREATE TABLE monev_follow_up (
    id              UUID          NOT NULL PRIMARY KEY,
    version         INT           NOT NULL,
    evaluation_id   UUID          NOT NULL,
    action_text     VARCHAR(2000) NOT NULL,
    owner           VARCHAR(200)  NOT NULL,
    due_date        DATE          NOT NULL,
    done_date       DATE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX monev_follow_up_evaluation_idx ON monev_follow_up (evaluation_id);
