-- Contribution ledger (issue 6): what the clerk recorded as paid, per month, funding source and scope.
-- The scope is the region the payment covers: the district (one payment for everyone, e.g. APBD) or one village
-- (APBDes, Dana Desa). What was billed is computed from the enrolments; only payments are stored.
CREATE TABLE contribution_payment (
    id              UUID          NOT NULL PRIMARY KEY,
    version         INT           NOT NULL,
    period_month    DATE          NOT NULL,            -- first day of the month paid for
    funding_source  VARCHAR(16)   NOT NULL,            -- APBD | APBDES | DANA_DESA | SELF
    scope_code      VARCHAR(13)   NOT NULL,            -- district, kecamatan or village code
    amount_paid     BIGINT        NOT NULL,            -- rupiah
    paid_date       DATE,
    note            VARCHAR(400),
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by     VARCHAR(200)  NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE,
    deleted_reason  VARCHAR(400)
);
CREATE INDEX contribution_payment_period_idx ON contribution_payment (period_month, funding_source);
