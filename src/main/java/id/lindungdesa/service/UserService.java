package id.lindungdesa.service;

import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.User;
import id.lindungdesa.i18n.LocalizedException;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.Tx;
import id.lindungdesa.persistence.UserRepository;
import id.lindungdesa.persistence.UserRepository.Credentials;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The office's users, their passwords and the signed-in session (issue 17, decision 0160). The set-up person is the
 * first user (admin + head); while the office has one user the login is off and that user is signed in; the first
 * extra user turns the login on. Five wrong passwords in a row lock that login for five minutes (recorded in the
 * audit trail). Every refusal is thrown before anything is written.
 */
public final class UserService {
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_OUT = Duration.ofMinutes(5);
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Audit summaries are written in Indonesian, as elsewhere in the trail. */
    private static final Messages ID = new Messages(Messages.INDONESIAN);

    private final Database db;
    private final UserRepository repo;
    private final Session session;
    private final Clock clock;
    private final AuditLog audit;

    public UserService(Database db, UserRepository repo, Session session, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.session = session;
        this.clock = clock;
        this.audit = audit;
    }

    public Session session() {
        return session;
    }

    /** The users, the set-up user first. */
    public List<User> list() {
        return db.read(repo::all);
    }

    public Optional<User> find(String login) {
        return db.read(tx -> repo.find(tx, login)).map(Credentials::user);
    }

    /** True when the office has more than one user: people sign in. */
    public boolean loginOn() {
        return session.loginOn();
    }

    /**
     * Makes the office's set-up person its first user (admin + head) when there is none: at set-up and when a
     * database made before users existed is opened. Its earlier audit entries keep their recorded name.
     */
    public void ensureFirstUser(Optional<Office> office) {
        office.ifPresent(o -> session.setOfficeCode(o.regionCode()));
        if (office.isPresent() && db.read(repo::count) == 0) {
            db.writeVoid(tx -> {
                if (repo.count(tx) > 0) return;
                User u = new User(UUID.randomUUID(), loginFrom(office.get().clerkName()), office.get().clerkName(),
                        EnumSet.of(Role.ADMIN, Role.HEAD), true, false, false, now());
                repo.insert(tx, u, null);
            });
        }
        refresh();
    }

    /** Re-reads the users: who is signed in and whether the login is on. */
    public void refresh() {
        List<User> all = db.read(repo::all);
        boolean on = all.size() > 1;
        User current = session.user().orElse(null);
        if (!on) {
            session.set(all.isEmpty() ? null : all.get(0), false);
        } else {
            User again = current == null ? null : all.stream().filter(u -> u.login().equals(current.login()))
                    .filter(User::active).findFirst().orElse(null);
            session.set(again, true);
        }
    }

    /** "Budi Santoso" → "budi.santoso" (letters and digits, accents dropped; "admin" when nothing is left). */
    public static String loginFrom(String name) {
        String s = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
        if (s.length() > 32) s = s.substring(0, 32).replaceAll("\\.+$", "");
        return LOGIN.matcher(s).matches() ? s : "admin";
    }

    /**
     * Signs {@code login} in. Refused for an unknown login or wrong password (the same message), a disabled user, a
     * login that waits after five wrong passwords; the fifth wrong one starts the wait and is audited.
     */
    public User signIn(String login, char[] password) {
        String l = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        Credentials c = db.read(tx -> repo.find(tx, l)).orElseThrow(() -> new LocalizedException("users.error.wrong"));
        check(c, password);
        List<User> all = db.read(repo::all);
        session.set(c.user(), all.size() > 1);
        return c.user();
    }

    /** "Kunci layar": the signed-in user types their password again; wrong ones count towards the lock-out. */
    public void unlock(char[] password) {
        User u = session.user().orElseThrow(() -> new LocalizedException("users.error.wrong"));
        Credentials c = db.read(tx -> repo.find(tx, u.login())).orElseThrow(
                () -> new LocalizedException("users.error.wrong"));
        check(c, password);
    }

    private void check(Credentials c, char[] password) {
        OffsetDateTime now = now();
        User u = c.user();
        if (!u.active()) throw new LocalizedException("users.error.disabled", u.login());
        if (c.lockedUntil() != null && now.isBefore(c.lockedUntil())) {
            throw new LocalizedException("users.error.locked", u.login(), minutesLeft(now, c.lockedUntil()));
        }
        if (c.passwordHash() == null) {
            if (db.read(repo::count) > 1) throw new LocalizedException("users.error.noPassword", u.login());
            return; // the only user, before they set a password: the login is off
        }
        if (PasswordHash.verify(password == null ? new char[0] : password, c.passwordHash())) {
            if (c.failedCount() > 0 || c.lockedUntil() != null) {
                db.writeVoid(tx -> repo.setFailures(tx, u.login(), 0, null));
            }
            return;
        }
        int failed = (c.lockedUntil() != null ? 0 : c.failedCount()) + 1;
        if (failed >= MAX_FAILURES) {
            OffsetDateTime until = now.plus(LOCK_OUT);
            db.writeVoid(tx -> {
                repo.setFailures(tx, u.login(), 0, until);
                audit.recordText(tx, "LOCKOUT", "user", u.login(), null, ID.get(
                        "users.audit.lockout", u.login(), MAX_FAILURES, LOCK_OUT.toMinutes()));
            });
            throw new LocalizedException("users.error.lockedNow", u.login(), MAX_FAILURES, LOCK_OUT.toMinutes());
        }
        db.writeVoid(tx -> repo.setFailures(tx, u.login(), failed, null));
        throw new LocalizedException("users.error.wrongLeft", MAX_FAILURES - failed);
    }

    private static long minutesLeft(OffsetDateTime now, OffsetDateTime until) {
        long s = Duration.between(now, until).getSeconds();
        return Math.max(1, (s + 59) / 60);
    }

    /**
     * Adds a user (admin). While the office has one user, that user must have set a password first, since adding
     * turns the login on.
     */
    public User add(String login, String name, Set<Role> roles, char[] password) {
        audit.require(Role.ADMIN, "access.do.users");
        String l = login == null ? "" : login.strip();
        if (!LOGIN.matcher(l).matches()) throw new LocalizedException("users.error.login", l);
        if (name == null || name.isBlank()) throw new LocalizedException("users.error.name");
        if (roles == null || roles.isEmpty()) throw new LocalizedException("users.error.roles");
        checkPassword(password);
        String hash = PasswordHash.hash(password);
        User u = new User(UUID.randomUUID(), l, name.strip(), roles, true, true, false, now());
        db.writeVoid(tx -> {
            if (repo.find(tx, l).isPresent()) throw new LocalizedException("users.error.exists", l);
            List<User> all = repo.all(tx);
            if (all.size() == 1 && !all.get(0).hasPassword()) {
                throw new LocalizedException("users.error.firstNeedsPassword", all.get(0).login());
            }
            repo.insert(tx, u, hash);
            audit.record(tx, "CREATE", "user", u.id(), null, null, ID.get("users.audit.added",
                    u.login(), u.name(), Role.codes(roles)), null, Map.of("login", u.login(), "name", u.name(),
                    "roles", Role.codes(roles)));
        });
        refresh();
        return u;
    }

    /**
     * Sets a password: one's own (the signed-in user, or the only user of an office without login), or, for an
     * admin, another user's as a one-time password that must be changed at the next log-in.
     */
    public void setPassword(String login, char[] password) {
        User me = session.user().orElse(null);
        boolean own = me != null && me.login().equals(login);
        if (!own) audit.require(Role.ADMIN, "access.do.resetPassword");
        checkPassword(password);
        String hash = PasswordHash.hash(password);
        db.writeVoid(tx -> {
            Credentials c = repo.find(tx, login).orElseThrow(() -> new LocalizedException("users.error.unknown",
                    login));
            repo.setPassword(tx, login, hash, !own);
            audit.recordText(tx, own ? "PASSWORD" : "PASSWORD_RESET", "user", c.user().login(), null,
                    ID.get(own ? "users.audit.password" : "users.audit.reset", login));
        });
        refresh();
    }

    /** Changes the signed-in user's own password after checking the current one. */
    public void changeOwnPassword(char[] current, char[] next) {
        User me = session.user().orElseThrow(() -> new LocalizedException("access.notSignedIn",
                Messages.tr("access.do.change")));
        checkPassword(next);
        Credentials c = db.read(tx -> repo.find(tx, me.login())).orElseThrow();
        if (c.passwordHash() != null) check(c, current);
        setPassword(me.login(), next);
    }

    /** An admin resets another user's password to a new one-time password, returned to be handed over. */
    public char[] resetPassword(String login) {
        char[] once = oneTimePassword();
        setPassword(login, once);
        return once;
    }

    public void disable(String login) {
        audit.require(Role.ADMIN, "access.do.users");
        User me = session.user().orElse(null);
        if (me != null && me.login().equals(login)) throw new LocalizedException("users.error.disableSelf");
        change(login, u -> new User(u.id(), u.login(), u.name(), u.roles(), false, u.hasPassword(), u.mustChange(),
                u.createdAt()), (tx, u) -> repo.setActive(tx, login, false), "DISABLE", "users.audit.disabled");
    }

    public void enable(String login) {
        audit.require(Role.ADMIN, "access.do.users");
        change(login, u -> new User(u.id(), u.login(), u.name(), u.roles(), true, u.hasPassword(), u.mustChange(),
                u.createdAt()), (tx, u) -> repo.setActive(tx, login, true), "ENABLE", "users.audit.enabled");
    }

    /** Changes a user's roles (admin); never leaves the office without an active admin and an active head. */
    public void setRoles(String login, Set<Role> roles) {
        audit.require(Role.ADMIN, "access.do.users");
        if (roles == null || roles.isEmpty()) throw new LocalizedException("users.error.roles");
        change(login, u -> new User(u.id(), u.login(), u.name(), roles, u.active(), u.hasPassword(), u.mustChange(),
                u.createdAt()), (tx, u) -> repo.setRoles(tx, login, roles), "ROLES", "users.audit.roles");
    }

    private interface Write {
        void apply(Tx tx, User u);
    }

    private void change(String login, java.util.function.UnaryOperator<User> after, Write write, String action,
                        String summaryKey) {
        db.writeVoid(tx -> {
            List<User> all = repo.all(tx);
            User u = all.stream().filter(x -> x.login().equals(login)).findFirst()
                    .orElseThrow(() -> new LocalizedException("users.error.unknown", login));
            User changed = after.apply(u);
            List<User> then = all.stream().map(x -> x.login().equals(login) ? changed : x).toList();
            if (then.stream().noneMatch(x -> x.active() && x.roles().contains(Role.ADMIN))) {
                throw new LocalizedException("users.error.lastAdmin", login);
            }
            if (then.stream().noneMatch(x -> x.active() && x.roles().contains(Role.HEAD))) {
                throw new LocalizedException("users.error.lastHead", login);
            }
            write.apply(tx, u);
            audit.record(tx, action, "user", u.id(), null, null, ID.get(summaryKey, login,
                    Role.codes(changed.roles())), Map.of("login", u.login(), "roles", Role.codes(u.roles()),
                    "active", u.active()), Map.of("login", changed.login(), "roles", Role.codes(changed.roles()),
                    "active", changed.active()));
        });
        refresh();
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length == 0) throw new LocalizedException("users.error.passwordEmpty");
        if (password.length < MIN_PASSWORD) {
            throw new LocalizedException("users.error.passwordShort", MIN_PASSWORD);
        }
    }

    /** Ten letters and digits without look-alikes (no 0/O, 1/l/I). */
    static char[] oneTimePassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        char[] out = new char[10];
        for (int i = 0; i < out.length; i++) out[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
        return out;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
