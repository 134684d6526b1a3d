-- Issue 16: several desks write to one PostgreSQL database at once. A row of this table is what a transaction
-- locks (SELECT ... FOR UPDATE) to go one at a time where a check-then-insert would race: the audit chain's head
-- (every appended entry reads the previous one) and, per issuing district, the sequence of imported bundles.
-- On the embedded H2 file one writer holds the file, so nothing waits there.
CREATE TABLE row_lock (
    name VARCHAR(80) NOT NULL PRIMARY KEY
);
INSERT INTO row_lock (name) VALUES ('audit_chain');
