-- Issue 12.1: a stolen key stays stolen. Revocation has an effective time ("compromised since") and travels down the
-- chain of keys announced through rotations; a key announced while its office has a revoked key waits for a person
-- to confirm it (decision 0110).
ALTER TABLE trusted_key ADD COLUMN revoked_since TIMESTAMP WITH TIME ZONE;   -- compromised since (NULL: since enrolment)
ALTER TABLE trusted_key ADD COLUMN revoked_via VARCHAR(40);                  -- revoked because this announcer was
ALTER TABLE trusted_key ADD COLUMN pending_since TIMESTAMP WITH TIME ZONE;   -- announced, not trusted until confirmed
ALTER TABLE trusted_key ADD COLUMN confirmed_at TIMESTAMP WITH TIME ZONE;    -- a person compared its words
ALTER TABLE trusted_key ADD COLUMN confirmed_by VARCHAR(200);
CREATE INDEX trusted_key_introduced_idx ON trusted_key (introduced_by_key);
