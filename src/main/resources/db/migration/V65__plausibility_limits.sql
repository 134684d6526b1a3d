-- Plausibility limits (issue 12 item 6): values a person would never mean (a wage of Rp999.999.999.999.999.999,
-- a birth date in 1800) are refused with the range, in forms, the CLI and imports alike.
-- Dated like the contribution rates: the row of a key with the latest valid_from on or before a date applies;
-- a later row supersedes, nothing is edited in place.
--   WAGE_BASE_MIN            lowest wage base, rupiah
--   WAGE_BASE_CAP_MULTIPLE   highest wage base = this × the JP wage cap in force on that date
--   BIRTH_YEAR_MIN           earliest birth year
CREATE TABLE plausibility_limit (
    id              UUID          NOT NULL PRIMARY KEY,
    limit_key       VARCHAR(40)   NOT NULL,
    valid_from      DATE          NOT NULL,
    amount          BIGINT        NOT NULL,
    note            VARCHAR(400)
);
CREATE INDEX plausibility_limit_key_idx ON plausibility_limit (limit_key, valid_from);

INSERT INTO plausibility_limit (id, limit_key, valid_from, amount, note) VALUES
 ('00000000-0000-0000-0065-000000000001', 'WAGE_BASE_MIN', DATE '1900-01-01', 1, 'Upah dasar paling rendah Rp1'),
 ('00000000-0000-0000-0065-000000000002', 'WAGE_BASE_CAP_MULTIPLE', DATE '1900-01-01', 10, 'Upah dasar paling tinggi 10 x batas upah JP'),
 ('00000000-0000-0000-0065-000000000003', 'BIRTH_YEAR_MIN', DATE '1900-01-01', 1900, 'Tahun lahir paling awal');
