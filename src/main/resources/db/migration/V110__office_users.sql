-- Issue 17: the people who use this office's database, their roles and passwords (Argon2id, decision 0160).
-- The set-up clerk of a database made before this version becomes its first user (admin + head) when the program
-- opens it; that is done in Java (the login is derived from the clerk's name), not here.
CREATE TABLE office_user (
    id                UUID          NOT NULL PRIMARY KEY,
    login             VARCHAR(32)   NOT NULL,
    name              VARCHAR(200)  NOT NULL,
    role_list         VARCHAR(100)  NOT NULL,              -- comma-separated: viewer, clerk, head, admin
    active            BOOLEAN       NOT NULL,
    password_hash     VARCHAR(300),                        -- PHC string $argon2id$v=19$m=…,t=…,p=…$salt$hash; NULL: none yet
    must_change       BOOLEAN       NOT NULL,              -- a one-time password set by an admin
    failed_count      INTEGER       NOT NULL,              -- wrong passwords in a row
    locked_until      TIMESTAMP WITH TIME ZONE,            -- after 5 wrong passwords: no log-in before this
    created_seq       INTEGER       NOT NULL,              -- order of creation: the set-up user is 1
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_v110_office_user_login UNIQUE (login)
);

-- The audit trail names the signed-in person: login and the office's region code beside the name kept in `actor`.
-- Entries written before this version keep NULL here and their recorded name (their MAC is unchanged).
ALTER TABLE audit_entry ADD COLUMN actor_login VARCHAR(32);
ALTER TABLE audit_entry ADD COLUMN actor_office VARCHAR(13);
