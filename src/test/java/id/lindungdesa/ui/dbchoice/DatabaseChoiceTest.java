package id.lindungdesa.ui.dbchoice;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.persistence.ServerAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remembered database choice (decision 0193): address and user survive a restart, a password never is kept. */
class DatabaseChoiceTest {
    @TempDir
    Path dir;

    @Test
    void aServerChoiceIsReadBackWithoutItsPasswordAndOpensTheSameServer() throws Exception {
        ServerAddress typed = ServerAddress.parse("postgresql://ani:rahasia@db.prov.go.id:6543/prov33",
                k -> null, null);
        Path settings = dir.resolve("conf").resolve(DatabaseChoice.FILE_NAME);
        DatabaseChoice.server(typed).write(settings);
        assertThat(Files.readString(settings)).doesNotContain("rahasia");
        DatabaseChoice back = DatabaseChoice.read(settings).orElseThrow();
        assertThat(back).isEqualTo(new DatabaseChoice("server", "postgresql://db.prov.go.id:6543/prov33", "ani"));
        Path target = back.target(dir.resolve("lindungdesa"));
        assertThat(ServerAddress.isServer(target)).isTrue();
        ServerAddress opened = ServerAddress.parse(target.toString(), k -> null, null);
        assertThat(opened.display()).isEqualTo("postgresql://ani@db.prov.go.id:6543/prov33");
        assertThat(opened.password()).isNull();
    }

    @Test
    void theFileChoiceOpensTheDefaultFileAndABrokenSettingsFileCountsAsNone() throws Exception {
        Path settings = dir.resolve(DatabaseChoice.FILE_NAME);
        DatabaseChoice.file().write(settings);
        assertThat(DatabaseChoice.read(settings).orElseThrow().target(dir.resolve("lindungdesa")))
                .isEqualTo(dir.resolve("lindungdesa"));
        Files.writeString(settings, "{not json");
        assertThat(DatabaseChoice.read(settings)).isEmpty();
        assertThat(DatabaseChoice.read(dir.resolve("missing.json"))).isEmpty();
    }

    @Test
    void aTypedPasswordCountsForThisServerAndUserOnlyUntilItIsCleared() {
        ServerAddress.useTypedPassword("db.test", 5432, "kab", "budi", "ketik-123");
        assertThat(ServerAddress.parse("postgresql://budi@db.test/kab", k -> null, null).password())
                .isEqualTo("ketik-123");
        assertThat(ServerAddress.parse("postgresql://sri@db.test/kab", k -> null, null).password()).isNull();
        assertThat(ServerAddress.parse("postgresql://budi:dari-url@db.test/kab", k -> null, null).password())
                .isEqualTo("dari-url");
        ServerAddress.useTypedPassword("db.test", 5432, "kab", "budi", "");
        assertThat(ServerAddress.parse("postgresql://budi@db.test/kab", k -> null, null).password()).isNull();
    }
}
