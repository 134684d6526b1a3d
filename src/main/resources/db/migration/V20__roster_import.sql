-- Roster imports from spreadsheets (issue 4): one row per applied import (the receipt) and one per file row that
-- wrote something, so that every created or changed record can be traced to its file, row and import.
-- The audit trail carries one hash-chained IMPORT entry per run naming the run and the hash of its rows, plus a
-- before/after entry per changed row.
CREATE TABLE import_run (
    id              UUID          NOT NULL PRIMARY KEY,
    file_name       VARCHAR(400)  NOT NULL,
    file_sha256     VARCHAR(64)   NOT NULL,
    sheet_name      VARCHAR(200),
    applied_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(200)  NOT NULL,
    rows_new        INT           NOT NULL,
    rows_changed    INT           NOT NULL,
    rows_unchanged  INT           NOT NULL,
    rows_refused    INT           NOT NULL,
    rows_sha256     VARCHAR(64)   NOT NULL
);

CREATE TABLE import_row (
    run_id          UUID          NOT NULL,
    row_no          INT           NOT NULL,
    result          VARCHAR(16)   NOT NULL,            -- NEW | CHANGED
    person_id       UUID,
    post_id         UUID,
    village_code    VARCHAR(13),
    changes         VARCHAR(400),
    PRIMARY KEY (run_id, row_no),
    CONSTRAINT import_row_run_fk FOREIGN KEY (run_id) REFERENCES import_run (id)
);
CREATE INDEX import_row_person_idx ON import_row (person_id);
