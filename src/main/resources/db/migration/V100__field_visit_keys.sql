-- Issue 15 (field visits): the X25519 encryption keys that field packages and returns are sealed to (HPKE, RFC 9180;
-- decision 0150). An office's encryption key is signed by its Ed25519 signing key, so comparing the signing key's
-- fingerprint words also vouches for the encryption key published beside it in the public key file.
CREATE TABLE office_enc_key (
    key_id            VARCHAR(40)  NOT NULL,   -- first 8 bytes of SHA-256(raw X25519 public key), hex
    signing_key_id    VARCHAR(40)  NOT NULL,   -- the office_key that signed it
    algorithm         VARCHAR(40)  NOT NULL,   -- 'X25519'
    public_key        VARCHAR(200) NOT NULL,   -- raw 32 bytes, base64
    encrypted_private VARCHAR(2000) NOT NULL,  -- AES-256-GCM under the office passphrase (as office_key)
    signature         VARCHAR(200) NOT NULL,   -- Ed25519 over PAE(encryption-key type, raw public key)
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_v100_office_enc_key PRIMARY KEY (key_id)
);

CREATE TABLE trusted_enc_key (
    signing_key_id    VARCHAR(40)  NOT NULL,   -- the trusted_key that vouches for it
    key_id            VARCHAR(40)  NOT NULL,
    algorithm         VARCHAR(40)  NOT NULL,
    public_key        VARCHAR(200) NOT NULL,
    signature         VARCHAR(200) NOT NULL,
    added_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_v100_trusted_enc_key PRIMARY KEY (signing_key_id)
);
