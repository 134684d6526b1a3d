package id.lindungdesa.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.domain.User;
import id.lindungdesa.i18n.LocalizedException;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 7: users and roles through the real services on a real H2 file. Each refusal names the role needed
 * and leaves every row of the database (and the audit trail) exactly as before.
 */
class UsersAndRolesTest {
    static final char[] ADMIN_PW = "kata-sandi-admin".toCharArray();
    static final char[] CLERK_PW = "kata-sandi-petugas".toCharArray();
    static final char[] VIEWER_PW = "kata-sandi-pembaca".toCharArray();
    static final char[] ADMIN_ONLY_PW = "kata-sandi-admin2".toCharArray();

    @TempDir
    Path dir;
    Services s;
    String first;

    /** A clock the test moves forward (the lock-out waits five minutes). */
    static final class MovableClock extends Clock {
        Instant now = LocalDate.of(2026, 2, 16).atTime(9, 0).atZone(TestDb.ZONE).toInstant();

        @Override
        public ZoneId getZone() {
            return TestDb.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();

    @BeforeEach
    void office() {
        Messages.setCurrent(Messages.INDONESIAN);
        s = BundleKit.district(dir, "36.04", 7);
        first = s.users().list().getFirst().login();
    }

    @AfterEach
    void close() {
        s.close();
    }

    /** The office with an admin+head (the set-up user, with a password), a clerk, a viewer and an admin only. */
    void staff() {
        s.users().setPassword(first, ADMIN_PW);
        s.users().add("sari", "Sari Petugas", EnumSet.of(Role.CLERK), CLERK_PW);
        s.users().add("vina", "Vina Pembaca", EnumSet.of(Role.VIEWER), VIEWER_PW);
        s.users().add("adi", "Adi Admin", EnumSet.of(Role.ADMIN), ADMIN_ONLY_PW);
    }

    Person someone() {
        return s.roster().addPerson(new RosterService.NewPerson("3604011203800001", "Ahmad Fauzi", Sex.L,
                LocalDate.of(1980, 3, 12), "Serang", null, null, EmploymentStatus.NON_ASN, null));
    }

    /** Runs {@code action}, expects a refusal whose message contains {@code says}, and an unchanged database. */
    void refusedUnchanged(Runnable action, String says) {
        String before = BundleKit.dump(s);
        long audit = s.audit().count();
        assertThatThrownBy(action::run).isInstanceOf(LocalizedException.class).hasMessageContaining(says);
        assertThat(s.audit().count()).isEqualTo(audit);
        assertThat(BundleKit.dump(s)).isEqualTo(before);
    }

    @Test
    void theSetUpPersonIsTheOnlyUserAndIsNeverAskedToLogIn() {
        var users = s.users().list();
        assertThat(users).hasSize(1);
        User u = users.getFirst();
        assertThat(u.login()).isEqualTo("petugas.demo");
        assertThat(u.name()).isEqualTo("Petugas Demo");
        assertThat(u.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.HEAD);
        assertThat(u.hasPassword()).isFalse();
        assertThat(s.users().loginOn()).isFalse();
        // no sign-in: the single user is the session, and every change names them
        assertThat(s.session().user()).contains(u);
        Person p = someone();
        var entry = s.audit().forPerson(p.id()).getFirst();
        assertThat(entry.actor()).isEqualTo("Petugas Demo");
        assertThat(entry.actorLogin()).isEqualTo("petugas.demo");
        assertThat(entry.actorOffice()).isEqualTo("36.04");
        // a password of one's own keeps the login off
        s.users().setPassword(first, ADMIN_PW);
        assertThat(s.users().loginOn()).isFalse();
        assertThat(s.users().find(first).orElseThrow().mustChange()).isFalse();
        s.close();
        s = TestDb.open(dir, "kab-36.04", BundleKit.TODAY);
        assertThat(s.users().loginOn()).isFalse();
        assertThat(s.session().user().map(User::login)).contains(first);
        assertThat(s.audit().check().intact()).isTrue();
    }

    @Test
    void addingTheFirstExtraUserNeedsAPasswordFirstThenTurnsTheLoginOn() {
        refusedUnchanged(() -> s.users().add("sari", "Sari", EnumSet.of(Role.CLERK), CLERK_PW),
                "users passwd petugas.demo");
        s.users().setPassword(first, ADMIN_PW);
        s.users().add("sari", "Sari Petugas", EnumSet.of(Role.CLERK), CLERK_PW);
        assertThat(s.users().loginOn()).isTrue();
        assertThat(s.users().list()).extracting(User::login).containsExactly(first, "sari");
        // the admin who added stays signed in; reopening asks for a log-in: nobody is signed in
        assertThat(s.session().user().map(User::login)).contains(first);
        s.close();
        s = TestDb.open(dir, "kab-36.04", BundleKit.TODAY);
        assertThat(s.users().loginOn()).isTrue();
        assertThat(s.session().user()).isEmpty();
        refusedUnchanged(this::someone, "masuk dulu");
    }

    @Test
    void aViewerReadsButCannotSaveAPerson() {
        staff();
        Person p = someone();
        s.users().signIn("vina", VIEWER_PW);
        assertThat(s.roster().person(p.id())).isPresent();
        refusedUnchanged(() -> s.roster().updatePerson(p), "Hanya petugas atau kepala bidang yang dapat mengubah data");
        refusedUnchanged(this::someone, "Hanya petugas");
    }

    @Test
    void aClerkEditsButCannotExportABundleNorManageUsersNorBackUp() {
        staff();
        Person p = someone();
        s.users().signIn("sari", CLERK_PW);
        Person renamed = s.roster().updatePerson(new Person(p.id(), p.version(), p.nik(), "Ahmad Fauzi Rahman",
                p.sex(), p.birthDate(), p.birthPlace(), p.nkk(), p.phone(), p.employmentStatus(),
                p.homeVillageCode()));
        assertThat(renamed.fullName()).isEqualTo("Ahmad Fauzi Rahman");
        assertThat(s.audit().forPerson(p.id()).getFirst().actorLogin()).isEqualTo("sari");
        Path out = dir.resolve("serang.ldb");
        refusedUnchanged(() -> BundleKit.export(s, dir, "serang.ldb"),
                "Hanya kepala bidang yang dapat menandatangani bundel");
        assertThat(out).doesNotExist();
        refusedUnchanged(() -> s.bundles().keys().rotate(BundleKit.PASS), "Hanya kepala bidang");
        refusedUnchanged(() -> s.users().add("budi", "Budi", EnumSet.of(Role.CLERK), CLERK_PW),
                "Hanya admin yang dapat mengelola pengguna");
        refusedUnchanged(() -> s.users().resetPassword("vina"), "Hanya admin");
        refusedUnchanged(() -> s.backups().backupNow("manual", null), "Hanya admin yang dapat membuat cadangan");
    }

    @Test
    void anAdminWhoIsNotHeadCannotSignButTheHeadCan() {
        staff();
        s.users().signIn("adi", ADMIN_ONLY_PW);
        refusedUnchanged(() -> BundleKit.export(s, dir, "serang.ldb"), "Hanya kepala bidang");
        // but the admin manages users
        s.users().disable("vina");
        s.users().signIn(first, ADMIN_PW);
        Path bundle = BundleKit.export(s, dir, "serang.ldb");
        assertThat(bundle).exists();
        assertThat(s.audit().check().intact()).isTrue();
    }

    @Test
    void aDisabledUserCannotLogInAndAnEnabledOneCanAgain() {
        staff();
        s.users().disable("sari");
        refusedUnchanged(() -> s.users().signIn("sari", CLERK_PW), "dinonaktifkan");
        s.users().enable("sari");
        assertThat(s.users().signIn("sari", CLERK_PW).login()).isEqualTo("sari");
    }

    @Test
    void badInputIsRefusedAndNothingChanges() {
        staff();
        s.users().signIn(first, ADMIN_PW);
        refusedUnchanged(() -> s.users().add("budi", "Budi", EnumSet.of(Role.CLERK), new char[0]),
                "Kata sandi wajib diisi");
        refusedUnchanged(() -> s.users().add("budi", "Budi", EnumSet.of(Role.CLERK), "pendek".toCharArray()),
                "paling sedikit 8 karakter");
        refusedUnchanged(() -> s.users().setPassword("sari", "1234567".toCharArray()), "paling sedikit 8 karakter");
        refusedUnchanged(() -> s.users().add("sari", "Sari Lain", EnumSet.of(Role.CLERK), CLERK_PW),
                "Login sari sudah dipakai");
        refusedUnchanged(() -> s.users().add("Bad Login!", "X", EnumSet.of(Role.CLERK), CLERK_PW), "tidak sah");
        refusedUnchanged(() -> s.users().disable(first), "menonaktifkan diri sendiri");
        // the set-up user is the only head: neither disabling nor a role change may remove the last head
        refusedUnchanged(() -> s.users().setRoles(first, EnumSet.of(Role.ADMIN)), "kepala bidang yang aktif");
        s.users().signIn("adi", ADMIN_ONLY_PW);
        refusedUnchanged(() -> s.users().disable(first), "kepala bidang yang aktif");
        // two admins: one may stop being admin; then the other is the last admin
        s.users().signIn(first, ADMIN_PW);
        s.users().setRoles("adi", EnumSet.of(Role.VIEWER));
        refusedUnchanged(() -> s.users().setRoles(first, EnumSet.of(Role.HEAD)), "admin yang aktif");
    }

    @Test
    void fiveWrongPasswordsInARowLockThatLoginForFiveMinutesAndTheTrailSaysSo() throws Exception {
        Path db = dir.resolve("lock");
        try (Services t = new Services(Database.open(db, Database.Options.of("test")), clock)) {
            t.office().init(id.lindungdesa.domain.OfficeLevel.DISTRICT, "36.04", "DPMD Kabupaten Serang", "Budi");
            t.users().setPassword("budi", ADMIN_PW);
            t.users().add("sari", "Sari Petugas", EnumSet.of(Role.CLERK), CLERK_PW);
            for (int i = 1; i <= 4; i++) {
                int left = 5 - i;
                assertThatThrownBy(() -> t.users().signIn("sari", "salah-salah".toCharArray()))
                        .hasMessageContaining("Sisa percobaan").hasMessageContaining(String.valueOf(left));
            }
            assertThatThrownBy(() -> t.users().signIn("sari", "salah-salah".toCharArray()))
                    .hasMessageContaining("dikunci 5 menit");
            var lockout = t.database().read(tx -> tx.dsl().fetch(
                    "SELECT action, entity_id, summary FROM audit_entry WHERE action = 'LOCKOUT'"));
            assertThat(lockout).hasSize(1);
            assertThat(lockout.getFirst().get(1, String.class)).isEqualTo("sari");
            // even the right password waits
            assertThatThrownBy(() -> t.users().signIn("sari", CLERK_PW)).hasMessageContaining("Coba lagi dalam 5 menit");
            clock.now = clock.now.plus(Duration.ofMinutes(4));
            assertThatThrownBy(() -> t.users().signIn("sari", CLERK_PW)).hasMessageContaining("1 menit");
            // other logins are not affected
            assertThat(t.users().signIn("budi", ADMIN_PW).login()).isEqualTo("budi");
            clock.now = clock.now.plus(Duration.ofMinutes(1));
            assertThat(t.users().signIn("sari", CLERK_PW).login()).isEqualTo("sari");
            // a right password resets the count: four wrong ones again do not lock
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> t.users().signIn("sari", "salah-lagi".toCharArray()))
                        .hasMessageContaining("Sisa percobaan");
            }
            assertThat(t.users().signIn("sari", CLERK_PW).login()).isEqualTo("sari");
            assertThat(t.audit().check().intact()).isTrue();
        }
    }

    @Test
    void anAdminResetsAPasswordToAOneTimePassword() {
        staff();
        s.users().signIn(first, ADMIN_PW);
        char[] once = s.users().resetPassword("sari");
        assertThat(once).hasSize(10);
        assertThatThrownBy(() -> s.users().signIn("sari", CLERK_PW)).hasMessageContaining("salah");
        User sari = s.users().signIn("sari", once);
        assertThat(sari.mustChange()).isTrue();
        s.users().changeOwnPassword(once, "baru-milik-sari".toCharArray());
        assertThat(s.users().find("sari").orElseThrow().mustChange()).isFalse();
        assertThat(s.users().signIn("sari", "baru-milik-sari".toCharArray()).login()).isEqualTo("sari");
    }

    @Test
    void passwordsAreStoredOnlyAsArgon2idHashes() {
        s.users().setPassword(first, ADMIN_PW);
        String stored = s.database().read(tx -> tx.dsl().fetchOne(
                "SELECT password_hash FROM office_user WHERE login = ?", first).get(0, String.class));
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(new String(ADMIN_PW));
        assertThat(BundleKit.dump(s)).doesNotContain(new String(ADMIN_PW));
        assertThat(PasswordHash.verify(ADMIN_PW, stored)).isTrue();
        assertThat(PasswordHash.verify("kata-sandi-lain".toCharArray(), stored)).isFalse();
    }

    /**
     * Upgrade: a database made before users existed (schema V65, an office and a legacy audit entry) opens with its
     * set-up clerk as the single admin+head user, no log-in; the earlier entry keeps its name; verify passes.
     */
    @Test
    void anOlderDatabaseOpensWithItsClerkAsTheOnlyUser() throws Exception {
        Path db = dir.resolve("old");
        var pool = org.h2.jdbcx.JdbcConnectionPool.create("jdbc:h2:file:" + db.toAbsolutePath(), "lindungdesa", "");
        try {
            org.flywaydb.core.Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("65")
                    .load().migrate();
            var at = java.time.OffsetDateTime.parse("2025-11-03T08:15:30+07:00");
            String id = "0b7f6d3e-1d7a-4f43-9a55-0e0f2d6b1c01";
            String summary = "Kantor diatur: DPMD Kabupaten Serang";
            String canonical = String.join("\u001f", "1", at.toInstant().toString(), "Siti Aminah", "CREATE",
                    "office", id, "null", "null", summary, "null", "null", "0".repeat(64));
            String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            try (var c = pool.getConnection(); var st = c.createStatement()) {
                st.execute("INSERT INTO office (id, level, region_code, name, clerk_name, created_at) VALUES ('" + id
                        + "', 'DISTRICT', '36.04', 'DPMD Kabupaten Serang', 'Siti Aminah', TIMESTAMP WITH TIME ZONE "
                        + "'2025-11-03 08:15:30+07:00')");
                st.execute("INSERT INTO audit_entry (seq, at_time, actor, action, entity_type, entity_id, summary, "
                        + "prev_hash, hash) VALUES (1, TIMESTAMP WITH TIME ZONE '2025-11-03 08:15:30+07:00', "
                        + "'Siti Aminah', 'CREATE', 'office', '" + id + "', '" + summary + "', '" + "0".repeat(64)
                        + "', '" + hash + "')");
                st.execute("SHUTDOWN");
            }
        } finally {
            pool.dispose();
        }
        try (Services old = TestDb.open(dir, "old", BundleKit.TODAY)) {
            assertThat(old.users().list()).singleElement().satisfies(u -> {
                assertThat(u.login()).isEqualTo("siti.aminah");
                assertThat(u.name()).isEqualTo("Siti Aminah");
                assertThat(u.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.HEAD);
                assertThat(u.active()).isTrue();
            });
            assertThat(old.users().loginOn()).isFalse();
            assertThat(old.audit().check().intact()).isTrue();
            old.targets().set("36.04", 2026, id.lindungdesa.domain.Category.BPD, new java.math.BigDecimal("60"),
                    "RPJMD");
            var entries = old.database().read(tx -> tx.dsl().fetch(
                    "SELECT seq, actor, actor_login FROM audit_entry ORDER BY seq"));
            assertThat(entries.getFirst().get(1, String.class)).isEqualTo("Siti Aminah");
            assertThat(entries.getFirst().get(2, String.class)).isNull();
            assertThat(entries.getLast().get(2, String.class)).isEqualTo("siti.aminah");
            assertThat(old.audit().check().intact()).as(old.audit().check().problems().toString()).isTrue();
        }
    }

    @Test
    void loginsAreDerivedFromNames() {
        assertThat(UserService.loginFrom("Budi Santoso")).isEqualTo("budi.santoso");
        assertThat(UserService.loginFrom("Hj. Siti Ñurhaliza")).isEqualTo("hj.siti.nurhaliza");
        assertThat(UserService.loginFrom("  ")).isEqualTo("admin");
    }
}
