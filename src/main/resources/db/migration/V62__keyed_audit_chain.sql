-- Issue 12.2: the audit chain is keyed (HMAC-SHA256). The key lives outside the database, in <db>.audit-key.json;
-- this row says which key, and where the unkeyed (SHA-256) part of an upgraded trail ends (decision 0111).
CREATE TABLE audit_chain (
    key_id              VARCHAR(16)   NOT NULL PRIMARY KEY,  -- first 8 bytes of SHA-256(key), hex
    legacy_until        BIGINT        NOT NULL,              -- entries 1..legacy_until are plain SHA-256
    legacy_head         VARCHAR(64)   NOT NULL,              -- hash of entry legacy_until (zeros when none)
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
