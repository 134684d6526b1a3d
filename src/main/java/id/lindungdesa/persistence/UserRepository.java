package id.lindungdesa.persistence;

import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.User;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record;

/** The office's users (issue 17, table {@code office_user}). The password hash never leaves {@link Credentials}. */
public final class UserRepository {
    private static final String COLUMNS = "id, login, name, role_list, active, password_hash, must_change, "
            + "failed_count, locked_until, created_seq, created_at";

    /** A user with what signing in needs: the stored hash (null: none set), wrong tries in a row, lock-out end. */
    public record Credentials(User user, String passwordHash, int failedCount, OffsetDateTime lockedUntil) {
        @Override
        public String toString() {
            return "Credentials[" + user.login() + ", failed=" + failedCount + ", lockedUntil=" + lockedUntil + "]";
        }
    }

    public List<User> all(Tx tx) {
        return tx.dsl().resultQuery("SELECT " + COLUMNS + " FROM office_user ORDER BY created_seq")
                .fetch(r -> map(r).user());
    }

    public long count(Tx tx) {
        return tx.dsl().resultQuery("SELECT COUNT(*) FROM office_user").fetchOne(0, Long.class);
    }

    public Optional<Credentials> find(Tx tx, String login) {
        return tx.dsl().resultQuery("SELECT " + COLUMNS + " FROM office_user WHERE login = ?", login)
                .fetchOptional(UserRepository::map);
    }

    public void insert(Tx tx, User u, String passwordHash) {
        Integer max = tx.dsl().resultQuery("SELECT MAX(created_seq) FROM office_user").fetchOne(0, Integer.class);
        tx.dsl().execute("INSERT INTO office_user (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?)",
                u.id(), u.login(), u.name(), Role.codes(u.roles()), u.active(), passwordHash, u.mustChange(),
                max == null ? 1 : max + 1, u.createdAt());
    }

    public void setPassword(Tx tx, String login, String passwordHash, boolean mustChange) {
        tx.dsl().execute("UPDATE office_user SET password_hash = ?, must_change = ?, failed_count = 0, "
                + "locked_until = NULL WHERE login = ?", passwordHash, mustChange, login);
    }

    public void setActive(Tx tx, String login, boolean active) {
        tx.dsl().execute("UPDATE office_user SET active = ? WHERE login = ?", active, login);
    }

    public void setRoles(Tx tx, String login, java.util.Set<Role> roles) {
        tx.dsl().execute("UPDATE office_user SET role_list = ? WHERE login = ?", Role.codes(roles), login);
    }

    public void setName(Tx tx, String login, String name) {
        tx.dsl().execute("UPDATE office_user SET name = ? WHERE login = ?", name, login);
    }

    /** Records a wrong password: the count in a row, and the end of a lock-out when one starts. */
    public void setFailures(Tx tx, String login, int failedCount, OffsetDateTime lockedUntil) {
        tx.dsl().execute("UPDATE office_user SET failed_count = ?, locked_until = ? WHERE login = ?", failedCount,
                lockedUntil, login);
    }

    private static Credentials map(Record r) {
        String hash = r.get(5, String.class);
        User u = new User(r.get(0, UUID.class), r.get(1, String.class), r.get(2, String.class),
                Role.parseList(r.get(3, String.class)), Boolean.TRUE.equals(r.get(4, Boolean.class)), hash != null,
                Boolean.TRUE.equals(r.get(6, Boolean.class)), r.get(10, OffsetDateTime.class));
        Integer failed = r.get(7, Integer.class);
        return new Credentials(u, hash, failed == null ? 0 : failed, r.get(8, OffsetDateTime.class));
    }
}
