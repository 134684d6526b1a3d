package id.lindungdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.service.Json;
import id.lindungdesa.testing.CliRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Issue 17, CLI: {@code users add|list|passwd|disable|enable}, the bootstrap while one user, then {@code --user}. */
class UsersCliTest {
    static final Map<String, String> ADMIN_NEW = Map.of("LINDUNGDESA_NEW_PASSWORD", "kata-sandi-budi");
    static final Map<String, String> CLERK_NEW = Map.of("LINDUNGDESA_NEW_PASSWORD", "kata-sandi-sari");

    @TempDir
    Path dir;

    static Map<String, String> as(String password) {
        return Map.of("LINDUNGDESA_USER_PASSWORD", password);
    }

    static Map<String, String> as(String password, String newPassword) {
        return Map.of("LINDUNGDESA_USER_PASSWORD", password, "LINDUNGDESA_NEW_PASSWORD", newPassword);
    }

    @Test
    void bootstrapThenEveryCommandRunsAsAUser() throws Exception {
        String db = dir.resolve("kab").toString();
        CliRun init = CliRun.of("--db", db, "office", "init", "--level", "district", "--code", "36.04", "--name",
                "DPMD Kabupaten Serang", "--clerk", "Budi Santoso");
        assertThat(init.exit).as(init.toString()).isZero();
        // a single-user office: no --user, no password, everything works
        CliRun list = CliRun.of("--db", db, "users", "list", "--json");
        assertThat(list.exit).as(list.toString()).isZero();
        JsonNode users = Json.MAPPER.readTree(list.out);
        assertThat(users).hasSize(1);
        assertThat(users.get(0).get("login").asString()).isEqualTo("budi.santoso");
        assertThat(users.get(0).get("name").asString()).isEqualTo("Budi Santoso");
        assertThat(users.get(0).get("roles").toString()).isEqualTo("[\"head\",\"admin\"]");
        assertThat(users.get(0).get("active").asBoolean()).isTrue();
        assertThat(CliRun.of("--db", db, "stats", "--json").exit).isZero();

        // adding is refused until the first user has a password; nothing is added
        CliRun early = CliRun.withEnv(CLERK_NEW, "--db", db, "users", "add", "sari", "--name", "Sari", "--role",
                "clerk");
        assertThat(early.exit).isEqualTo(1);
        assertThat(early.err).contains("users passwd budi.santoso");
        CliRun own = CliRun.withEnv(ADMIN_NEW, "--db", db, "users", "passwd", "budi.santoso");
        assertThat(own.exit).as(own.toString()).isZero();
        assertThat(own.out).contains("Kata sandi budi.santoso diganti");
        CliRun short_ = CliRun.withEnv(Map.of("LINDUNGDESA_NEW_PASSWORD", "pendek"), "--db", db, "users", "add",
                "sari", "--name", "Sari", "--role", "clerk");
        assertThat(short_.exit).isEqualTo(1);
        assertThat(short_.err).contains("paling sedikit 8 karakter");
        CliRun bad = CliRun.withEnv(CLERK_NEW, "--db", db, "users", "add", "sari", "--name", "Sari", "--role",
                "clerk,boss");
        assertThat(bad.exit).isEqualTo(1);
        assertThat(bad.err).contains("Peran tidak dikenal");
        CliRun add = CliRun.withEnv(CLERK_NEW, "--db", db, "users", "add", "sari", "--name", "Sari Petugas",
                "--role", "clerk");
        assertThat(add.exit).as(add.toString()).isZero();

        // the login is on: without --user, reads and writes are refused with exit 1 and a clear message
        CliRun anon = CliRun.of("--db", db, "stats", "--json");
        assertThat(anon.exit).isEqualTo(1);
        assertThat(anon.err).contains("--user LOGIN");
        CliRun anonWrite = CliRun.of("--db", db, "report", "target", "--year", "2026", "--percent", "60");
        assertThat(anonWrite.exit).isEqualTo(1);
        assertThat(anonWrite.err).contains("--user LOGIN");
        CliRun wrong = CliRun.withEnv(as("bukan-sandinya"), "--db", db, "--user", "sari", "stats", "--json");
        assertThat(wrong.exit).isEqualTo(1);
        assertThat(wrong.err).contains("salah");
        CliRun stats = CliRun.withEnv(as("kata-sandi-sari"), "--db", db, "--user", "sari", "stats", "--json");
        assertThat(stats.exit).as(stats.toString()).isZero();

        // a clerk cannot manage users; the admin can, and the trail names who did what
        CliRun clerkAdds = CliRun.withEnv(as("kata-sandi-sari", "kata-sandi-vina"), "--db", db, "--user", "sari",
                "users", "add", "vina", "--name", "Vina", "--role", "viewer");
        assertThat(clerkAdds.exit).isEqualTo(1);
        assertThat(clerkAdds.err).contains("Hanya admin yang dapat mengelola pengguna");
        CliRun adminAdds = CliRun.withEnv(as("kata-sandi-budi", "kata-sandi-vina"), "--db", db, "--user",
                "budi.santoso", "users", "add", "vina", "--name", "Vina Pembaca", "--role", "viewer");
        assertThat(adminAdds.exit).as(adminAdds.toString()).isZero();
        CliRun self = CliRun.withEnv(as("kata-sandi-budi"), "--db", db, "--user", "budi.santoso", "users",
                "disable", "budi.santoso");
        assertThat(self.exit).isEqualTo(1);
        assertThat(self.err).contains("diri sendiri");
        CliRun dis = CliRun.withEnv(as("kata-sandi-budi"), "--db", db, "--user", "budi.santoso", "users",
                "disable", "vina");
        assertThat(dis.exit).as(dis.toString()).isZero();
        CliRun vina = CliRun.withEnv(as("kata-sandi-vina"), "--db", db, "--user", "vina", "stats", "--json");
        assertThat(vina.exit).isEqualTo(1);
        assertThat(vina.err).contains("dinonaktifkan");
        assertThat(CliRun.withEnv(as("kata-sandi-budi"), "--db", db, "--user", "budi.santoso", "users", "enable",
                "vina").exit).isZero();
        CliRun vinaWrites = CliRun.withEnv(as("kata-sandi-vina"), "--db", db, "--user", "vina", "report", "target",
                "--year", "2026", "--percent", "60");
        assertThat(vinaWrites.exit).isEqualTo(1);
        assertThat(vinaWrites.err).contains("Hanya petugas atau kepala bidang");
        CliRun sariWrites = CliRun.withEnv(as("kata-sandi-sari"), "--db", db, "--user", "sari", "report", "target",
                "--year", "2026", "--percent", "60");
        assertThat(sariWrites.exit).as(sariWrites.toString()).isZero();

        CliRun listed = CliRun.withEnv(as("kata-sandi-vina"), "--db", db, "--user", "vina", "users", "list",
                "--json");
        JsonNode all = Json.MAPPER.readTree(listed.out);
        assertThat(all).hasSize(3);
        assertThat(all.get(0).get("login").asString()).isEqualTo("budi.santoso");
        assertThat(all.get(1).get("roles").toString()).isEqualTo("[\"clerk\"]");
        CliRun verify = CliRun.withEnv(as("kata-sandi-vina"), "--db", db, "--user", "vina", "audit", "verify");
        assertThat(verify.exit).as(verify.toString()).isZero();
    }
}
